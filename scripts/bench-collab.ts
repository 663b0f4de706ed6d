// `npm run bench:collab [-- --seconds 20 --editors 20 --pause 700 --large-rows 600]`: simulated editors on
// one postmortem against the production build (`next start` on a fresh embedded database, or on a fresh
// database of BENCH_DATABASE_URL's PostgreSQL, where live updates ride on LISTEN/NOTIFY). Each editor keeps
// the live stream (SSE) open and types into its own timeline row for `--seconds`, once on a small document
// and once on a large one. Prints p50/p95/p99 from an edit's send to its arrival at the other editors'
// streams, edits per second, bytes each client receives per edit, server memory; then the same editors
// and pacing on a Hocuspocus server (in-memory Yjs) and our p95 over theirs. At the end the database is
// read: every acknowledged edit must be stored. Exits non-zero when an edit was refused or lost.
import {
  actionIds,
  createPostmortem,
  fixed,
  freshDatabase,
  loadAverage,
  numberArg,
  quantile,
  signIn,
  startApp,
  type App,
} from "./bench/app";
import { pasteRows, readDocument, runOurs, type OurRound } from "./bench/collab-ours";
import { runHocuspocus } from "./bench/collab-hocuspocus";
import type { Round } from "./bench/collab-round";
import { checkStoredEdits, type StoredCheck } from "./bench/stored-edits";

const EDITORS = numberArg("editors", 20);
const SECONDS = numberArg("seconds", 20);
// The document page saves a field 700 ms after the last keystroke, so an editor typing without a break
// sends at most about one edit per 700 ms plus its round trip: that is the default pacing.
const PAUSE_MS = numberArg("pause", 700);
const LARGE_ROWS = Math.max(EDITORS, numberArg("large-rows", 600));
const GOAL_P95_MS = 150;
const GOAL_RATIO = 2;

type Labelled = OurRound & { label: string };

async function measureOurs(): Promise<{ kind: string; rounds: Labelled[]; stored: StoredCheck }> {
  const db = await freshDatabase(process.env.BENCH_DATABASE_URL, "collab");
  let app: App | undefined;
  try {
    app = await startApp(db.env);
    const ids = actionIds("saveEditAction", "createPostmortemAction", "pasteTimelineAction");
    const cookies: string[] = [];
    for (let i = 0; i < EDITORS; i++) cookies.push(await signIn(app.url, "priya@example.com"));
    const rounds: Labelled[] = [];
    for (const [label, rowCount] of [
      ["small document", EDITORS],
      ["large document", LARGE_ROWS],
    ] as const) {
      const postmortemId = await createPostmortem(app.url, cookies[0], ids.createPostmortemAction, `INC-COLLAB-${rounds.length + 1}`);
      await pasteRows(app.url, cookies[0], ids.pasteTimelineAction, postmortemId, rowCount);
      const doc = await readDocument(app.url, cookies[0], postmortemId);
      console.log(`  ${label}: ${doc.rows.length} timeline rows, page ${(doc.pageBytes / 1024).toFixed(0)} KB; editing for ${SECONDS} s…`);
      rounds.push({ label, ...(await runOurs(app, cookies, ids.saveEditAction, doc, SECONDS, PAUSE_MS)) });
    }
    // Stopped first, so the check reads what survives the process (the embedded database is reopened).
    await app.stop();
    app = undefined;
    const lastValues = new Map(rounds.flatMap((r) => [...r.lastValues]));
    const stored = await checkStoredEdits(
      db,
      rounds.flatMap((r) => r.acknowledged),
      lastValues,
    );
    return { kind: db.kind, rounds, stored };
  } finally {
    await app?.stop();
    await db.drop();
  }
}

function line(label: string, r: Round) {
  return (
    `${label.padEnd(28)} p50 ${fixed(quantile(r.latencies, 0.5)).padStart(6)} ms  p95 ${fixed(quantile(r.latencies, 0.95)).padStart(6)} ms  ` +
    `p99 ${fixed(quantile(r.latencies, 0.99)).padStart(6)} ms  ${fixed(r.editsPerSecond).padStart(6)} edits/s  ` +
    `${r.edits} edits, ${r.latencies.length}/${r.expectedArrivals} arrivals  ${fixed(r.bytesPerEdit, 0)} B/client/edit  server CPU ${fixed(r.serverCpuMsPerEdit)} ms/edit`
  );
}

async function main() {
  const started = Date.now();
  const database = process.env.BENCH_DATABASE_URL ? "PostgreSQL (LISTEN/NOTIFY)" : "embedded PGlite";
  console.log(
    `${EDITORS} editors, ${SECONDS} s per round, ${PAUSE_MS} ms between an editor's edits, loopback, ${database}; ` +
      `load average ${loadAverage()} (1/5/15 min) on ${(await import("node:os")).cpus().length} cores.`,
  );
  const ours = await measureOurs();
  console.log(`  Hocuspocus (in-memory Yjs): editing for ${SECONDS} s…`);
  const theirs = await runHocuspocus(EDITORS, SECONDS, PAUSE_MS);
  const theirP95 = quantile(theirs.latencies, 0.95);

  console.log("");
  for (const r of ours.rounds) console.log(line(`Ours, ${r.label}`, r));
  console.log(line("Hocuspocus, in-memory Yjs", theirs));
  console.log("");
  for (const r of ours.rounds)
    console.log(
      `Ours, ${r.label}: answer to the sender p50 ${fixed(quantile(r.answers, 0.5))} ms, p95 ${fixed(quantile(r.answers, 0.95))} ms; ` +
        `${r.rows} rows, page ${(r.pageBytes / 1024).toFixed(0)} KB → ${fixed(r.bytesPerEdit, 0)} bytes per client per edit ` +
        `(live stream incl. presence and pings); p95 ours / Hocuspocus ${fixed(quantile(r.latencies, 0.95) / theirP95, 2)}`,
    );
  const peak = Math.max(...ours.rounds.map((r) => r.peakRssMb));
  console.log(`Server memory (RSS peak): ours ${peak} MB (next start), Hocuspocus ${theirs.peakRssMb} MB`);
  const refused = ours.rounds.flatMap((r) => r.refused);
  const { stored } = ours;
  console.log(
    `Stored: ${stored.stored} of ${stored.acknowledged} acknowledged edits in the database after the app stopped; ` +
      `${stored.rowsWithLastValue}/${stored.rows} rows hold their editor's last value; ${refused.length} edits refused.`,
  );
  for (const r of refused.slice(0, 5)) console.log(`  refused ${r}`);
  const worstP95 = Math.max(...ours.rounds.map((r) => quantile(r.latencies, 0.95)));
  const goals = [
    [`p95 ≤ ${GOAL_P95_MS} ms`, worstP95 <= GOAL_P95_MS],
    [`p95 ratio ≤ ${GOAL_RATIO}`, worstP95 / theirP95 <= GOAL_RATIO],
    ["every acknowledged edit stored", stored.stored === stored.acknowledged && stored.rowsWithLastValue === stored.rows],
    ["no edit refused", refused.length === 0],
    ["every edit reached every other editor", ours.rounds.every((r) => r.latencies.length === r.expectedArrivals)],
  ] as const;
  console.log(`Goals: ${goals.map(([name, met]) => `${name} ${met ? "met" : "MISSED"}`).join("; ")}`);
  console.log(`Run took ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end ${loadAverage()}.`);
  process.exit(goals.slice(2).every(([, met]) => met) ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
