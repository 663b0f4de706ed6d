import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process; Next's dev server re-evaluates modules, so it lives on globalThis.
const globalForPrisma = globalThis as unknown as { prismaClient?: PrismaClient; prismaUrl?: string; pgPool?: pg.Pool };

export function getDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the embedded database did not start.");
  if (!globalForPrisma.prismaClient || globalForPrisma.prismaUrl !== url) {
    globalForPrisma.pgPool = new pg.Pool({ ...connectionConfig(url), max: poolSize() });
    // An idle connection ended by the server (a restart, a failover, a dropped database) must not take the
    // process down: the pool replaces it on the next query.
    globalForPrisma.pgPool.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));
    globalForPrisma.prismaClient = new PrismaClient({
      adapter: new PrismaPg(globalForPrisma.pgPool),
      transactionOptions: TRANSACTION_OPTIONS,
    });
    globalForPrisma.prismaUrl = url;
  }
  return globalForPrisma.prismaClient;
}

export type Db = PrismaClient;

/**
 * Every transaction's wait for a pooled connection and its lifetime. Edits to one postmortem queue on its
 * row lock while holding their connections, so a burst (a review meeting's editors, a busy moment on a
 * loaded machine) can occupy the whole pool for a while: the rest wait in line for up to `maxWait` instead
 * of being refused after Prisma's default 2 s, and a transaction waiting behind the lock may run for
 * `timeout` (default 5 s). Both still end a stuck wait with a clear error.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/**
 * The pool under Prisma, shared with the job queue: on the embedded database this keeps every query of the
 * process on its single connection, where a second one could interleave protocol messages.
 */
export function getPool(): pg.Pool {
  getDb();
  return globalForPrisma.pgPool!;
}

/**
 * The planner settings every session the app opens on a real PostgreSQL runs with. Defaults that an operator
 * can still override: `options` in `DATABASE_URL` come after them, and the last `-c` for a setting wins.
 * - `jit=off`: the app's statements run in milliseconds to a few hundred; JIT compiles a plan once its estimated
 *   cost passes jit_above_cost and spent 30–1,800 ms doing so on the managers' views (insights, overview,
 *   tracker counts) for no gain at execution.
 * - `random_page_cost=1.1` (the default 4 assumes spinning disks): with it the planner reads the managers'
 *   aggregates from the narrow covering indexes instead of scanning the wide postmortem rows (2.3 kB each,
 *   130 MB at 50,000 postmortems), 35 ms instead of 210–270 ms for one count when the heap is not in shared
 *   buffers.
 * - `max_parallel_workers_per_gather=0`: the managers' views run several statements at once (the overview and
 *   insights send six or seven together) and many managers browse at the same time; parallel workers only
 *   fight those statements for the same cores. Measured on 2 cores at 50,000 postmortems, p95: overview
 *   345 → 133 ms, all-actions tracker 241 → 78 ms.
 * - `work_mem=16MB` (default 4 MB): the insights' monthly pass (medians by month) sorted ~6 MB on disk; in
 *   memory its p95 went from 317 to 252 ms. Per sort or hash node, so a pool of 10 stays well under 1 GB.
 */
export const SESSION_OPTIONS = "-c jit=off -c random_page_cost=1.1 -c max_parallel_workers_per_gather=0 -c work_mem=16MB";

/**
 * Where and how the app's pool connects: on a real PostgreSQL every session starts with SESSION_OPTIONS, then
 * any `options` given in the URL (node-postgres lets the URL's `options` win over the pool's, so they are
 * moved out of the URL and merged). Set per session, so no database- or role-level setting is needed. The
 * embedded database (PGlite) has no JIT and takes no startup options.
 */
export function connectionConfig(url: string): { connectionString: string; options?: string } {
  if (process.env.EMBEDDED_DATABASE === "1") return { connectionString: url };
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  const fromUrl = parsed?.searchParams.get("options");
  if (!parsed || !fromUrl) return { connectionString: url, options: SESSION_OPTIONS };
  parsed.searchParams.delete("options");
  return { connectionString: parsed.toString(), options: `${SESSION_OPTIONS} ${fromUrl}` };
}

/**
 * PGlite is one backend session behind its socket server, which queues protocol messages one at a time:
 * two connections sending extended-protocol queries at once could interleave their Parse/Bind messages.
 * So the embedded database gets exactly one pooled connection; a real PostgreSQL gets a normal pool.
 */
function poolSize(): number {
  if (process.env.DATABASE_POOL_SIZE) return Number(process.env.DATABASE_POOL_SIZE);
  return process.env.EMBEDDED_DATABASE === "1" ? 1 : 10;
}
