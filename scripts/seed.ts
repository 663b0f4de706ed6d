// `npm run db:seed`: loads the demo organisation into DATABASE_URL, or into the embedded database when unset
// (stop the app first: the embedded data folder is opened by one process at a time).
import { readEnv } from "@/lib/env";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { runMigrations, describeConnectionError } from "@/lib/db/migrate";

async function main() {
  const env = readEnv();
  const embedded = env.externalDatabaseUrl ? null : await startEmbeddedDatabase(env.pgliteDir);
  const url = env.externalDatabaseUrl ?? embedded!.url;
  process.env.DATABASE_URL = url;
  try {
    await runMigrations(url, { log: (l) => console.log(l) });
    const { seedDemoData, demoSignIns } = await import("@/lib/data/seed");
    await seedDemoData();
    const signIns = await demoSignIns();
    console.log(`Demo data loaded. Sign in with any of these (password ${signIns[0]?.password}):`);
    for (const s of signIns) console.log(`  ${s.role.padEnd(6)} ${s.email}`);
  } catch (error) {
    console.error(describeConnectionError(error, url) ?? error);
    process.exitCode = 1;
  } finally {
    const { getDb } = await import("@/lib/db/client");
    await getDb().$disconnect();
    await embedded?.stop();
  }
}

void main();
