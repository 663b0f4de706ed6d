// The per-postmortem figures the managers' views read (migrations 20261201160000 and 20261201191000): milestone
// times kept by triggers on the timeline, unfinished-action figures kept by triggers on corrective actions, the
// AI system's key, and the AI causes and written factor categories kept by triggers on those tables. Each story
// edits through the normal write paths and then compares the stored figures with what the live rows say.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createAction, deleteAction, setActionStatus, updateAction } from "@/lib/data/actions";
import { listPostmortems } from "@/lib/data/postmortem-list";
import { createTimelineEntry, deleteTimelineEntry, pasteTimeline, restoreTimelineEntry, updateTimelineEntry } from "@/lib/data/timeline";
import { bulkUpdateActions } from "@/lib/data/tracker";
import { milestoneTimes } from "@/lib/domain/metrics";
import { setAiCause } from "@/lib/data/ai-causes";
import { addFactor, deleteFactor, updateFactor } from "@/lib/data/factors";
import { createActionSchema, setActionStatusSchema, updateActionSchema } from "@/lib/validations/actions";
import { addFactorSchema, setAiCauseSchema, updateFactorSchema } from "@/lib/validations/sections";
import { createTimelineEntrySchema, pasteTimelineSchema, updateTimelineEntrySchema } from "@/lib/validations/timeline";
import { bulkUpdateActionsSchema } from "@/lib/validations/tracker";
import { createTestPostmortem, createTestUser } from "@/test/factories";

type Stored = {
  firstOccurrenceAt: Date | null;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  openActionCount: number;
  nextOpenDeadline: Date | null;
  aiSystemKey: string | null;
  aiCauseKinds: string[];
  factorCategories: string[];
};

const stored = async (id: string) =>
  (
    await getDb().$queryRaw<Stored[]>`SELECT "firstOccurrenceAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt",
      "openActionCount", "nextOpenDeadline", "aiSystemKey",
      "aiCauseKinds"::text[] AS "aiCauseKinds", "factorCategories"::text[] AS "factorCategories" FROM "Postmortem" WHERE "id" = ${id}`
  )[0];

/** The milestone times the live (non-deleted) timeline rows give, as metrics.milestoneTimes reads them. */
async function expectedMilestones(postmortemId: string) {
  const rows = await getDb().timelineEntry.findMany({ where: { postmortemId, deletedAt: null } });
  const t = milestoneTimes(rows);
  return {
    firstOccurrenceAt: t.FIRST_OCCURRENCE ?? null,
    detectedAt: t.DETECTED ?? null,
    acknowledgedAt: t.ACKNOWLEDGED ?? null,
    mitigatedAt: t.MITIGATED ?? null,
    resolvedAt: t.RESOLVED ?? null,
  };
}

async function expectMilestonesCurrent(postmortemId: string) {
  const s = await stored(postmortemId);
  const times = {
    firstOccurrenceAt: s.firstOccurrenceAt,
    detectedAt: s.detectedAt,
    acknowledgedAt: s.acknowledgedAt,
    mitigatedAt: s.mitigatedAt,
    resolvedAt: s.resolvedAt,
  };
  expect(times).toEqual(await expectedMilestones(postmortemId));
  return times;
}

/** Unfinished (open or in progress), non-deleted actions: how many and the earliest deadline. */
async function expectActionsCurrent(postmortemId: string) {
  const open = await getDb().correctiveAction.findMany({
    where: { postmortemId, deletedAt: null, status: { in: ["OPEN", "IN_PROGRESS"] } },
  });
  const deadlines = open.flatMap((a) => (a.deadline ? [a.deadline.getTime()] : []));
  const s = await stored(postmortemId);
  expect(s.openActionCount).toBe(open.length);
  expect(s.nextOpenDeadline?.getTime() ?? null).toBe(deadlines.length ? Math.min(...deadlines) : null);
  return s;
}

const at = (iso: string) => new Date(`${iso}Z`);

describe("per-postmortem figures of the managers' views", () => {
  it("milestone times follow timeline rows added, edited, pasted, deleted and restored", async () => {
    const facilitator = await createTestUser();
    const { id } = await createTestPostmortem(facilitator, { incidentDate: at("2026-11-20T00:00:00") });
    await expectMilestonesCurrent(id);

    const add = (occurredAt: string, milestone: string) =>
      createTimelineEntry(
        facilitator,
        createTimelineEntrySchema.parse({ postmortemId: id, clientMutationId: randomUUID(), event: milestone, occurredAt, milestone }),
      );
    await add("2026-11-20 08:00", "FIRST_OCCURRENCE");
    await add("2026-11-20 08:30", "DETECTED");
    const lateResolved = await add("2026-11-20 12:00", "RESOLVED");
    const earlyResolved = await add("2026-11-20 10:00", "RESOLVED");
    expect((await expectMilestonesCurrent(id)).resolvedAt).toEqual(at("2026-11-20T10:00:00"));

    const edit = (entryId: string, changes: Record<string, unknown>, base: Record<string, unknown>) =>
      updateTimelineEntry(facilitator, updateTimelineEntrySchema.parse({ postmortemId: id, entryId, changes, base }));
    await edit(earlyResolved.row.id, { occurredAt: "2026-11-20 09:15" }, { occurredAt: "2026-11-20 10:00" });
    expect((await expectMilestonesCurrent(id)).resolvedAt).toEqual(at("2026-11-20T09:15:00"));
    await edit(earlyResolved.row.id, { milestone: "MITIGATED" }, { milestone: "RESOLVED" });
    const moved = await expectMilestonesCurrent(id);
    expect(moved).toMatchObject({ mitigatedAt: at("2026-11-20T09:15:00"), resolvedAt: at("2026-11-20T12:00:00") });
    await edit(earlyResolved.row.id, { occurredAt: null }, { occurredAt: "2026-11-20 09:15" });
    expect((await expectMilestonesCurrent(id)).mitigatedAt).toBeNull();

    await deleteTimelineEntry(facilitator, { postmortemId: id, entryId: lateResolved.row.id });
    expect((await expectMilestonesCurrent(id)).resolvedAt).toBeNull();
    await restoreTimelineEntry(facilitator, { postmortemId: id, entryId: lateResolved.row.id });
    expect((await expectMilestonesCurrent(id)).resolvedAt).toEqual(at("2026-11-20T12:00:00"));

    await pasteTimeline(
      facilitator,
      pasteTimelineSchema.parse({ postmortemId: id, clientMutationId: randomUUID(), text: "2026-11-20 08:45 Paged on-call" }),
    );
    await expectMilestonesCurrent(id);
  });

  it("unfinished-action figures follow creates, edits, status changes, bulk changes and deletes, and drive the overdue filter", async () => {
    const facilitator = await createTestUser();
    const { id } = await createTestPostmortem(facilitator, { incidentDate: at("2026-11-01T00:00:00") });
    const now = at("2026-11-30T10:00:00");
    const overdueList = async () => (await listPostmortems(facilitator, { actions: "overdue" }, now)).items.map((i) => i.id);
    const make = (deadline: string) =>
      createAction(
        facilitator,
        createActionSchema.parse({ postmortemId: id, clientMutationId: randomUUID(), horizon: "IMMEDIATE", action: "Fix", deadline }),
      );
    expect((await expectActionsCurrent(id)).openActionCount).toBe(0);
    const a = await make("2026-11-20");
    const b = await make("2026-12-10");
    const c = await make("2026-12-20");
    expect(await expectActionsCurrent(id)).toMatchObject({ openActionCount: 3, nextOpenDeadline: at("2026-11-20T00:00:00") });
    expect(await overdueList()).toContain(id);

    await updateAction(
      facilitator,
      updateActionSchema.parse({ postmortemId: id, actionId: a.id, changes: { status: "DONE" }, base: { status: "OPEN" } }),
    );
    expect(await expectActionsCurrent(id)).toMatchObject({ openActionCount: 2, nextOpenDeadline: at("2026-12-10T00:00:00") });
    expect(await overdueList()).not.toContain(id);

    const reopened = await setActionStatus(
      facilitator,
      setActionStatusSchema.parse({ actionId: a.id, status: "IN_PROGRESS", version: a.version + 1 }),
    );
    expect(reopened.status).toBe("IN_PROGRESS");
    expect((await expectActionsCurrent(id)).openActionCount).toBe(3);
    expect(await overdueList()).toContain(id);

    await updateAction(
      facilitator,
      updateActionSchema.parse({ postmortemId: id, actionId: a.id, changes: { deadline: "2026-12-05" }, base: { deadline: "2026-11-20" } }),
    );
    expect((await expectActionsCurrent(id)).nextOpenDeadline).toEqual(at("2026-12-05T00:00:00"));

    const current = await getDb().correctiveAction.findMany({ where: { id: { in: [a.id, b.id] } } });
    const rows = current.map((x) => ({ actionId: x.id, postmortemId: id, version: x.version }));
    const bulk = bulkUpdateActionsSchema.parse({ rows, status: "WONT_DO", wontDoReason: "Superseded" });
    expect(await bulkUpdateActions(facilitator, bulk)).toMatchObject({ updated: 2, failed: [] });
    expect(await expectActionsCurrent(id)).toMatchObject({ openActionCount: 1, nextOpenDeadline: at("2026-12-20T00:00:00") });
    await updateAction(
      facilitator,
      updateActionSchema.parse({ postmortemId: id, actionId: c.id, changes: { deadline: null }, base: { deadline: "2026-12-20" } }),
    );
    expect(await expectActionsCurrent(id)).toMatchObject({ openActionCount: 1, nextOpenDeadline: null });

    await deleteAction(facilitator, { postmortemId: id, actionId: c.id });
    expect((await expectActionsCurrent(id)).openActionCount).toBe(0);
  });

  it("the AI system's key is the normalised provider/model, else the team", async () => {
    const facilitator = await createTestUser();
    const { id } = await createTestPostmortem(facilitator);
    const team = await getDb().team.create({ data: { name: `Key ${randomUUID().slice(0, 8)}` } });
    await getDb().postmortem.update({ where: { id }, data: { teamId: team.id } });
    expect((await stored(id)).aiSystemKey).toBe(`team:${team.id}`);
    await getDb().postmortem.update({ where: { id }, data: { aiProvider: "  Open  AI ", aiModel: "GPT-4o   mini" } });
    expect((await stored(id)).aiSystemKey).toBe("model:open ai/gpt-4o mini");
  });

  it("AI causes and written factor categories follow ticks, factor edits and deletes, and drive the filters", async () => {
    const facilitator = await createTestUser();
    const { id } = await createTestPostmortem(facilitator);
    const causes = async () => (await stored(id)).aiCauseKinds;
    const categories = async () => (await stored(id)).factorCategories;
    const tick = (kind: string, checked: boolean) => setAiCause(facilitator, setAiCauseSchema.parse({ postmortemId: id, kind, checked }));
    const listed = async (filters: { aiCause?: "PROMPT_CHANGE"; factor?: "PROCESS" }) =>
      (await listPostmortems(facilitator, { ...filters, facilitatorId: facilitator.id })).items.map((p) => p.id);

    // The template's empty factor per category counts for nothing.
    expect(await causes()).toEqual([]);
    expect(await categories()).toEqual([]);

    await tick("PROMPT_CHANGE", true);
    await tick("MODEL_DRIFT", true);
    expect(await causes()).toEqual(expect.arrayContaining(["PROMPT_CHANGE", "MODEL_DRIFT"]));
    expect(await listed({ aiCause: "PROMPT_CHANGE" })).toEqual([id]);
    await tick("PROMPT_CHANGE", false);
    expect(await causes()).toEqual(["MODEL_DRIFT"]);
    expect(await listed({ aiCause: "PROMPT_CHANGE" })).toEqual([]);

    const written = await addFactor(
      facilitator,
      addFactorSchema.parse({ postmortemId: id, clientMutationId: randomUUID(), category: "TECHNICAL", description: "No eval gate" }),
    );
    expect(await categories()).toEqual(["TECHNICAL"]);
    const recategorise = (changes: { category?: string; description?: string }, base: { category?: string; description?: string }) =>
      updateFactor(facilitator, updateFactorSchema.parse({ postmortemId: id, factorId: written.id, changes, base }));
    await recategorise({ category: "PROCESS" }, { category: "TECHNICAL" });
    expect(await categories()).toEqual(["PROCESS"]);
    expect(await listed({ factor: "PROCESS" })).toEqual([id]);
    await recategorise({ description: "   " }, { description: "No eval gate" });
    expect(await categories()).toEqual([]);
    expect(await listed({ factor: "PROCESS" })).toEqual([]);
    await recategorise({ description: "Rollout skipped review" }, { description: "" });
    expect(await categories()).toEqual(["PROCESS"]);
    await deleteFactor(facilitator, { postmortemId: id, factorId: written.id });
    expect(await categories()).toEqual([]);
  });
});
