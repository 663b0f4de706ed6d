// `npm run bench:load [-- --minutes 5 --users 200 --processes 1,2]`: simulated people browsing and editing
// the production build on PostgreSQL (a fresh database on BENCH_DATABASE_URL's or TEST_DATABASE_URL's server,
// else the local one), first against one app process, then against two behind a round-robin TCP proxy.
// Prints p50/p95 per route, errors and the servers' memory; exits non-zero on any error. Never run by CI.
import net from "node:net";
import os from "node:os";
import {
  actionIds,
  callAction,
  createPostmortem,
  freshDatabase,
  loadAverage,
  numberArg,
  signIn,
  sleep,
  startApp,
  treeRssMb,
  type App,
} from "./bench/app";

const MINUTES = numberArg("minutes", 5);
const USERS = numberArg("users", 200);
const PROCESSES = (process.argv.includes("--processes") ? process.argv[process.argv.indexOf("--processes") + 1] : "1,2")
  .split(",")
  .map(Number);
if (!PROCESSES.every((n) => Number.isInteger(n) && n > 0)) throw new Error("--processes takes counts like 1,2.");
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DEMO = ["admin@example.com", "priya@example.com", "sam@example.com", "lena@example.com"];
const POSTMORTEMS = 20;
const KINDS = [
  "MODEL_DRIFT",
  "DATA_QUALITY",
  "PROMPT_CHANGE",
  "MODEL_UPDATE",
  "ADVERSARIAL_INPUT",
  "HALLUCINATION",
  "RATE_LIMITING",
  "CONTEXT_WINDOW",
  "INTEGRATION_FAILURE",
  "INFRASTRUCTURE",
];

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

type Sample = { route: string; ms: number; ok: boolean };

const shownErrors = new Map<string, number>();
/** The first few failures of each route are shown; all are counted. */
function showError(route: string, line: string) {
  const shown = shownErrors.get(route) ?? 0;
  shownErrors.set(route, shown + 1);
  if (shown < 3) console.error(`[bench] ${route} ${line}`);
}

async function timed(samples: Sample[], route: string, run: () => Promise<Response>, check?: (body: string) => boolean) {
  const started = performance.now();
  let ok = false;
  try {
    const response = await run();
    const body = await response.text();
    ok = response.status < 400 && (!check || check(body));
    if (!ok) showError(route, `answered ${response.status}: ${body.slice(0, 300)}`);
  } catch (error) {
    showError(route, `failed: ${String(error)}`);
  }
  samples.push({ route, ms: performance.now() - started, ok });
}

async function run(base: string, pids: number[], label: string) {
  const ids = actionIds("setAiCauseAction", "publishCheckAction", "createPostmortemAction");
  // Twenty browser sessions over the demo accounts; edits are made by the postmortems' facilitator.
  const browsers: string[] = [];
  for (let i = 0; i < 20; i++) browsers.push(await signIn(base, DEMO[i % DEMO.length]));
  const editors = browsers.filter((_, i) => DEMO[i % DEMO.length] === "admin@example.com");
  const postmortems: string[] = [];
  for (let i = 0; i < POSTMORTEMS; i++)
    postmortems.push(await createPostmortem(base, editors[0], ids.createPostmortemAction, `INC-LOAD-${i}`));
  const samples: Sample[] = [];
  const memory: number[] = [];
  const started = Date.now();
  const until = started + MINUTES * 60_000;
  const sampler = setInterval(() => memory.push(pids.reduce((sum, pid) => sum + treeRssMb(pid), 0)), 2000);
  const applied = (body: string) => body.includes('"ok":true');
  await Promise.all(
    Array.from({ length: USERS }, async (_, user) => {
      const cookie = browsers[user % browsers.length];
      const editor = editors[user % editors.length];
      const pm = postmortems[user % POSTMORTEMS];
      // Each person ticks and unticks their own checklist item of their postmortem (ten items, ten people each).
      const kind = KINDS[Math.floor(user / POSTMORTEMS) % KINDS.length];
      let checked = false;
      // Spread the first requests over the first think time, as people arrive.
      await sleep(Math.random() * 5000);
      while (Date.now() < until) {
        const roll = Math.random();
        if (roll < 0.3) await timed(samples, "GET /postmortems", () => fetch(`${base}/postmortems`, { headers: { cookie } }));
        else if (roll < 0.6)
          await timed(samples, "GET /postmortems/[id]", () => fetch(`${base}/postmortems/${pm}`, { headers: { cookie } }));
        else if (roll < 0.7)
          await timed(samples, "GET /postmortems?q=", () => fetch(`${base}/postmortems?q=model`, { headers: { cookie } }));
        else if (roll < 0.8)
          await timed(
            samples,
            "action publishCheck",
            () => callAction(base, editor, ids.publishCheckAction, `/postmortems/${pm}`, { postmortemId: pm }),
            applied,
          );
        else {
          checked = !checked;
          const args = { postmortemId: pm, kind, checked, evidence: checked ? `Seen by person ${user}` : "" };
          await timed(
            samples,
            "action setAiCause (edit)",
            () => callAction(base, editor, ids.setAiCauseAction, `/postmortems/${pm}`, args),
            applied,
          );
        }
        await sleep(2000 + Math.random() * 3000);
      }
    }),
  );
  clearInterval(sampler);
  report(label, samples, memory, (Date.now() - started) / 1000);
  return samples.filter((s) => !s.ok).length;
}

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

function report(label: string, samples: Sample[], memory: number[], seconds: number) {
  const routes = [...new Set(samples.map((s) => s.route))].sort();
  console.log(
    `\n${label}: ${USERS} simulated people for ${(seconds / 60).toFixed(1)} min, ${samples.length} requests ` +
      `(${(samples.length / seconds).toFixed(1)}/s), ${samples.filter((s) => !s.ok).length} errors, ` +
      `server RSS peak ${Math.max(0, ...memory)} MB (sum over processes); load average ${loadAverage()}`,
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

async function scenario(processes: number): Promise<number> {
  const db = await freshDatabase(SERVER_URL, "load");
  const apps: App[] = [];
  let proxy: { port: number; close: () => void } | undefined;
  try {
    // Started one after the other: the first one migrates the fresh database and loads the demo data.
    for (let i = 0; i < processes; i++) apps.push(await startApp(db.env));
    const ports = apps.map((a) => Number(new URL(a.url).port));
    proxy = processes > 1 ? await roundRobin(ports) : undefined;
    const base = proxy ? `http://127.0.0.1:${proxy.port}` : apps[0].url;
    return await run(
      base,
      apps.map((a) => a.child.pid as number),
      `${processes} process${processes > 1 ? "es" : ""}`,
    );
  } finally {
    proxy?.close();
    await Promise.all(apps.map((a) => a.stop()));
    await db.drop();
  }
}

async function main() {
  const started = Date.now();
  console.log(
    `Load benchmark against the production build (.next) on PostgreSQL; ${USERS} people, ${MINUTES} min per scenario; ` +
      `load average ${loadAverage()} (1/5/15 min) on ${os.cpus().length} cores.`,
  );
  let errors = 0;
  for (const processes of PROCESSES) errors += await scenario(processes);
  console.log(`\nRun took ${((Date.now() - started) / 1000).toFixed(0)} s; ${errors} errors in all.`);
  process.exit(errors === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
