// The workload of `npm run bench` against one database. scripts/bench.ts runs it in a child process per
// target because lib/env.ts caches on first use whether the database is embedded (which decides, for
// instance, whether writes send pg_notify), and so that each target's memory figures start from a clean
// process. Argument: "pglite <data folder>" or "postgres <database URL>". Answers over IPC.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { runMigrations } from "@/lib/db/migrate";
import { sharingWorkload, startMailSink, type MailSink } from "./bench-sharing";

export type Metric = { name: string; unit: string; value: number };
export type BenchMessage = { ok: true; metrics: Metric[]; sizes: typeof SIZES } | { ok: false; error: string };

const SIZES = {
  users: 50,
  postmortems: 300,
  timelineRows: 200,
  actions: 50,
  reads: 50,
  summaryEdits: 200,
  writers: 8,
  writerOps: 25,
  pasteLines: 500,
};

const NAMES = [
  "Chatbot hallucination in billing answers",
  "Embedding drift after vendor model update",
  "Prompt change broke refusal guardrails",
  "Rate limiting on the inference gateway",
  "Context window overflow in the summariser",
  "Retrieval index served a stale snapshot",
];
const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
const DAY_MS = 86_400_000;

const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};
const mean = (samples: number[]) => samples.reduce((s, x) => s + x, 0) / samples.length;
const mb = (bytes: number) => bytes / 1_048_576;

/** Memory after a full collection when scripts/bench.ts passed --expose-gc: retained memory, not garbage. */
function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
}

/** Runs `fn` n times one after the other and returns each call's duration in ms. */
async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function workload(metrics: Metric[], mail: MailSink) {
  const add = (name: string, unit: string, value: number) => metrics.push({ name, unit, value });
  const spread = (name: string, unit: string, samples: number[]) => {
    add(`${name} p50`, unit, percentile(samples, 0.5));
    add(`${name} p95`, unit, percentile(samples, 0.95));
  };
  // Imported only now: lib/db/client reads EMBEDDED_DATABASE and DATABASE_URL, which main() has just set.
  const { getDb } = await import("@/lib/db/client");
  const { createPostmortem } = await import("@/lib/data/postmortems");
  const { listPostmortems } = await import("@/lib/data/postmortem-list");
  const { getPostmortemDocument } = await import("@/lib/data/postmortem-document");
  const { updatePostmortemSection } = await import("@/lib/data/postmortem-fields");
  const { createTimelineEntry, pasteTimeline, updateTimelineEntry } = await import("@/lib/data/timeline");
  const { createAction } = await import("@/lib/data/actions");
  const { AppError } = await import("@/lib/errors");
  const db = getDb();

  const before = memory();
  const teams = await Promise.all(["Assistants", "Search", "Platform"].map((name) => db.team.create({ data: { name } })));
  // Direct inserts as in test/factories.ts: the data layer's createUser spends its time in bcrypt on purpose.
  const users: { id: string; role: "MEMBER" }[] = [];
  spread(
    "user insert",
    "ms/op",
    await timeEach(SIZES.users, async (i) => {
      const u = await db.user.create({
        data: { email: `bench-${i}@bench.example`, name: `Bench user ${i}`, role: "MEMBER", passwordHash: "not-a-hash" },
      });
      users.push({ id: u.id, role: "MEMBER" });
    }),
  );
  // Creators and facilitators come from the first ten users; the last user is involved in nothing, so the
  // list runs through the "unrestricted or involved" visibility filter the way most readers do.
  const creator = (i: number) => users[i % 10];
  const reader = users[SIZES.users - 1];

  const pmIds: string[] = [];
  spread(
    "createPostmortem",
    "ms/op",
    await timeEach(SIZES.postmortems, async (i) => {
      const { id } = await createPostmortem(creator(i), {
        incidentKey: `INC-2026-${String(i + 1).padStart(4, "0")}`,
        incidentName: `${NAMES[i % NAMES.length]} #${i + 1}`,
        incidentDate: new Date(Date.UTC(2025, 0, 1) + i * DAY_MS),
        severity: SEVERITIES[i % SEVERITIES.length],
        teamId: teams[i % teams.length].id,
        facilitatorId: creator(i + 1).id,
      });
      pmIds.push(id);
    }),
  );

  const bigId = pmIds[0];
  const owner = creator(0);
  const start = Date.UTC(2025, 0, 1, 9);
  const rows: { id: string; event: string; notes: string }[] = [];
  const inserts = await timeEach(SIZES.timelineRows, async (i) => {
    const { row } = await createTimelineEntry(owner, {
      postmortemId: bigId,
      clientMutationId: randomUUID(),
      occurredAt: new Date(start + i * 60_000),
      event: `Alert ${i}: eval score dropped`,
      actor: "Monitoring",
      notes: "",
      kind: "ALERT",
    });
    rows.push(row);
  });
  spread("createTimelineEntry", "ms/op", inserts);
  // Each insert reads every live row of the postmortem; these two show whether its cost grows with the timeline.
  add("createTimelineEntry rows 1-20 mean", "ms/op", mean(inserts.slice(0, 20)));
  add(`createTimelineEntry rows ${SIZES.timelineRows - 19}-${SIZES.timelineRows} mean`, "ms/op", mean(inserts.slice(-20)));

  spread(
    "createAction",
    "ms/op",
    await timeEach(SIZES.actions, (i) =>
      createAction(owner, {
        postmortemId: bigId,
        clientMutationId: randomUUID(),
        horizon: "SHORT_TERM",
        action: `Corrective action ${i}`,
        ownerId: users[i % SIZES.users].id,
        deadline: null,
        ticket: "",
      }),
    ),
  );

  // A few unmeasured calls first, so one-off costs (query plan caches, JIT) stay out of the percentiles.
  const reads = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn();
    return timeEach(SIZES.reads, fn);
  };
  spread(`getPostmortemDocument (${SIZES.timelineRows}+ rows)`, "ms", await reads(() => getPostmortemDocument(owner, bigId)));
  spread("listPostmortems q", "ms", await reads(() => listPostmortems(reader, { q: "hallucination" })));
  spread(
    "listPostmortems filters",
    "ms",
    await reads(() => listPostmortems(reader, { severity: "HIGH", status: "DRAFT", teamId: teams[1].id, sort: "key" })),
  );

  let summary = "";
  spread(
    "updatePostmortemSection summary",
    "ms/op",
    await timeEach(SIZES.summaryEdits, async (i) => {
      const next = `Revision ${i}: the assistant quoted a refund policy that does not exist.`;
      await updatePostmortemSection(owner, { postmortemId: bigId, section: "summary", changes: { summary: next }, base: { summary } });
      summary = next;
    }),
  );

  // Writers in pairs on one timeline row, one on `event` and one on `notes`: the protocol says neither
  // different rows nor different fields of one row may conflict, so anything above 0 is a finding.
  const writers = users.slice(10, 10 + SIZES.writers);
  await db.participant.createMany({ data: writers.map((w) => ({ postmortemId: bigId, userId: w.id, role: "ATTENDEE" as const })) });
  let conflicts = 0;
  const latencies: number[] = [];
  const began = performance.now();
  await Promise.all(
    writers.map(async (actor, w) => {
      const row = rows[w >> 1];
      const field = w % 2 === 0 ? "event" : "notes";
      let current = row[field];
      for (let k = 0; k < SIZES.writerOps; k++) {
        const next = `${field} by writer ${w}, edit ${k}`;
        const pick = (value: string) => (field === "event" ? { event: value } : { notes: value });
        const t0 = performance.now();
        try {
          await updateTimelineEntry(actor, { postmortemId: bigId, entryId: row.id, changes: pick(next), base: pick(current) });
          current = next;
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== "CONFLICT") throw error;
          conflicts++;
          current = String((error.detail as import("@/lib/errors").ConflictDetail).theirs[field] ?? "");
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  add(`concurrent ${SIZES.writers}x${SIZES.writerOps} updateTimelineEntry`, "ops/s", latencies.length / seconds);
  add("concurrent updateTimelineEntry p95", "ms/op", percentile(latencies, 0.95));
  add("concurrent conflicts (expected 0)", "count", conflicts);

  // The largest paste the form accepts (TIMELINE_LIMITS.pasteRows), into a postmortem of its own; one run,
  // as it takes seconds.
  const lines = Array.from(
    { length: SIZES.pasteLines },
    (_, i) => `${new Date(start + i * 60_000).toISOString().slice(0, 16).replace("T", " ")} Pasted log line ${i}`,
  );
  const pasteStart = performance.now();
  await pasteTimeline(creator(1), { postmortemId: pmIds[1], text: lines.join("\n"), clientMutationId: randomUUID() });
  add(`pasteTimeline ${SIZES.pasteLines} lines (1 run)`, "ms", performance.now() - pasteStart);

  await sharingWorkload({ add, spread, timeEach, owner, bigId, postmortemIds: pmIds, ownerIds: users.map((u) => u.id), mail });

  const after = memory();
  add("RSS before", "MB", mb(before.rss));
  add("RSS after", "MB", mb(after.rss));
  add("heapUsed before", "MB", mb(before.heapUsed));
  add("heapUsed after", "MB", mb(after.heapUsed));
}

async function main(target: string | undefined, where: string | undefined): Promise<BenchMessage> {
  if ((target !== "pglite" && target !== "postgres") || !where)
    return { ok: false, error: "usage: bench-data.ts pglite|postgres <dir|url>" };
  const metrics: Metric[] = [];
  let stopEmbedded: (() => Promise<void>) | undefined;
  try {
    const began = performance.now();
    if (target === "pglite") {
      process.env.EMBEDDED_DATABASE = "1";
      const { startEmbeddedDatabase } = await import("@/lib/db/embedded");
      const embedded = await startEmbeddedDatabase(where);
      stopEmbedded = embedded.stop;
      process.env.DATABASE_URL = embedded.url;
    } else {
      delete process.env.EMBEDDED_DATABASE;
      process.env.DATABASE_URL = where;
    }
    const migrateStart = performance.now();
    await runMigrations(process.env.DATABASE_URL);
    metrics.push({ name: "runMigrations (fresh database)", unit: "ms", value: performance.now() - migrateStart });
    const mail = await startMailSink();
    try {
      await workload(metrics, mail);
    } finally {
      await mail.close();
    }
    metrics.push({ name: "total wall time", unit: "s", value: (performance.now() - began) / 1000 });
    return { ok: true, metrics, sizes: SIZES };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: message.replace(/\s+/g, " ").trim() };
  } finally {
    if (process.env.DATABASE_URL) {
      const { getDb } = await import("@/lib/db/client");
      await getDb()
        .$disconnect()
        .catch(() => {});
    }
    await stopEmbedded?.().catch(() => {});
  }
}

// Only when forked by scripts/bench.ts (which imports this file's types, never its code).
if (process.send) {
  void main(process.argv[2], process.argv[3]).then((message) => {
    process.send?.(message, () => process.exit(message.ok ? 0 : 1));
  });
}
