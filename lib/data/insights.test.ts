import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getInsights } from "@/lib/data/insights";
import { getFollowUpReport } from "@/lib/data/report";
import { periodContaining } from "@/lib/domain/report-period";
import { computeMetrics } from "@/lib/domain/metrics";
import { median } from "@/lib/domain/follow-through";
import { createTestPostmortem, createTestUser } from "@/test/factories";

const at = (iso: string) => new Date(`${iso}Z`);

async function withMilestones(id: string, times: Record<string, string>) {
  for (const [milestone, time] of Object.entries(times)) {
    await getDb().timelineEntry.updateMany({ where: { postmortemId: id, milestone: milestone as never }, data: { occurredAt: at(time) } });
  }
}

describe("getInsights", () => {
  it("counts, medians and follow-through agree with the domain rules, and leave out what the viewer may not see", async () => {
    const member = await createTestUser("MEMBER");
    const viewer = await createTestUser("VIEWER");
    const team = await getDb().team.create({ data: { name: `Insights ${Math.random().toString(36).slice(2, 8)}` } });
    const made: string[] = [];
    const times = [
      {
        FIRST_OCCURRENCE: "2026-03-01T10:00",
        DETECTED: "2026-03-01T10:20",
        ACKNOWLEDGED: "2026-03-01T10:25",
        MITIGATED: "2026-03-01T11:00",
        RESOLVED: "2026-03-01T12:00",
      },
      {
        FIRST_OCCURRENCE: "2026-03-05T10:00",
        DETECTED: "2026-03-05T11:00",
        ACKNOWLEDGED: "2026-03-05T11:30",
        MITIGATED: "2026-03-05T13:00",
        RESOLVED: "2026-03-05T16:00",
      },
      {
        FIRST_OCCURRENCE: "2026-03-09T10:00",
        DETECTED: "2026-03-09T10:05",
        ACKNOWLEDGED: "2026-03-09T10:06",
        MITIGATED: "2026-03-09T10:30",
        RESOLVED: "2026-03-09T10:45",
      },
    ];
    for (const [i, t] of times.entries()) {
      const { id } = await createTestPostmortem(member, { severity: i === 0 ? "CRITICAL" : "HIGH", incidentDate: at(t.FIRST_OCCURRENCE) });
      await getDb().postmortem.update({
        where: { id },
        data: {
          teamId: team.id,
          aiModel: "gpt-x",
          aiProvider: "OpenAI",
          status: i === 0 ? "PUBLISHED" : "DRAFT",
          publishedAt: i === 0 ? at("2026-03-02T09:00") : null,
        },
      });
      await withMilestones(id, t);
      await getDb().aiCause.create({ data: { postmortemId: id, kind: "PROMPT_CHANGE" } });
      made.push(id);
    }
    await getDb().postmortem.update({ where: { id: made[2] }, data: { restricted: true, detectOverrideMin: 90 } });
    await getDb().correctiveAction.createMany({
      data: [
        {
          postmortemId: made[0],
          number: 1,
          horizon: "IMMEDIATE",
          action: "a",
          deadline: at("2026-03-08T00:00"),
          status: "DONE",
          completedAt: at("2026-03-11T08:00"),
        },
        { postmortemId: made[0], number: 2, horizon: "IMMEDIATE", action: "b", deadline: at("2026-03-08T00:00"), status: "OPEN" },
        {
          postmortemId: made[1],
          number: 1,
          horizon: "IMMEDIATE",
          action: "c",
          deadline: at("2026-03-08T00:00"),
          status: "WONT_DO",
          wontDoReason: "x",
        },
      ],
    });
    const now = at("2026-03-20T00:00");

    const seen = await getInsights(member, { teamId: team.id }, now);
    expect(seen.total).toBe(3);
    expect(seen.perMonth).toEqual([
      { month: "2026-03", severity: "CRITICAL", count: 1 },
      { month: "2026-03", severity: "HIGH", count: 2 },
    ]);
    const docs = await getDb().postmortem.findMany({ where: { id: { in: made } }, include: { timeline: true } });
    const detect = docs.map((d) => computeMetrics(d.timeline, { overrides: { detect: d.detectOverrideMin } }).metrics[0].minutes!);
    expect(seen.metrics[0].detect).toBe(median(detect));
    expect(seen.aiCauses).toEqual([{ kind: "PROMPT_CHANGE", count: 3 }]);
    expect(seen.reviews).toEqual([{ month: "2026-03", held: 1, within: 1 }]);
    expect(seen.followThrough).toEqual([{ horizon: "IMMEDIATE", total: 3, open: 1, overdue: 1, done: 1, wontDo: 1, medianDaysLate: 7.5 }]);
    expect(seen.repeats).toEqual([{ month: "2026-03", count: 2 }]);

    const hidden = await getInsights(viewer, { teamId: team.id }, now);
    expect(hidden.total).toBe(2);
    expect(hidden.aiCauses).toEqual([{ kind: "PROMPT_CHANGE", count: 2 }]);
    expect(hidden.repeats).toEqual([{ month: "2026-03", count: 1 }]);

    // The weekly report lists the same repeats among the postmortems created this week.
    const week = periodContaining("week", new Date());
    const reported = await getFollowUpReport(member, week, team.id);
    expect(reported.repeats.items.map((r) => r.id)).toEqual([made[1], made[2]]);
    expect((await getFollowUpReport(viewer, week, team.id)).repeats).toMatchObject({ total: 1, items: [{ id: made[1] }] });
  });
});
