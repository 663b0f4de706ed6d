import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { freshDatabase, type ScratchDatabase } from "@/test/db";
import { describeConnectionError, MigrationChecksumError, MigrationFailedError, runMigrations } from "./migrate";

const migrationsDir = path.join(process.cwd(), "prisma/migrations");
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratchDatabase(): Promise<ScratchDatabase> {
  const database = await freshDatabase();
  cleanups.push(database.drop);
  return database;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "pm-migrations-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
}

const recordedRows = (url: string) => query<MigrationRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

describe("runMigrations", () => {
  it("applies every migration to an empty database and records its sha256 checksum", async () => {
    const { url } = await scratchDatabase();
    const names = await migrationNames(migrationsDir);
    expect(names.length).toBeGreaterThan(0);

    const { applied } = await runMigrations(url);

    expect(applied).toEqual(names);
    const rows = await recordedRows(url);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await query<{ n: string }>(url, `SELECT count(*) AS n FROM pg_tables WHERE tablename = 'Postmortem'`);
    expect(Number(tables[0].n)).toBe(1);
  });

  it("applies nothing the second time", async () => {
    const { url } = await scratchDatabase();
    await runMigrations(url);

    const lines: string[] = [];
    const { applied } = await runMigrations(url, { log: (line) => lines.push(line) });

    expect(applied).toEqual([]);
    expect(lines).toEqual([]);
    expect(await recordedRows(url)).toHaveLength((await migrationNames(migrationsDir)).length);
  });

  it("applies each migration exactly once when two runners start together", async () => {
    const { url } = await scratchDatabase();
    const names = await migrationNames(migrationsDir);

    const results = await Promise.all([runMigrations(url), runMigrations(url)]);

    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    const counts = await query<{ migration_name: string; n: string }>(
      url,
      `SELECT migration_name, count(*) AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(counts.map((c) => [c.migration_name, Number(c.n)])).toEqual(names.map((name) => [name, 1]));
  });

  it("refuses an applied migration whose file has changed since", async () => {
    const { url } = await scratchDatabase();
    const dir = await copyOfMigrations();
    await runMigrations(url, { migrationsDir: dir });
    const [first] = await migrationNames(dir);
    await appendFile(path.join(dir, first, "migration.sql"), "\n-- edited after the fact\n");

    const run = runMigrations(url, { migrationsDir: dir });

    await expect(run).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(run).rejects.toThrow(`migration ${first} was changed after it was applied`);
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    const { url } = await scratchDatabase();
    const dir = await copyOfMigrations();
    const broken = "99990101000000_broken";
    await mkdir(path.join(dir, broken));
    await writeFile(
      path.join(dir, broken, "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;\n`,
    );

    await expect(runMigrations(url, { migrationsDir: dir })).rejects.toBeInstanceOf(MigrationFailedError);

    const rows = await recordedRows(url);
    expect(rows.map((r) => r.migration_name)).not.toContain(broken);
    expect(rows.length).toBe((await migrationNames(migrationsDir)).length);
    const halfDone = await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'HalfDone'`);
    expect(halfDone).toEqual([]);
  });
});

describe("describeConnectionError", () => {
  it("names host and port in one line when nothing listens there", async () => {
    const port = await closedPort();
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;

    const error = await runMigrations(url).then(
      () => null,
      (err: unknown) => err,
    );

    const line = describeConnectionError(error, url);
    expect(line).toBe(`Cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused). Is it running, and is DATABASE_URL right?`);
  });

  it("explains a missing database, a refused login and an unknown host without a stack", () => {
    const url = "postgresql://app:secret@db.internal:6543/postmortems";
    const missing = Object.assign(new Error('database "postmortems" does not exist'), { code: "3D000" });
    const refused = Object.assign(new Error('password authentication failed for user "app"'), { code: "28P01" });
    const unknownHost = Object.assign(new Error("getaddrinfo ENOTFOUND db.internal"), { code: "ENOTFOUND" });

    const lines = [missing, refused, unknownHost].map((err) => describeConnectionError(err, url));

    expect(lines).toEqual([
      'Database "postmortems" does not exist on PostgreSQL at db.internal:6543. Create it, or fix DATABASE_URL.',
      'PostgreSQL at db.internal:6543 refused user "app" (password authentication failed for user "app"). Check the user and password in DATABASE_URL.',
      "Cannot reach PostgreSQL at db.internal:6543 (host name not found). Is the host name in DATABASE_URL right?",
    ]);
    for (const line of lines) expect(line).not.toContain("secret");
    expect(describeConnectionError(new Error('relation "x" does not exist'), url)).toBeNull();
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
