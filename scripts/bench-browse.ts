// `npm run bench:browse`: the managers' pages on a large PostgreSQL seed (`npm run db:seed:large`).
// For each page's data call it prints p50/p95 of the data-layer function next to the very same SQL
// statements sent through a plain `pg` pool (captured from the call, replayed with the same concurrency:
// statements in flight together are replayed together), the ratio between them (the data layer's own
// overhead: query building, Prisma's raw-query path, DTO mapping), and the process memory.
// Database: BENCH_DATABASE_URL, else DATABASE_URL. Results also go to bench-results/browse.json.
// BENCH_ONLY=regex runs only the scenarios whose name matches it.
// BENCH_EXPLAIN=1 prints EXPLAIN (ANALYZE, BUFFERS) of every captured statement instead of timing.
import { mkdir, writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import pg from "pg";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};

type Statement = { text: string; values: unknown[] };

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL database loaded with `npm run db:seed:large`.");
  process.env.DATABASE_URL = url;
  const { getDb, connectionConfig } = await import("@/lib/db/client");
  const { Prisma } = await import("@/lib/generated/prisma/client");
  const { listPostmortems } = await import("@/lib/data/postmortem-list");
  const { getOverview } = await import("@/lib/data/overview");
  const { getInsights } = await import("@/lib/data/insights");
  const { listTrackerActions } = await import("@/lib/data/tracker");
  const { getFollowUpReport } = await import("@/lib/data/report");
  const { periodContaining } = await import("@/lib/domain/report-period");
  const { trackerFiltersSchema } = await import("@/lib/validations/tracker");

  const db = getDb();
  const size = await db.postmortem.count();
  if (size < 1000) throw new Error(`Only ${size} postmortems: load the large seed first (npm run db:seed:large -- --postmortems 50000).`);
  const member = await db.user.findFirstOrThrow({ where: { email: "owner10@large.example" }, select: { id: true, role: true } });
  const viewer = await db.user.findFirstOrThrow({ where: { email: "owner1@large.example" }, select: { id: true, role: true } });
  const team = await db.team.findFirstOrThrow({ where: { name: "Checkout" }, select: { id: true } });

  // Records every tagged $queryRaw as {text, values}, grouped by what was in flight at the same time.
  let groups: Statement[][] | null = null;
  let inFlight = 0;
  const original = db.$queryRaw.bind(db);
  (db as unknown as { $queryRaw: unknown }).$queryRaw = (strings: TemplateStringsArray, ...values: unknown[]) => {
    if (groups) {
      const s = Prisma.sql(strings, ...values);
      if (inFlight === 0 || groups.length === 0) groups.push([]);
      groups[groups.length - 1].push({ text: s.text, values: s.values });
      inFlight += 1;
      return original(strings, ...values).finally(() => {
        inFlight -= 1;
      });
    }
    return original(strings, ...values);
  };

  // The same session settings as the app's pool (SESSION_OPTIONS), so raw SQL and the data layer run the same plans.
  const pool = new pg.Pool({ ...connectionConfig(url), max: 10 });
  const replay = async (captured: Statement[][]) => {
    for (const group of captured) await Promise.all(group.map((s) => pool.query(s.text, s.values as unknown[])));
  };
  const time = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) await fn();
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    return samples;
  };

  const week = periodContaining("week", new Date());
  const scenarios: [string, () => Promise<unknown>, number][] = [
    ["overview", () => getOverview(member), 300],
    [
      "list: Critical + Prompt change + published",
      () => listPostmortems(member, { severity: "CRITICAL", aiCause: "PROMPT_CHANGE", status: "PUBLISHED" }),
      100,
    ],
    [
      "list: team + tag + date range, oldest first",
      () => listPostmortems(member, { teamId: team.id, tag: "rag", from: "2024-06-01", to: "2026-06-30", sort: "oldest" }),
      100,
    ],
    ["list: open overdue actions, as viewer", () => listPostmortems(viewer, { actions: "overdue" }), 100],
    ['search: "stale retrieval index"', () => listPostmortems(member, { q: "stale retrieval index" }), 100],
    ["search: hallucinated refund, as viewer", () => listPostmortems(viewer, { q: "hallucinated refund" }), 100],
    ["insights: everything", () => getInsights(member, {}), 300],
    ["insights: one team", () => getInsights(member, { teamId: team.id }), 300],
    ["tracker: all", () => listTrackerActions(member, trackerFiltersSchema.parse({})), 100],
    ["tracker: overdue, one team", () => listTrackerActions(member, trackerFiltersSchema.parse({ overdue: "1", teamId: team.id })), 100],
    ["report: this week, everyone", () => getFollowUpReport(member, week, null), 300],
  ];

  const rows: {
    page: string;
    p50: number;
    p95: number;
    rawP50: number;
    rawP95: number;
    ratio: number;
    goal: number;
    statements: number;
  }[] = [];
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
  for (const [name, fn, goal] of scenarios) {
    if (only && !only.test(name)) continue;
    groups = [];
    await fn();
    const captured = groups;
    groups = null;
    if (process.env.BENCH_EXPLAIN) {
      for (const statement of captured.flat()) {
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values as unknown[]);
        console.log(
          `\n=== ${name}\n${statement.text.replace(/\s+/g, " ").slice(0, 300)}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`,
        );
      }
      continue;
    }
    const api = await time(fn);
    const raw = await time(() => replay(captured));
    const row = {
      page: name,
      p50: percentile(api, 0.5),
      p95: percentile(api, 0.95),
      rawP50: percentile(raw, 0.5),
      rawP95: percentile(raw, 0.95),
      ratio: percentile(api, 0.5) / percentile(raw, 0.5),
      goal,
      statements: captured.flat().length,
    };
    rows.push(row);
    console.log(
      `${name.padEnd(48)} p50 ${row.p50.toFixed(1).padStart(6)} ms  p95 ${row.p95.toFixed(1).padStart(6)} ms | raw SQL p50 ${row.rawP50.toFixed(1).padStart(6)} ms  p95 ${row.rawP95.toFixed(1).padStart(6)} ms | ratio ${row.ratio.toFixed(2)} | goal p95 ≤ ${goal} ms ${row.p95 <= goal ? "met" : "MISSED"}`,
    );
  }
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  const memory = { rssMb: mem.rss / 1_048_576, heapUsedMb: mem.heapUsed / 1_048_576 };
  console.log(
    `${size.toLocaleString("en-GB")} postmortems. Memory after the run: RSS ${memory.rssMb.toFixed(0)} MB, heap used ${memory.heapUsedMb.toFixed(0)} MB.`,
  );
  await mkdir("bench-results", { recursive: true });
  await writeFile(
    "bench-results/browse.json",
    JSON.stringify({ at: new Date().toISOString(), postmortems: size, samples: SAMPLES, rows, memory }, null, 2),
  );
  await pool.end();
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
