// `npm run bench:load [-- --minutes 5 --users 200]`: simulated people browsing and editing the production
// build on PostgreSQL, first against one app process, then against two behind a round-robin TCP proxy.
// Prints p50/p95 per route, errors and the servers' memory; never run by CI (timing is not asserted).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg("minutes", 5);
const USERS = arg("users", 200);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DEMO = ["admin@example.com", "priya@example.com", "sam@example.com", "lena@example.com"];
const nextBin = createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A round-robin TCP proxy: each new connection goes to the next app process. */
async function roundRobin(ports: number[]): Promise<{ port: number; close: () => void }> {
  let next = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(ports[next++ % ports.length], "127.0.0.1");
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end);
    upstream.on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

async function startApp(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const app = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: ["ignore", "ignore", "inherit"], env });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return app;
    await new Promise((r) => setTimeout(r, 500));
  }
  app.kill();
  throw new Error(`app on ${port} did not start`);
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Math.round(Number(line?.replace(/\D+/g, "") ?? 0) / 1024);
}

/** Ids of the server actions the simulated people call, from the build's own manifest. */
function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) if (entry.exportedName) ids[entry.exportedName] = id;
  for (const name of ["setAiCauseAction", "publishCheckAction", "createPostmortemAction"]) {
    if (!ids[name]) throw new Error(`server action ${name} not found in the build manifest`);
  }
  return ids;
}

type Sample = { route: string; ms: number; ok: boolean };

async function timed(samples: Sample[], route: string, run: () => Promise<Response>, check?: (body: string) => boolean) {
  const started = performance.now();
  let ok = false;
  try {
    const response = await run();
    const body = await response.text();
    ok = response.status < 400 && (!check || check(body));
    if (!ok) console.error(`[bench] ${route} answered ${response.status}: ${body.slice(0, 200)}`);
  } catch (error) {
    console.error(`[bench] ${route} failed: ${String(error)}`);
  }
  samples.push({ route, ms: performance.now() - started, ok });
}

async function signIn(base: string, email: string): Promise<string> {
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
  if (!session) throw new Error(`sign-in failed for ${email}`);
  return `${jar}; ${session}`;
}

const callAction = (base: string, cookie: string, id: string, pagePath: string, args: unknown) =>
  fetch(`${base}${pagePath}`, {
    method: "POST",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie, origin: base },
    body: JSON.stringify([args]),
  });

async function run(base: string, pids: number[], label: string) {
  const ids = actionIds();
  const cookies = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(base, DEMO[i % DEMO.length])));
  const postmortems: string[] = [];
  for (let i = 0; i < 20; i++) {
    const response = await callAction(base, cookies[0], ids.createPostmortemAction, "/postmortems/new", {
      incidentKey: `INC-LOAD-${label.replace(/\W/g, "")}-${i}`,
      incidentName: `Load test incident ${i}`,
      incidentDate: "2026-11-20T09:00",
      severity: "HIGH",
    });
    const id = /"id":"([a-z0-9]+)"/.exec(await response.text())?.[1];
    if (!id) throw new Error("could not create the load-test postmortems");
    postmortems.push(id);
  }
  const samples: Sample[] = [];
  const memory: number[] = [];
  const until = Date.now() + MINUTES * 60_000;
  const sampler = setInterval(() => memory.push(pids.reduce((sum, pid) => sum + rssMb(pid), 0)), 5000);
  const kinds = ["MODEL_DRIFT", "DATA_QUALITY", "PROMPT_CHANGE", "HALLUCINATION", "RATE_LIMITING"];
  await Promise.all(
    Array.from({ length: USERS }, async (_, user) => {
      const cookie = cookies[user % cookies.length];
      const pm = postmortems[user % postmortems.length];
      let checked = false;
      while (Date.now() < until) {
        const roll = Math.random();
        const ok = (body: string) => !body.includes('"code":"INTERNAL"');
        if (roll < 0.3) await timed(samples, "GET /postmortems", () => fetch(`${base}/postmortems`, { headers: { cookie } }));
        else if (roll < 0.6)
          await timed(samples, "GET /postmortems/[id]", () => fetch(`${base}/postmortems/${pm}`, { headers: { cookie } }));
        else if (roll < 0.7)
          await timed(samples, "GET /postmortems?q=", () => fetch(`${base}/postmortems?q=model`, { headers: { cookie } }));
        else if (roll < 0.8)
          await timed(
            samples,
            "action publishCheck",
            () => callAction(base, cookie, ids.publishCheckAction, `/postmortems/${pm}`, { postmortemId: pm }),
            ok,
          );
        else {
          checked = !checked;
          const args = { postmortemId: pm, kind: kinds[user % kinds.length], checked, evidence: checked ? `Seen by user ${user}` : "" };
          await timed(
            samples,
            "action setAiCause (edit)",
            () => callAction(base, cookie, ids.setAiCauseAction, `/postmortems/${pm}`, args),
            ok,
          );
        }
        await new Promise((r) => setTimeout(r, 2000 + Math.random() * 3000));
      }
    }),
  );
  clearInterval(sampler);
  report(label, samples, memory);
}

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

function report(label: string, samples: Sample[], memory: number[]) {
  const routes = [...new Set(samples.map((s) => s.route))].sort();
  console.log(
    `\n${label}: ${USERS} simulated people, ${MINUTES} min, ${samples.length} requests, ` +
      `${samples.filter((s) => !s.ok).length} errors, server RSS peak ${Math.max(0, ...memory)} MB (sum over processes)`,
  );
  console.log("route".padEnd(28) + "count".padStart(7) + "errors".padStart(8) + "p50 ms".padStart(9) + "p95 ms".padStart(9));
  for (const route of routes) {
    const rows = samples.filter((s) => s.route === route);
    const ms = rows.map((s) => s.ms);
    console.log(
      route.padEnd(28) +
        String(rows.length).padStart(7) +
        String(rows.filter((s) => !s.ok).length).padStart(8) +
        String(pct(ms, 50)).padStart(9) +
        String(pct(ms, 95)).padStart(9),
    );
  }
}

async function scenario(processes: number) {
  const name = `pm_bench_load_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await sql(SERVER_URL, `CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pm-bench-"));
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    SEED_DEMO_DATA: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(33).toString("base64"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    // The simulated people all come from this machine; the per-address sign-in limit is not what is measured.
    TRUSTED_PROXIES: "",
  };
  const apps: ChildProcess[] = [];
  let proxy: { port: number; close: () => void } | undefined;
  try {
    const ports = [];
    for (let i = 0; i < processes; i++) {
      const port = await freePort();
      apps.push(await startApp(env, port));
      ports.push(port);
    }
    proxy = processes > 1 ? await roundRobin(ports) : undefined;
    const base = `http://127.0.0.1:${proxy?.port ?? ports[0]}`;
    await run(
      base,
      apps.map((a) => a.pid as number),
      `${processes} process${processes > 1 ? "es" : ""}`,
    );
  } finally {
    proxy?.close();
    for (const app of apps) app.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    await sql(SERVER_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log("Load benchmark against the production build (.next) on PostgreSQL; run `npm run build` first.");
async function main() {
  await scenario(1);
  await scenario(2);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
