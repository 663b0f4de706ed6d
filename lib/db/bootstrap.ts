import { ensureAuthSecret, readEnv } from "@/lib/env";
import { describeConnectionError, runMigrations } from "@/lib/db/migrate";
import { startEmbeddedDatabase } from "@/lib/db/embedded";

const log = (line: string) => console.log(`[postmortems] ${line}`);

/**
 * Runs once per server process before the first request: picks the database, migrates it and, on the
 * first embedded start, loads the demo data. Any failure is one readable line and a non-zero exit.
 */
export async function bootstrap(): Promise<void> {
  try {
    const env = readEnv();
    ensureAuthSecret(log);
    if (!env.externalDatabaseUrl) {
      const embedded = await startEmbeddedDatabase(env.pgliteDir);
      process.env.DATABASE_URL = embedded.url;
      process.env.EMBEDDED_DATABASE = "1";
      log(`Using the embedded PostgreSQL (PGlite) in ${env.pgliteDir}`);
      // Close PGlite cleanly on stop so its data folder needs no recovery; never hang the exit on it.
      const shutdown = () => {
        setTimeout(() => process.exit(0), 5000).unref();
        embedded
          .stop()
          .catch(() => {})
          .finally(() => process.exit(0));
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    } else {
      log(`Using PostgreSQL at ${safeHost(env.externalDatabaseUrl)}`);
    }
    const url = process.env.DATABASE_URL as string;
    try {
      const { applied } = await runMigrations(url, { log });
      if (applied.length > 0) log(`Applied ${applied.length} migration(s).`);
    } catch (error) {
      const line = describeConnectionError(error, url);
      if (line) throw new Error(line);
      throw error;
    }
    const { seedDemoDataIfEmpty, demoSignIns } = await import("@/lib/data/seed");
    if (!env.externalDatabaseUrl || process.env.SEED_DEMO_DATA === "1") {
      const seeded = await seedDemoDataIfEmpty();
      if (seeded) log("Loaded the demo data (3 postmortems, 2 teams).");
    }
    const signIns = await demoSignIns();
    if (signIns.length > 0) {
      log("Demo sign-ins (password for all: " + signIns[0].password + "):");
      for (const s of signIns) log(`  ${s.role.padEnd(6)} ${s.email}`);
    }
  } catch (error) {
    console.error(`[postmortems] Cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
