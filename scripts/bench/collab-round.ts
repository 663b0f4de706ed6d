// What one round of `npm run bench:collab` measures, for our server and for Hocuspocus alike.
import { sleep } from "./app";

export type Round = {
  /** Send-to-arrival times, one per (edit, other editor) pair that arrived. */
  latencies: number[];
  expectedArrivals: number;
  edits: number;
  editsPerSecond: number;
  seconds: number;
  bytesPerEdit: number;
  /** The server's CPU time (all its processes; not a separate database server's) per edit while editing, ms. */
  serverCpuMsPerEdit: number;
};

/** When each client saw each mutation: mutation id → [client, performance.now()][]. */
export type Arrivals = Map<string, [client: number, at: number][]>;

export function recordArrival(arrivals: Arrivals, mutation: string, client: number) {
  const seen = arrivals.get(mutation) ?? arrivals.set(mutation, []).get(mutation)!;
  seen.push([client, performance.now()]);
}

export function latenciesOf(sent: Map<string, [client: number, at: number]>, arrivals: Arrivals): number[] {
  const latencies: number[] = [];
  for (const [mutation, [sender, at]] of sent) {
    for (const [client, t] of arrivals.get(mutation) ?? []) if (client !== sender) latencies.push(t - at);
  }
  return latencies;
}

/** Waits until every sent edit reached `others` clients besides its sender, or `maxMs` passed. */
export async function waitForArrivals(arrivals: Arrivals, sent: Map<string, [number, number]>, others: number, maxMs: number) {
  const deadline = performance.now() + maxMs;
  const complete = () =>
    [...sent].every(([mutation, [sender]]) => (arrivals.get(mutation) ?? []).filter(([c]) => c !== sender).length >= others);
  while (!complete() && performance.now() < deadline) await sleep(50);
}
