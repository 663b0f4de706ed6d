// The production app as the benchmarks drive it: a fresh database (embedded PGlite, or a new database on
// BENCH_DATABASE_URL's PostgreSQL), `next start` processes, sign-ins and server-action calls the way the
// browser makes them, and the servers' memory.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const nextBin = createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");

// Servers this run started are ended with it, also when it is interrupted or fails.
const children = new Set<ChildProcess>();
process.once("exit", () => children.forEach((c) => c.exitCode === null && c.kill("SIGKILL")));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

/** Starts a server process that is ended when this run ends. */
export function spawnServer(args: string[], env: NodeJS.ProcessEnv, stdout: "ignore" | "pipe"): ChildProcess {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", stdout, "inherit"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A numeric command-line option (`--name 5`), else the fallback. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number.`);
  return value;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ");

export type Database = {
  kind: "PostgreSQL" | "embedded PGlite";
  env: Record<string, string>;
  /** The PostgreSQL URL while the app runs, or null for the embedded one (open `pgliteDir` once stopped). */
  url: string | null;
  pgliteDir: string;
  drop: () => Promise<void>;
};

async function adminQuery(server: string, text: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh database: a new one on `serverUrl`'s PostgreSQL when given, else a new embedded data folder. */
export async function freshDatabase(serverUrl: string | undefined, label: string): Promise<Database> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `pm-bench-${label}-`));
  const common = {
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(33).toString("base64"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // The simulated people all come from this machine; the per-address sign-in limit is not what is measured.
    TRUSTED_PROXIES: "",
  };
  const pgliteDir = path.join(dataDir, "pglite");
  if (!serverUrl) {
    return {
      kind: "embedded PGlite",
      env: { ...common, DATABASE_URL: "" },
      url: null,
      pgliteDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `pm_bench_${label}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "PostgreSQL",
    env: { ...common, DATABASE_URL: url.toString() },
    url: url.toString(),
    pgliteDir,
    drop: async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type App = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** `next start` on a free port with the production build, ready once /api/health answers. */
export async function startApp(env: Record<string, string>): Promise<App> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const port = await freePort();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", goes to the app's Node (to profile it).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawnServer(
    [...nodeArgs, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    { ...process.env, ...env, PORT: String(port) },
    "ignore",
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(30_000)]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited with code ${child.exitCode}.`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child, stop };
    await sleep(300);
  }
  await stop();
  throw new Error(`The app on port ${port} did not start within 3 minutes.`);
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** CPU time (user + system) used so far by a process and all its descendants, in ms (Linux clock ticks of 10 ms). */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop() as number;
    try {
      const fields = readFileSync(`/proc/${current}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      continue;
    }
    pending.push(...childrenOf(current));
  }
  return ticks * 10;
}

/** Resident memory of a process and all its descendants (`next start` may serve from a child), in MB. */
export function treeRssMb(pid: number): number {
  let kb = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop() as number;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      continue;
    }
    pending.push(...childrenOf(current));
  }
  return Math.round(kb / 1024);
}

/** Ids of server actions by exported name, from the build's manifest (how the browser finds them too). */
export function actionIds(...names: string[]): Record<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids[entry.exportedName] = id;
  for (const name of names) if (!ids[name]) throw new Error(`Server action ${name} not found in the build.`);
  return ids;
}

/** Signs a demo account in; answers the cookie header a browser would then send. */
export async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: "postmortem-demo" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Could not sign in ${email} (status ${response.status}).`);
  return `${jar}; ${session}`;
}

/** Calls a server action as the browser does, from the page at `pagePath`. */
export const callAction = (base: string, cookie: string, id: string, pagePath: string, args: unknown) =>
  fetch(`${base}${pagePath}`, {
    method: "POST",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie, origin: base },
    body: JSON.stringify([args]),
  });

/** Creates a postmortem through the same action as the "New postmortem" form; answers its id. */
export async function createPostmortem(base: string, cookie: string, actionId: string, key: string): Promise<string> {
  const response = await callAction(base, cookie, actionId, "/postmortems/new", {
    incidentKey: key,
    incidentName: `Benchmark incident ${key}`,
    incidentDate: "2026-11-20T09:00",
    severity: "HIGH",
  });
  const text = await response.text();
  const id = /"id":"([a-z0-9]+)"/.exec(text)?.[1];
  if (!id) throw new Error(`Could not create postmortem ${key}: ${text.slice(0, 300)}`);
  return id;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

export const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
