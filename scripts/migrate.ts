// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded PGlite data folder
// when DATABASE_URL is unset (the same folder `npm start` uses, so run this while the app is stopped).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { describeConnectionError, MigrationChecksumError, MigrationFailedError, runMigrations } from "../lib/db/migrate";

async function migrate(connectionString: string, label: string): Promise<number> {
  try {
    const { applied } = await runMigrations(connectionString, { log: (line) => console.log(`  ${line}`) });
    console.log(
      applied.length === 0 ? `${label}: already up to date.` : `${label}: applied ${applied.length} migration(s): ${applied.join(", ")}`,
    );
    return 0;
  } catch (err) {
    const line =
      describeConnectionError(err, connectionString) ??
      (err instanceof MigrationChecksumError || err instanceof MigrationFailedError ? err.message : null);
    if (line === null) throw err;
    console.error(line);
    return 1;
  }
}

// Only the PostgreSQL wire protocol is spoken by the runner, so the embedded database is served on a
// private loopback port for the duration of the run.
async function migrateEmbedded(): Promise<number> {
  const dataDir = path.resolve(process.env.PGLITE_DATA_DIR ?? path.join(".data", "pglite"));
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 10 });
  try {
    await server.start();
    const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
    return await migrate(url, `embedded PGlite (${dataDir})`);
  } finally {
    await server.stop();
    await db.close();
  }
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (url) {
    if (!URL.canParse(url)) {
      console.error("DATABASE_URL is not a valid URL; expected postgresql://user:password@host:port/database");
      return 1;
    }
    return migrate(url, `PostgreSQL at ${new URL(url).host || "localhost"}`);
  }
  return migrateEmbedded();
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
