// Our side of `npm run bench:collab`: editors who each hold the postmortem's live stream (SSE) open and
// type into their own timeline row through saveEditAction, the way the document page does.
import { randomUUID } from "node:crypto";
import { callAction, sleep, treeRssMb, type App, treeCpuMs } from "./app";
import type { Arrivals, Round } from "./collab-round";
import { latenciesOf, recordArrival, waitForArrivals } from "./collab-round";

export type BenchDocument = { postmortemId: string; rows: { id: string; event: string }[]; pageBytes: number };

const ROW_PREFIX = "Benchmark row";

const unescapeHtml = (s: string) =>
  s.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

/** The pasted timeline rows as the document page shows them (id and Event text, in order), and the page's size. */
export async function readDocument(base: string, cookie: string, postmortemId: string): Promise<BenchDocument> {
  const html = await (await fetch(`${base}/postmortems/${postmortemId}`, { headers: { cookie } })).text();
  const rows = [...html.matchAll(/<textarea id="tl-([a-z0-9]+)-event"[^>]*>([^<]*)<\/textarea>/g)]
    .map(([, id, text]) => ({ id, event: unescapeHtml(text) }))
    .filter((r) => r.event.startsWith(ROW_PREFIX));
  return { postmortemId, rows, pageBytes: Buffer.byteLength(html) };
}

/** Adds `count` timeline rows through the paste action (at most 200 a paste, as a person would paste). */
export async function pasteRows(base: string, cookie: string, actionId: string, postmortemId: string, count: number) {
  for (let done = 0; done < count; done += 200) {
    const lines = Array.from(
      { length: Math.min(200, count - done) },
      (_, i) => `${ROW_PREFIX} ${String(done + i + 1).padStart(4, "0")}: the model gateway answered slowly and the on-call engineer looked`,
    );
    const response = await callAction(base, cookie, actionId, `/postmortems/${postmortemId}`, {
      postmortemId,
      text: lines.join("\n"),
      clientMutationId: randomUUID(),
    });
    const text = await response.text();
    if (!response.ok || !text.includes('"ok":true')) throw new Error(`Could not paste the timeline: ${text.slice(0, 300)}`);
  }
}

/** One live stream: counts the bytes it receives and records when each mutation's event arrived. */
function openStream(url: string, cookie: string, onEvent: (mutation: string) => void, counter: { bytes: number }, abort: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort }).then(async (res) => {
      if (!res.ok || !res.body) return reject(new Error(`The live stream answered ${res.status}.`));
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done || !value) return reject(new Error("The live stream ended."));
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
          if (event.clientMutationId) onEvent(event.clientMutationId);
        }
      }
    }, reject);
  });
}

export type OurRound = Round & {
  acknowledged: string[];
  refused: string[];
  /** From an edit's send to its answer (the editor's own "saved"), ms. */
  answers: number[];
  /** Each edited row's last acknowledged value. */
  lastValues: Map<string, string>;
  pageBytes: number;
  rows: number;
  peakRssMb: number;
};

/**
 * `cookies.length` editors, each typing into its own row for `seconds`: send an edit, wait for its answer,
 * pause `pauseMs`, repeat. Latency is from an edit's send to its event's arrival on each other editor's stream.
 */
export async function runOurs(app: App, cookies: string[], editAction: string, doc: BenchDocument, seconds: number, pauseMs: number) {
  const abort = new AbortController();
  const arrivals: Arrivals = new Map();
  const counters = cookies.map(() => ({ bytes: 0 }));
  const { postmortemId } = doc;
  if (doc.rows.length < cookies.length) throw new Error(`The document has ${doc.rows.length} rows; ${cookies.length} are needed.`);
  let peakRssMb = treeRssMb(app.child.pid as number);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, treeRssMb(app.child.pid as number))), 1000);
  try {
    await Promise.all(
      cookies.map((cookie, i) =>
        openStream(
          `${app.url}/api/postmortems/${postmortemId}/events?tab=bench${String(i).padStart(6, "0")}`,
          cookie,
          (mutation) => recordArrival(arrivals, mutation, i),
          counters[i],
          abort.signal,
        ),
      ),
    );
    const baseline = counters.map((c) => c.bytes);
    const sent = new Map<string, [client: number, at: number]>();
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const lastValues = new Map<string, string>();
    const answers: number[] = [];
    const cpuAtStart = treeCpuMs(app.child.pid as number);
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      cookies.map(async (cookie, i) => {
        const row = doc.rows[i];
        let current = row.event;
        for (let k = 0; performance.now() < until; k++) {
          const value = `editor ${i} edit ${k}`;
          const mutation = randomUUID();
          sent.set(mutation, [i, performance.now()]);
          const edit = { postmortemId, entity: "timeline", entityId: row.id, changes: { event: value }, base: { event: current } };
          const res = await callAction(app.url, cookie, editAction, `/postmortems/${postmortemId}`, {
            ...edit,
            clientMutationId: mutation,
          }).catch((error: unknown) => ({ ok: false, text: async () => String(error) }));
          const text = await res.text();
          if (res.ok && text.includes('"ok":true')) {
            acknowledged.push(mutation);
            answers.push(performance.now() - (sent.get(mutation) as [number, number])[1]);
            current = value;
          } else {
            refused.push(`${mutation}: ${text.slice(0, 300)}`);
            sent.delete(mutation);
          }
          await sleep(pauseMs);
        }
        lastValues.set(row.id, current);
      }),
    );
    const finished = performance.now();
    const serverCpuMs = treeCpuMs(app.child.pid as number) - cpuAtStart;
    await waitForArrivals(arrivals, sent, cookies.length - 1, 10_000);
    const received = counters.map((c, i) => c.bytes - baseline[i]);
    return {
      latencies: latenciesOf(sent, arrivals),
      expectedArrivals: sent.size * (cookies.length - 1),
      edits: sent.size,
      editsPerSecond: sent.size / ((finished - started) / 1000),
      serverCpuMsPerEdit: serverCpuMs / Math.max(1, sent.size),
      seconds: (finished - started) / 1000,
      bytesPerEdit: received.reduce((a, b) => a + b, 0) / received.length / Math.max(1, sent.size),
      acknowledged,
      refused,
      lastValues,
      answers,
      pageBytes: doc.pageBytes,
      rows: doc.rows.length,
      peakRssMb,
    } satisfies OurRound;
  } finally {
    clearInterval(sampler);
    abort.abort();
  }
}
