// The comparison side of `npm run bench:collab`: the same editors and pacing on a Hocuspocus server with
// in-memory Yjs (no persistence, in its own process like our `next start`), each editor writing its own
// key of one shared map.
import { randomUUID } from "node:crypto";
import path from "node:path";
import WebSocket from "ws";
import * as Y from "yjs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { sleep, spawnServer, treeRssMb, treeCpuMs } from "./app";
import { latenciesOf, recordArrival, waitForArrivals, type Arrivals, type Round } from "./collab-round";

async function startServer() {
  const child = spawnServer([path.join(process.cwd(), "scripts", "bench", "hocuspocus-server.mjs")], process.env, "pipe");
  if (!child.stdout) throw new Error("The Hocuspocus server has no output.");
  const stdout = child.stdout;
  const port = await new Promise<number>((resolve, reject) => {
    stdout.once("data", (chunk: Buffer) => resolve(Number(String(chunk).trim())));
    child.once("exit", (code) => reject(new Error(`The Hocuspocus server exited with code ${code}.`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(5000)]);
  };
  return { port, pid: child.pid as number, stop };
}

export async function runHocuspocus(editors: number, seconds: number, pauseMs: number): Promise<Round & { peakRssMb: number }> {
  const server = await startServer();
  const url = `ws://127.0.0.1:${server.port}`;
  let peakRssMb = treeRssMb(server.pid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, treeRssMb(server.pid))), 1000);
  const arrivals: Arrivals = new Map();
  const docs = Array.from({ length: editors }, () => new Y.Doc());
  // Bytes each client receives: counted on its socket, like the SSE bytes on our side.
  const received = docs.map(() => ({ bytes: 0 }));
  const sockets = docs.map(
    (_, i) =>
      new HocuspocusProviderWebsocket({
        url,
        WebSocketPolyfill: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols);
            this.on("message", (data: Buffer) => (received[i].bytes += data.byteLength));
            // The provider retries a failed connection itself; closing a socket that is still connecting
            // emits an error that must not end the process.
            this.on("error", (error) => console.warn(`  Hocuspocus client ${i}: ${error.message} (the provider retries)`));
          }
        },
      }),
  );
  const providers = docs.map((document, i) => new HocuspocusProvider({ websocketProvider: sockets[i], name: "postmortem", document }));
  // A provider on a socket it was given does not manage that socket: it has to be attached to it.
  providers.forEach((p) => p.attach());
  try {
    await Promise.all(providers.map((p) => new Promise<void>((resolve) => (p.isSynced ? resolve() : p.on("synced", () => resolve())))));
    docs.forEach((doc, client) => {
      const cells = doc.getMap<string>("cells");
      cells.observe((event) => {
        for (const key of event.keysChanged) {
          const mutation = cells.get(key)?.split("|")[1];
          if (mutation) recordArrival(arrivals, mutation, client);
        }
      });
    });
    const baseline = received.map((r) => r.bytes);
    const sent = new Map<string, [client: number, at: number]>();
    const cpuAtStart = treeCpuMs(server.pid);
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      docs.map(async (doc, i) => {
        for (let k = 0; performance.now() < until; k++) {
          const mutation = randomUUID();
          sent.set(mutation, [i, performance.now()]);
          doc.getMap<string>("cells").set(`editor-${i}`, `editor ${i} edit ${k}|${mutation}`);
          await sleep(pauseMs);
        }
      }),
    );
    const finished = performance.now();
    const serverCpuMs = treeCpuMs(server.pid) - cpuAtStart;
    await waitForArrivals(arrivals, sent, editors - 1, 10_000);
    const bytes = received.map((r, i) => r.bytes - baseline[i]);
    return {
      latencies: latenciesOf(sent, arrivals),
      expectedArrivals: sent.size * (editors - 1),
      edits: sent.size,
      editsPerSecond: sent.size / ((finished - started) / 1000),
      serverCpuMsPerEdit: serverCpuMs / Math.max(1, sent.size),
      seconds: (finished - started) / 1000,
      bytesPerEdit: bytes.reduce((a, b) => a + b, 0) / bytes.length / Math.max(1, sent.size),
      peakRssMb,
    };
  } finally {
    clearInterval(sampler);
    providers.forEach((p) => p.destroy());
    sockets.forEach((s) => s.destroy());
    await server.stop();
  }
}
