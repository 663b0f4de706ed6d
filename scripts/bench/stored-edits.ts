// Reads the benchmark's database after the app stopped: how many of the acknowledged edits are stored, and
// whether each row holds the last value its editor was told was saved.
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "./app";

export type StoredCheck = { acknowledged: number; stored: number; rowsWithLastValue: number; rows: number };

type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

async function withDatabase<T>(db: Database, run: (query: Query) => Promise<T>): Promise<T> {
  if (db.url) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      return await run(async (text, params) => (await client.query(text, params)).rows);
    } finally {
      await client.end();
    }
  }
  // The embedded database is opened from its data folder, as the next start of the app would find it.
  const lite = await PGlite.create(db.pgliteDir);
  try {
    return await run(async (text, params) => (await lite.query<Record<string, unknown>>(text, params)).rows);
  } finally {
    await lite.close();
  }
}

export function checkStoredEdits(db: Database, acknowledged: string[], lastValues: Map<string, string>): Promise<StoredCheck> {
  return withDatabase(db, async (query) => {
    const [{ stored }] = await query(
      `SELECT count(DISTINCT "clientMutationId")::int AS stored FROM "DocEvent" WHERE "clientMutationId" = ANY($1::text[])`,
      [acknowledged],
    );
    const rows = await query(`SELECT "id", "event" FROM "TimelineEntry" WHERE "id" = ANY($1::text[])`, [[...lastValues.keys()]]);
    const rowsWithLastValue = rows.filter((r) => lastValues.get(r.id as string) === r.event).length;
    return { acknowledged: acknowledged.length, stored: Number(stored), rowsWithLastValue, rows: lastValues.size };
  });
}
