import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { SessionUser } from "@/lib/data/auth";
import { loadAccess } from "@/lib/data/access";
import { appendDocEvents } from "@/lib/data/doc-events";
import { loadDocEventsAfter } from "@/lib/data/live-events";
import { createTestPostmortem, createTestUser } from "@/test/factories";

// Every write to a postmortem starts with one statement that locks its row and loads access and the retry
// lookup; every write ends its log entry with one statement whose NOTIFY carries the new events. Both are
// exercised here against what a second connection sees, which only a real PostgreSQL server has.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)("the write lock and the log signal on PostgreSQL", () => {
  let facilitator: SessionUser;
  let postmortemId: string;
  let listener: pg.Client;
  const signals: { id: string; seq: number; events?: unknown[] }[] = [];

  beforeAll(async () => {
    facilitator = await createTestUser();
    postmortemId = (await createTestPostmortem(facilitator)).id;
    listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    listener.on("notification", (n) => signals.push(JSON.parse(n.payload ?? "{}")));
    await listener.query("LISTEN postmortem");
  });

  afterAll(async () => {
    await listener.end();
  });

  /** Resolves once a session of this database waits for a lock (the second writer queued behind the first). */
  async function someoneWaitsForALock() {
    for (;;) {
      const { rows } = await listener.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it("shows a writer that waited for the lock what the writer before it committed meanwhile", async () => {
    const clientMutationId = randomUUID();
    const before = await getDb().$transaction((tx) => loadAccess(tx, postmortemId, true));
    expect(before?.participants.some((p) => p.userId === facilitator.id)).toBe(true);
    let locked!: () => void;
    let release!: () => void;
    const hasLock = new Promise<void>((resolve) => (locked = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = getDb().$transaction(async (tx) => {
      await loadAccess(tx, postmortemId, { clientMutationId });
      const change = { entity: "why", entityId: "w1", field: "text", after: "x" };
      const seq = await appendDocEvents(tx, postmortemId, facilitator.id, [change], clientMutationId);
      await tx.participant.deleteMany({ where: { postmortemId, userId: facilitator.id } });
      locked();
      await held;
      return seq;
    });
    await hasLock;
    const second = getDb().$transaction(async (tx) => loadAccess(tx, postmortemId, { clientMutationId }));
    await someoneWaitsForALock();
    release();
    const appliedAt = await first;
    const seen = await second;
    expect(seen?.appliedSeq).toBe(appliedAt);
    expect(seen?.seq).toBe(appliedAt);
    expect(seen?.participants.some((p) => p.userId === facilitator.id)).toBe(false);
    // The first writer's commit signals its event too (and the signal is in before the next story starts).
    await expect.poll(() => signals.some((s) => s.seq === appliedAt)).toBe(true);
  });

  it("signals the new events as the live stream sends them, or only the seq when they are too large to carry", async () => {
    signals.length = 0;
    const clientMutationId = randomUUID();
    const small = await getDb().$transaction((tx) =>
      appendDocEvents(
        tx,
        postmortemId,
        facilitator.id,
        [
          { entity: "timeline", entityId: "t1", field: "event", before: "a", after: "Refunds doubled" },
          { entity: "timeline", entityId: "t1", field: "occurredAt", after: new Date("2026-11-30T10:00:00Z") },
        ],
        clientMutationId,
      ),
    );
    const large = await getDb().$transaction((tx) =>
      appendDocEvents(tx, postmortemId, facilitator.id, [{ entity: "why", entityId: "w1", field: "text", after: "x".repeat(9000) }]),
    );
    await expect.poll(() => signals.length).toBe(2);
    const [first, second] = signals;
    expect(first).toEqual({ id: postmortemId, seq: small, events: await loadDocEventsAfter(postmortemId, small - 2, 2) });
    expect(second).toEqual({ id: postmortemId, seq: large });
    const stored = await getDb().docEvent.findMany({ where: { postmortemId, seq: { gt: small - 2 } }, orderBy: { seq: "asc" } });
    expect(stored.map((e) => [e.seq, e.before, e.clientMutationId])).toEqual([
      [small - 1, "a", clientMutationId],
      [small, null, clientMutationId],
      [large, null, null],
    ]);
  });
});
