import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { bulkUpdateActions, listTrackerActions, streamTrackerActions } from "@/lib/data/tracker";
import { getFollowUpReport } from "@/lib/data/report";
import { periodContaining } from "@/lib/domain/report-period";
import { trackerFiltersSchema } from "@/lib/validations/tracker";
import { createTestPostmortem, createTestUser } from "@/test/factories";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function seedActions() {
  const facilitator = await createTestUser("MEMBER");
  const owner = await createTestUser("MEMBER");
  const team = await getDb().team.create({ data: { name: `Tracker ${Math.random().toString(36).slice(2, 8)}` } });
  const { id } = await createTestPostmortem(facilitator, { incidentDate: day("2026-11-01") });
  const hidden = await createTestPostmortem(facilitator, { incidentDate: day("2026-11-01") });
  await getDb().postmortem.updateMany({ where: { id: { in: [id, hidden.id] } }, data: { teamId: team.id } });
  await getDb().postmortem.update({ where: { id: hidden.id }, data: { restricted: true } });
  const make = (postmortemId: string, number: number, deadline: string) =>
    getDb().correctiveAction.create({
      data: { postmortemId, number, horizon: "IMMEDIATE", action: `Fix ${number}`, ownerId: owner.id, deadline: day(deadline) },
    });
  const actions = [
    await make(id, 1, "2026-11-20"),
    await make(id, 2, "2026-11-26"),
    await make(id, 3, "2026-12-02"),
    await make(hidden.id, 1, "2026-11-20"),
  ];
  return { facilitator, owner, team, postmortemId: id, actions };
}

describe("corrective-action tracker", () => {
  it("filters overdue and due-this-week, hides restricted postmortems' actions from the list and the export", async () => {
    const { team, actions } = await seedActions();
    const viewer = await createTestUser("VIEWER");
    const now = new Date("2026-11-30T10:00:00Z");
    const overdue = await listTrackerActions(viewer, trackerFiltersSchema.parse({ teamId: team.id, overdue: "1" }), now);
    expect(overdue.rows.map((r) => r.id)).toEqual([actions[0].id, actions[1].id]);
    expect(overdue.overdue).toBe(2);
    const week = await listTrackerActions(viewer, trackerFiltersSchema.parse({ teamId: team.id, dueThisWeek: "1" }), now);
    expect(week.rows.map((r) => r.id)).toEqual([actions[2].id]);
    const exported: string[] = [];
    for await (const batch of streamTrackerActions(viewer, trackerFiltersSchema.parse({ teamId: team.id }), now, 2))
      exported.push(...batch.map((r) => r.id));
    expect(exported).toEqual(actions.slice(0, 3).map((a) => a.id));
  });

  it("counts across every team leave out the actions of postmortems the person may not see", async () => {
    const { facilitator, owner, postmortemId, actions } = await seedActions();
    const viewer = await createTestUser("VIEWER");
    const now = new Date("2026-11-30T10:00:00Z");
    const counts = async (actor: typeof viewer) => {
      const page = await listTrackerActions(actor, trackerFiltersSchema.parse({ ownerId: owner.id }), now);
      return { total: page.total, overdue: page.overdue, rows: page.rows.length };
    };
    expect(await counts(viewer)).toEqual({ total: 3, overdue: 2, rows: 3 });
    expect(await counts(facilitator)).toEqual({ total: 4, overdue: 3, rows: 4 });
    // A restricted postmortem without a facilitator stays hidden.
    await getDb().postmortem.update({ where: { id: actions[3].postmortemId }, data: { facilitatorId: null } });
    expect(await counts(viewer)).toEqual({ total: 3, overdue: 2, rows: 3 });
    await getDb().postmortem.update({ where: { id: postmortemId }, data: { deletedAt: new Date() } });
    expect(await counts(viewer)).toEqual({ total: 0, overdue: 0, rows: 0 });
  });

  it("bulk changes follow single-edit permissions, log DocEvents, and reach the weekly report", async () => {
    const { owner, team, postmortemId, actions } = await seedActions();
    const viewer = await createTestUser("VIEWER");
    const stranger = await createTestUser("MEMBER");
    const rows = actions.slice(0, 3).map((a) => ({ actionId: a.id, postmortemId, version: a.version }));
    await expect(bulkUpdateActions(viewer, { rows, status: "DONE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refused = await bulkUpdateActions(stranger, { rows, status: "DONE" });
    expect(refused).toMatchObject({ updated: 0, failed: [{ message: "You do not have permission to do that." }, {}, {}] });
    const ownerCannotReassign = await bulkUpdateActions(owner, { rows: rows.slice(0, 1), ownerId: stranger.id });
    expect(ownerCannotReassign.updated).toBe(0);

    const before = await getDb().docEvent.count({ where: { postmortemId } });
    expect(await bulkUpdateActions(owner, { rows, status: "DONE" })).toEqual({ updated: 3, failed: [] });
    expect(await getDb().docEvent.count({ where: { postmortemId } })).toBe(before + 6);

    const report = await getFollowUpReport(owner, periodContaining("week", new Date()), team.id);
    expect(report.completed.items.map((a) => a.id).sort()).toEqual(rows.map((r) => r.actionId).sort());
    expect(report.completed.total).toBe(3);
  });
});
