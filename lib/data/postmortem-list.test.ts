import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listPostmortems } from "@/lib/data/postmortem-list";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/data/highlight";
import { reviewClock } from "@/lib/domain/deadlines";
import { createTestPostmortem, createTestUser } from "@/test/factories";

const unique = () => Math.random().toString(36).slice(2, 8);

describe("listPostmortems", () => {
  it("finds a phrase written in one timeline row, highlighted, and hides restricted matches from outsiders", async () => {
    const member = await createTestUser("MEMBER");
    const outsider = await createTestUser("VIEWER");
    const word = `zephyr${unique()}`;
    const { id } = await createTestPostmortem(member);
    const row = await getDb().timelineEntry.findFirstOrThrow({ where: { postmortemId: id, milestone: "DETECTED" } });
    await getDb().timelineEntry.update({ where: { id: row.id }, data: { notes: `Latency alarm on the ${word} reranker fired` } });
    const hidden = await createTestPostmortem(member);
    await getDb().whyStep.updateMany({ where: { postmortemId: hidden.id, position: 1 }, data: { text: `Why did ${word} retry?` } });
    await getDb().postmortem.update({ where: { id: hidden.id }, data: { restricted: true } });

    const result = await listPostmortems(outsider, { q: `"${word} reranker"` });
    expect(result.items.map((i) => i.id)).toEqual([id]);
    expect(result.total).toBe(1);
    expect(result.items[0].snippet).toContain(`${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`);
    expect((await listPostmortems(outsider, { q: word })).total).toBe(1);
    expect((await listPostmortems(member, { q: word })).total).toBe(2);
  });

  it("filters by AI cause and severity, and pages by keyset without skipping or repeating", async () => {
    const member = await createTestUser("MEMBER");
    const team = await getDb().team.create({ data: { name: `Team ${unique()}` } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { id } = await createTestPostmortem(member, {
        severity: i < 3 ? "CRITICAL" : "LOW",
        incidentDate: new Date(Date.UTC(2026, 0, 10 + i)),
      });
      await getDb().postmortem.update({ where: { id }, data: { teamId: team.id } });
      await getDb().aiCause.create({ data: { postmortemId: id, kind: i === 1 ? "MODEL_DRIFT" : "PROMPT_CHANGE" } });
      ids.push(id);
    }
    const found = await listPostmortems(member, { teamId: team.id, aiCause: "PROMPT_CHANGE", severity: "CRITICAL" });
    expect(found.items.map((i) => i.id)).toEqual([ids[2], ids[0]]);
    expect(found.items[0].aiCauses).toEqual(["PROMPT_CHANGE"]);

    const seen: string[] = [];
    let after: string | undefined;
    for (const sort of ["oldest", "severity", "key"] as const) {
      seen.length = 0;
      after = undefined;
      do {
        const page = await listPostmortems(member, { teamId: team.id, sort, after });
        seen.push(...page.items.map((i) => i.id));
        after = page.nextCursor ?? undefined;
      } while (after);
      expect(new Set(seen).size).toBe(4);
    }
    expect((await listPostmortems(member, { teamId: team.id, after: "not-a-cursor" })).items).toHaveLength(4);
  });

  it("marks overdue reviews the way the 48-hour clock does", async () => {
    const member = await createTestUser("MEMBER");
    const now = new Date("2026-11-25T12:00:00Z");
    const overdue = await createTestPostmortem(member, { severity: "HIGH", incidentDate: new Date("2026-11-20T09:00:00Z") });
    const resolvedLate = await createTestPostmortem(member, { severity: "HIGH", incidentDate: new Date("2026-11-20T09:00:00Z") });
    await getDb().timelineEntry.updateMany({
      where: { postmortemId: resolvedLate.id, milestone: "RESOLVED" },
      data: { occurredAt: new Date("2026-11-24T09:00:00Z") },
    });
    const low = await createTestPostmortem(member, { severity: "LOW", incidentDate: new Date("2026-11-20T09:00:00Z") });
    const ids = (await listPostmortems(member, { reviewOverdue: "1", facilitatorId: member.id }, now)).items.map((i) => i.id);
    expect(ids).toEqual([overdue.id]);
    for (const pm of [overdue, resolvedLate, low]) {
      const row = await getDb().postmortem.findUniqueOrThrow({ where: { id: pm.id }, include: { timeline: true } });
      expect(reviewClock(row, now).state === "overdue").toBe(ids.includes(pm.id));
    }
  });
});
