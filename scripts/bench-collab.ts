// `npm run bench:collab`: 20 simulated editors on one postmortem against the production build (`next start`
// on a fresh embedded database, or on a fresh database of BENCH_DATABASE_URL's server): p50/p95/p99 from
// an edit's send to its arrival at the other 19 editors' live streams, edits per second, bytes each client
// receives per edit, server memory. Then the same 20 clients and pacing on a Hocuspocus server (in-memory
// Yjs, what a team would otherwise add), and our p95 over theirs. Every one of our edits is stored durably.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { randomBytes, randomUUID } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import WebSocket from "ws";
import * as Y from "yjs";
import { Server as HocuspocusServer } from "@hocuspocus/server";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";

const EDITORS = 20;
const EDITS_EACH = Number(process.env.BENCH_EDITS_EACH ?? 10);
const PAUSE_MS = 100;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

type Db = { env: Record<string, string>; drop: () => Promise<void> };

async function freshDatabase(): Promise<Db> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "pm-bench-collab-"));
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) return { env: { DATA_DIR: dataDir, DATABASE_URL: "" }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `pm_bench_collab_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString(), SEED_DEMO_DATA: "1", AUTH_SECRET: randomBytes(33).toString("base64") },
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startApp(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` (or `npm start` once) first.");
  const port = await freePort();
  const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child };
    await sleep(200);
  }
  throw new Error("The app did not start.");
}

/** The id of a server action, from the build's manifest (how the browser finds it too). */
function actionId(exportName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportName);
  if (!entry) throw new Error(`Server action ${exportName} not found in the build.`);
  return entry[0];
}

async function signIn(url: string, email: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "postmortem-demo" }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Could not sign in ${email}.`);
  return session;
}

type Arrival = Map<string, [client: number, at: number][]>;

/** One live stream: counts the bytes it receives and records when each mutation's event arrived. */
function openStream(
  client: number,
  url: string,
  cookie: string,
  arrivals: Arrival,
  counter: { bytes: number },
  abort: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    void fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort }).then(async (res) => {
      if (!res.ok || !res.body) return reject(new Error(`stream answered ${res.status}`));
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done || !value) return;
        counter.bytes += value.byteLength;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (message.includes("event: ready")) resolve();
          const data = message.split("\n").find((l) => l.startsWith("data: "));
          if (!message.includes("event: doc") || !data) continue;
          const event = JSON.parse(data.slice(6)) as { clientMutationId: string | null };
          if (event.clientMutationId)
            (arrivals.get(event.clientMutationId) ?? arrivals.set(event.clientMutationId, []).get(event.clientMutationId)!).push([
              client,
              performance.now(),
            ]);
        }
      }
    }, reject);
  });
}

type Round = { latencies: number[]; editsPerSecond: number; bytesPerEdit: number; memoryMb?: number; docBytes?: number };

async function benchOurs(): Promise<Round> {
  const db = await freshDatabase();
  const app = await startApp(db.env);
  const abort = new AbortController();
  try {
    const editAction = actionId("saveEditAction");
    const cookies = await Promise.all(Array.from({ length: EDITORS }, () => signIn(app.url, "admin@example.com")));
    const list = await (await fetch(`${app.url}/postmortems`, { headers: { cookie: cookies[0] } })).text();
    const postmortemId = /\/postmortems\/([a-z0-9]{20,})/.exec(list)?.[1];
    if (!postmortemId) throw new Error("No postmortem in the demo data.");
    const page = await (await fetch(`${app.url}/postmortems/${postmortemId}`, { headers: { cookie: cookies[0] } })).text();
    const rowIds = [...new Set([...page.matchAll(/data-row-id="([a-z0-9]+)"/g)].map((m) => m[1]))];
    const arrivals: Arrival = new Map();
    const counters = cookies.map(() => ({ bytes: 0 }));
    await Promise.all(
      cookies.map((cookie, i) =>
        openStream(
          i,
          `${app.url}/api/postmortems/${postmortemId}/events?tab=bench${String(i).padStart(6, "0")}`,
          cookie,
          arrivals,
          counters[i],
          abort.signal,
        ),
      ),
    );
    const baseline = counters.map((c) => c.bytes);
    const sent = new Map<string, [client: number, at: number]>();
    // Each editor types into its own cell (20 editors over the demo rows' text fields).
    const cells = cookies.map((_, i) => ({
      rowId: rowIds[i % rowIds.length],
      field: ["event", "actor", "notes"][Math.floor(i / rowIds.length) % 3],
    }));
    const bases = await Promise.all(cells.map((c) => currentValue(app.url, cookies[0], postmortemId, c.rowId, c.field)));
    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie, i) => {
        const { rowId, field } = cells[i];
        let current = bases[i];
        for (let k = 0; k < EDITS_EACH; k++) {
          const value = `editor ${i} edit ${k}`;
          const mutation = randomUUID();
          sent.set(mutation, [i, performance.now()]);
          const res = await fetch(`${app.url}/postmortems/${postmortemId}`, {
            method: "POST",
            headers: { cookie, "next-action": editAction, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
            body: JSON.stringify([
              {
                postmortemId,
                entity: "timeline",
                entityId: rowId,
                changes: { [field]: value },
                base: { [field]: current },
                clientMutationId: mutation,
              },
            ]),
          });
          const text = await res.text();
          if (!res.ok || !text.includes('"ok":true')) throw new Error(`edit refused: ${text.slice(0, 200)}`);
          current = value;
          await sleep(PAUSE_MS);
        }
      }),
    );
    const finished = performance.now();
    await sleep(1000);
    const latencies: number[] = [];
    for (const [mutation, [sender, at]] of sent) {
      for (const [client, t] of arrivals.get(mutation) ?? []) if (client !== sender) latencies.push(t - at);
    }
    const total = sent.size;
    const received = counters.map((c, i) => c.bytes - baseline[i]);
    const status = readFileSync(`/proc/${app.child.pid}/status`, "utf8");
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
    return {
      latencies,
      editsPerSecond: total / ((finished - started) / 1000),
      bytesPerEdit: received.reduce((a, b) => a + b, 0) / received.length / total,
      memoryMb: rss,
      docBytes: page.length,
    };
  } finally {
    abort.abort();
    try {
      process.kill(-(app.child.pid as number), "SIGTERM");
    } catch {
      /* gone */
    }
    await sleep(1500);
    await db.drop();
  }
}

async function currentValue(url: string, cookie: string, postmortemId: string, rowId: string, field: string): Promise<string> {
  const html = await (await fetch(`${url}/postmortems/${postmortemId}`, { headers: { cookie } })).text();
  const label = { event: "Event", actor: "Actor", notes: "Notes" }[field];
  const row = html.slice(html.indexOf(`data-row-id="${rowId}"`));
  const input =
    new RegExp(`aria-label="${label} of row \\d+"[^>]*value="([^"]*)"`).exec(row) ??
    new RegExp(`value="([^"]*)"[^>]*aria-label="${label} of row \\d+"`).exec(row);
  return (input?.[1] ?? "")
    .replaceAll("&amp;", "&")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");
}

async function benchHocuspocus(): Promise<Round> {
  const server = new HocuspocusServer({ port: 0, quiet: true, stopOnSignals: false });
  await server.listen();
  const url = `ws://127.0.0.1:${server.address.port}`;
  const arrivals: Arrival = new Map();
  const docs = Array.from({ length: EDITORS }, () => new Y.Doc());
  const sockets = docs.map(() => new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket }));
  const providers = docs.map((document, i) => new HocuspocusProvider({ websocketProvider: sockets[i], name: "postmortem", document }));
  await Promise.all(providers.map((p) => new Promise<void>((resolve) => (p.isSynced ? resolve() : p.on("synced", () => resolve())))));
  docs.forEach((doc, client) => {
    doc.getMap<string>("cells").observe((event) => {
      for (const key of event.keysChanged) {
        const mutation = doc.getMap<string>("cells").get(key)?.split("|")[1];
        if (mutation) (arrivals.get(mutation) ?? arrivals.set(mutation, []).get(mutation)!).push([client, performance.now()]);
      }
    });
  });
  const sent = new Map<string, [client: number, at: number]>();
  const started = performance.now();
  await Promise.all(
    docs.map(async (doc, i) => {
      for (let k = 0; k < EDITS_EACH; k++) {
        const mutation = randomUUID();
        sent.set(mutation, [i, performance.now()]);
        doc.getMap<string>("cells").set(`editor-${i}`, `editor ${i} edit ${k}|${mutation}`);
        await sleep(PAUSE_MS);
      }
    }),
  );
  const finished = performance.now();
  await sleep(1000);
  const latencies: number[] = [];
  for (const [mutation, [sender, at]] of sent) {
    for (const [client, t] of arrivals.get(mutation) ?? []) if (client !== sender) latencies.push(t - at);
  }
  providers.forEach((p) => p.destroy());
  sockets.forEach((s) => s.destroy());
  await server.destroy();
  return { latencies, editsPerSecond: sent.size / ((finished - started) / 1000), bytesPerEdit: NaN };
}

function print(label: string, r: Round) {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
  console.log(
    `${label.padEnd(34)} p50 ${f(quantile(r.latencies, 0.5))} ms  p95 ${f(quantile(r.latencies, 0.95))} ms  p99 ${f(quantile(r.latencies, 0.99))} ms  ` +
      `${f(r.editsPerSecond)} edits/s  ${r.latencies.length} arrivals`,
  );
}

async function main() {
  const db = process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "embedded PGlite";
  console.log(`${EDITORS} editors × ${EDITS_EACH} edits, ${PAUSE_MS} ms between an editor's edits, on loopback (${db}).`);
  const ours = await benchOurs();
  const theirs = await benchHocuspocus();
  print("Ours (SSE + server actions, durable)", ours);
  print("Hocuspocus (in-memory Yjs)", theirs);
  console.log(`Bytes sent to each client per edit: ${ours.bytesPerEdit.toFixed(0)} (the document page itself is ${ours.docBytes} bytes)`);
  console.log(`Server memory (RSS) after the run: ${ours.memoryMb?.toFixed(0)} MB`);
  console.log(`p95 ours / Hocuspocus: ${(quantile(ours.latencies, 0.95) / quantile(theirs.latencies, 0.95)).toFixed(2)}`);
  process.exit(0);
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
