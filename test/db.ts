// Scratch databases for tests: a new database on TEST_DATABASE_URL's server when it is set (CI points it
// at the local PostgreSQL), otherwise a new in-memory PGlite served on a private loopback port.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

export interface ScratchDatabase {
  /** postgresql:// URL of an empty database, reachable from any test worker. */
  url: string;
  /** Drops the database (PostgreSQL) or stops the server and discards the data (PGlite). */
  drop: () => Promise<void>;
}

/** Databases created by the tests all carry this prefix, so a leftover one is easy to spot and remove. */
export const TEST_DATABASE_PREFIX = "pm_test_";

export function freshDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : startPGliteDatabase();
}

async function createPostgresDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${Date.now()}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withAdminClient(serverUrl: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

// initdb costs seconds per PGlite instance; copying a pristine data directory costs well under one.
let pristineDataDir: Promise<File | Blob> | undefined;

async function createPGlite(): Promise<PGlite> {
  pristineDataDir ??= PGlite.create().then(async (template) => {
    const dump = await template.dumpDataDir("none");
    await template.close();
    return dump;
  });
  return PGlite.create({ loadDataDir: await pristineDataDir });
}

async function startPGliteDatabase(): Promise<ScratchDatabase> {
  const db = await createPGlite();
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 10 });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres`,
    drop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
