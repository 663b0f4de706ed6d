// `npm run bench`: speed and memory figures of the data layer (DESIGN: targets are checked here, never by
// timed assertions in tests). Always runs on a fresh embedded PGlite in a temporary folder, and also on a
// fresh `pm_bench_<ts>` database when BENCH_DATABASE_URL points at a PostgreSQL server; prints one table per
// target, a PGlite ÷ PostgreSQL comparison when both ran, and writes bench-results/latest.json.
// This process owns the scratch databases and folders, so they are removed even when a workload dies;
// the workload itself runs in scripts/bench-data.ts, one child process per target.
import { fork } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describeConnectionError } from "@/lib/db/migrate";
import type { BenchMessage, Metric } from "./bench-data";

type TargetKey = "pglite" | "postgres";
type TargetRun = { key: TargetKey; label: string; metrics: Metric[]; sizes: Record<string, number> };

const LABELS: Record<TargetKey, string> = { pglite: "PGlite (embedded)", postgres: "PostgreSQL" };

function runWorkload(key: TargetKey, where: string): Promise<Extract<BenchMessage, { ok: true }>> {
  return new Promise((resolve, reject) => {
    // The child needs this process's tsx loader and `--conditions react-server` (both in execArgv), and
    // --expose-gc so its memory figures can be taken after a collection.
    const child = fork(path.resolve("scripts/bench-data.ts"), [key, where], {
      execArgv: [...process.execArgv, "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let answer: BenchMessage | undefined;
    child.on("message", (message) => {
      answer = message as BenchMessage;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (answer?.ok) resolve(answer);
      else reject(new Error(answer?.error ?? `workload exited with ${signal ?? `code ${code}`}`));
    });
  });
}

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function benchPGlite(): Promise<TargetRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pm-bench-"));
  try {
    const { metrics, sizes } = await runWorkload("pglite", path.join(dir, "pglite"));
    return { key: "pglite", label: LABELS.pglite, metrics, sizes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(serverUrl: string): Promise<TargetRun> {
  const name = `pm_bench_${Date.now()}`;
  await withAdminClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const { metrics, sizes } = await runWorkload("postgres", url.toString());
    return { key: "postgres", label: LABELS.postgres, metrics, sizes };
  } finally {
    // FORCE: a workload that died mid-transaction may still hold connections.
    await withAdminClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

function format(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  return value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

function printTable(title: string, header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // First column left-aligned (names), the rest right-aligned so digits line up.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

function ratioOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const runs: TargetRun[] = [];
  const started = new Date();
  // Fail before the minute-long PGlite run, not after it, when the server is unreachable.
  if (serverUrl) await withAdminClient(serverUrl, (c) => c.query("SELECT 1"));
  for (const target of serverUrl ? (["pglite", "postgres"] as const) : (["pglite"] as const)) {
    console.log(`${runs.length > 0 ? "\n" : ""}running the workload on ${LABELS[target]}…`);
    const run = target === "pglite" ? await benchPGlite() : await benchPostgres(serverUrl as string);
    runs.push(run);
    printTable(
      run.label,
      ["metric", "unit", "value"],
      run.metrics.map((m) => [m.name, m.unit, format(m.value)]),
    );
  }

  const [lite, postgres] = runs;
  const ratios: Record<string, number | null> = {};
  if (postgres) {
    const pgValue = new Map(postgres.metrics.map((m) => [m.name, m.value]));
    const rows = lite.metrics.map((m) => {
      const ratio = ratioOf(m.value, pgValue.get(m.name));
      ratios[m.name] = ratio ?? null;
      return [m.name, m.unit, format(m.value), format(pgValue.get(m.name)), ratio === undefined ? "–" : `${ratio.toFixed(2)}x`];
    });
    printTable(
      "Comparison (ratio = PGlite ÷ PostgreSQL; above 1 means PGlite is higher)",
      ["metric", "unit", "PGlite", "PostgreSQL", "ratio"],
      rows,
    );
  }

  const out = path.resolve("bench-results/latest.json");
  await mkdir(path.dirname(out), { recursive: true });
  const json = {
    startedAt: started.toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    sizes: lite.sizes,
    targets: Object.fromEntries(
      runs.map((r) => [r.key, Object.fromEntries(r.metrics.map((m) => [m.name, { unit: m.unit, value: m.value }]))]),
    ),
    ...(postgres ? { ratiosPGliteOverPostgres: ratios } : {}),
  };
  await writeFile(out, JSON.stringify(json, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  const url = process.env.BENCH_DATABASE_URL;
  const message =
    (url && describeConnectionError(error, url, "BENCH_DATABASE_URL")) || (error instanceof Error ? error.message : String(error));
  console.error(`bench failed: ${message.replace(/\s+/g, " ").trim()}`);
  process.exitCode = 1;
});
