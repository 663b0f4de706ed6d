// The project's own migration runner: plain SQL folders under prisma/migrations, bookkept in Prisma's
// `_prisma_migrations` table so `prisma migrate status` and this runner agree about what is applied.
// Plain `pg` and no 'server-only' import, because scripts/migrate.ts and the test setup use it too.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Prisma's schema engine takes this same key, so this runner and `prisma migrate deploy` also exclude
// each other, not just two copies of this runner.
const MIGRATION_LOCK_KEY = "72707369";

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationChecksumError extends Error {
  readonly migrationName: string;
  constructor(migrationName: string) {
    super(`migration ${migrationName} was changed after it was applied; restore the file or add a new migration`);
    this.name = "MigrationChecksumError";
    this.migrationName = migrationName;
  }
}

export class MigrationFailedError extends Error {
  readonly migrationName: string;
  constructor(migrationName: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`migration ${migrationName} failed and was rolled back: ${reason}`, { cause });
    this.name = "MigrationFailedError";
    this.migrationName = migrationName;
  }
}

export interface RunMigrationsOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function runMigrations(connectionString: string, options: RunMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), "prisma/migrations");
  const log = options.log ?? (() => {});
  // Read the files before connecting so a missing folder fails without touching the database.
  const migrations = await readMigrations(migrationsDir);

  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  // A connection dropped while idle is reported by the next query; without a listener it would crash.
  client.on("error", () => {});
  await client.connect();
  const applied: string[] = [];
  let locked = false;
  try {
    // Queries outside a transaction carry no parameters on purpose: the PGlite socket server shares one
    // backend between connections, and only single-message (simple protocol) queries cannot interleave.
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    locked = true;
    await client.query(CREATE_MIGRATIONS_TABLE);
    const recorded = await readRecordedChecksums(client);

    for (const migration of migrations) {
      const checksum = recorded.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) throw new MigrationChecksumError(migration.name);
        continue;
      }
      if (await applyMigration(client, migration)) {
        applied.push(migration.name);
        log(`applied ${migration.name}`);
      }
    }
    const known = new Set(migrations.map((m) => m.name));
    for (const name of recorded.keys()) {
      if (!known.has(name)) log(`warning: ${name} is applied in the database but missing from ${migrationsDir}`);
    }
  } finally {
    try {
      if (locked) await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    } finally {
      await client.end();
    }
  }
  return { applied };
}

async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations: MigrationFile[] = [];
  for (const name of folders) {
    let sql: string;
    try {
      sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw err;
    }
    migrations.push({ name, sql, checksum: createHash("sha256").update(sql, "utf8").digest("hex") });
  }
  return migrations;
}

// Rows Prisma left unfinished or rolled back do not count as applied: this runner never leaves half a
// migration behind, so running such a migration again is what finishing it means.
async function readRecordedChecksums(client: pg.Client): Promise<Map<string, string>> {
  const result = await client.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at`,
  );
  return new Map(result.rows.map((row) => [row.migration_name, row.checksum]));
}

// Returns false when another runner recorded the migration first, which only happens on PGlite, whose
// advisory locks are shared by every socket connection; its transactions are serialised, so the check
// inside the transaction is what keeps a migration from running twice there.
async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<boolean> {
  await client.query("BEGIN");
  try {
    const already = await client.query(
      `SELECT 1 FROM "_prisma_migrations"
       WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      [migration.name],
    );
    if (already.rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
    return true;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw new MigrationFailedError(migration.name, err);
  }
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ECONNRESET: "connection reset",
};

/**
 * One line a person can act on for the usual ways of failing to reach PostgreSQL, or null when the
 * error is something else (a real bug should keep its stack).
 */
export function describeConnectionError(err: unknown, connectionString: string, envName = "DATABASE_URL"): string | null {
  const { host, port, user, database } = describeTarget(connectionString);
  const where = `PostgreSQL at ${host}:${port}`;
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);

  const reason = code ? NETWORK_REASONS[code] : undefined;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return `Cannot reach ${where} (${reason}). Is the host name in ${envName} right?`;
  }
  if (reason) return `Cannot reach ${where} (${reason}). Is it running, and is ${envName} right?`;
  if (/timeout/i.test(message) && /connect/i.test(message)) {
    return `Cannot reach ${where} (connection timed out). Is it running, and is ${envName} right?`;
  }
  if (code === "28P01" || code === "28000" || /^SASL:|password authentication/i.test(message)) {
    return `${where} refused user "${user}" (${firstLine(message)}). Check the user and password in ${envName}.`;
  }
  if (/Connection terminated unexpectedly/i.test(message)) {
    return `Lost the connection to ${where} (closed unexpectedly). Is ${envName} pointing at PostgreSQL?`;
  }
  if (code === "3D000") {
    return `Database "${database}" does not exist on ${where}. Create it, or fix ${envName}.`;
  }
  return null;
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const { code, errors } = err as { code?: unknown; errors?: unknown };
  if (typeof code === "string") return code;
  // Node reports a refused dual-stack connect (::1 and 127.0.0.1) as an AggregateError.
  if (Array.isArray(errors)) return errors.map(errorCode).find(Boolean);
  return undefined;
}

function describeTarget(connectionString: string) {
  try {
    const url = new URL(connectionString);
    const host = url.hostname.replace(/^\[|\]$/g, "") || url.searchParams.get("host") || "localhost";
    return {
      host,
      port: url.port || url.searchParams.get("port") || "5432",
      user: decodeURIComponent(url.username) || "(default)",
      database: decodeURIComponent(url.pathname.replace(/^\//, "")) || "(default)",
    };
  } catch {
    return { host: "(unparseable URL)", port: "?", user: "?", database: "?" };
  }
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0] ?? text;
}
