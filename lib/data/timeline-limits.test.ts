import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTimelineEntry, pasteTimeline } from "@/lib/data/timeline";
import { planOrderKeys } from "@/lib/data/timeline-order";
import { TIMELINE_LIMITS } from "@/lib/validations/timeline";
import { createTestPostmortem, createTestUser } from "@/test/factories";

/** Reference: the length of the longest strictly increasing subsequence, by the quadratic textbook method. */
function longestRun(keys: (number | null)[]): number {
  const best: number[] = [];
  keys.forEach((k, i) => {
    best[i] = k === null ? 0 : 1;
    for (let j = 0; j < i; j++) if (k !== null && keys[j] !== null && (keys[j] as number) < k) best[i] = Math.max(best[i], best[j] + 1);
  });
  return Math.max(0, ...best);
}

describe("timeline order keys", () => {
  it("keeps the longest run of keys in place and yields strictly increasing keys", () => {
    for (let round = 0; round < 200; round++) {
      const keys = Array.from({ length: 1 + Math.floor(Math.random() * 30) }, () =>
        Math.random() < 0.15 ? null : Math.floor(Math.random() * 50),
      );
      const planned = planOrderKeys(keys);
      for (let i = 1; i < planned.length; i++) expect(planned[i]).toBeGreaterThan(planned[i - 1]);
      const kept = planned.filter((k, i) => k === keys[i]).length;
      expect(kept).toBeGreaterThanOrEqual(longestRun(keys));
    }
  });

  it("reorders a maximal timeline in well under a second", () => {
    const keys = Array.from({ length: TIMELINE_LIMITS.rows }, (_, i) => (i % 7 === 0 ? null : (i * 7919) % 10_007));
    const started = performance.now();
    planOrderKeys(keys);
    // A generous ceiling that only the old quadratic planner at 100× this size would reach.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("timeline limits", () => {
  it(`refuses rows beyond ${TIMELINE_LIMITS.rows} with a clear message, writing nothing`, async () => {
    const facilitator = await createTestUser("MEMBER");
    const { id } = await createTestPostmortem(facilitator);
    const last = await getDb().timelineEntry.aggregate({ where: { postmortemId: id }, _max: { orderKey: true }, _count: true });
    const missing = TIMELINE_LIMITS.rows - last._count;
    await getDb().timelineEntry.createMany({
      data: Array.from({ length: missing }, (_, i) => ({
        postmortemId: id,
        event: `Row ${i}`,
        orderKey: (last._max.orderKey ?? 0) + i + 1,
      })),
    });
    await expect(
      createTimelineEntry(facilitator, { postmortemId: id, clientMutationId: randomUUID(), event: "One too many" }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining(`at most ${TIMELINE_LIMITS.rows} rows`) });
    await expect(
      pasteTimeline(facilitator, { postmortemId: id, text: "09:00 One too many", clientMutationId: randomUUID() }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await getDb().timelineEntry.count({ where: { postmortemId: id } })).toBe(TIMELINE_LIMITS.rows);
  });

  it("never answers a retried paste with another postmortem's rows", async () => {
    const owner = await createTestUser("MEMBER");
    const hidden = await createTestPostmortem(owner);
    await getDb().postmortem.update({ where: { id: hidden.id }, data: { restricted: true } });
    const clientMutationId = randomUUID();
    await pasteTimeline(owner, { postmortemId: hidden.id, text: "09:00 Secret alert", clientMutationId });
    const probe = await createTestUser("MEMBER");
    const mine = await createTestPostmortem(probe);
    await expect(pasteTimeline(probe, { postmortemId: mine.id, text: "10:00 Anything", clientMutationId })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});
