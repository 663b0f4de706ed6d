import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createPostmortem } from "@/lib/data/postmortems";
import { updateMetricsSection } from "@/lib/data/metrics";
import { updateTimelineEntry } from "@/lib/data/timeline";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { computeMetrics } from "@/lib/domain/metrics";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { updateMetricsSectionSchema, updateTimelineEntrySchema } from "@/lib/validations/timeline";
import { refusal } from "@/test/refusal";

const run = randomUUID().slice(0, 8);
let counter = 0;

async function user(role: OrgRole = "MEMBER"): Promise<Actor> {
  counter += 1;
  const u = await getDb().user.create({
    data: { email: `mx-${run}-${counter}@example.test`, name: `Metrics ${counter}`, passwordHash: "not-a-hash", role },
  });
  return { id: u.id, role: u.role };
}

async function postmortem(facilitator: Actor) {
  counter += 1;
  const { id } = await createPostmortem(facilitator, {
    incidentKey: `INC-MX${run.toUpperCase()}-${counter}`,
    incidentName: "Drift alert ignored for a week",
    incidentDate: new Date("2026-11-20T08:00:00Z"),
    severity: "HIGH",
    teamId: null,
    facilitatorId: facilitator.id,
  });
  return id;
}

const metrics = (id: string) => getDb().postmortem.findUniqueOrThrow({ where: { id } });
const events = (id: string) =>
  getDb().docEvent.findMany({ where: { postmortemId: id, entity: "postmortem", field: { not: null } }, orderBy: { seq: "asc" } });

describe("key metrics data layer", () => {
  let facilitator: Actor;
  let attendee: Actor;
  let viewer: Actor;

  beforeAll(async () => {
    [facilitator, attendee, viewer] = await Promise.all([user(), user(), user("VIEWER")]);
  });

  it("writes counts, revenue in minor units, SLA and overrides, with a DocEvent per field", async () => {
    const id = await postmortem(facilitator);
    await updateMetricsSection(
      facilitator,
      updateMetricsSectionSchema.parse({
        postmortemId: id,
        changes: {
          usersAffected: "1,200",
          revenueImpact: "£4,500.50",
          revenueCurrency: "GBP",
          slaBreached: "YES",
          durationNotApplicable: true,
          detectOverrideMin: "15",
        },
        base: {
          usersAffected: "",
          revenueImpact: "",
          revenueCurrency: "GBP",
          slaBreached: "UNKNOWN",
          durationNotApplicable: false,
          detectOverrideMin: "",
        },
      }),
    );
    const pm = await metrics(id);
    expect(pm).toMatchObject({
      usersAffected: 1200,
      revenueImpactMinor: 450050n,
      revenueCurrency: "GBP",
      slaBreached: "YES",
      durationNotApplicable: true,
      detectOverrideMin: 15,
    });
    expect((await events(id)).map((e) => [e.field, e.before, e.after])).toEqual([
      ["usersAffected", null, 1200],
      ["revenueImpactMinor", null, "450050"],
      ["slaBreached", "UNKNOWN", "YES"],
      ["detectOverrideMin", null, 15],
      ["durationNotApplicable", false, true],
    ]);
  });

  it("applies edits of different fields from two people and refuses a stale edit of the same field", async () => {
    const id = await postmortem(facilitator);
    await getDb().participant.create({ data: { postmortemId: id, userId: attendee.id, role: "ATTENDEE" } });
    await updateMetricsSection(
      facilitator,
      updateMetricsSectionSchema.parse({ postmortemId: id, changes: { usersAffected: "10" }, base: { usersAffected: "" } }),
    );
    await updateMetricsSection(
      attendee,
      updateMetricsSectionSchema.parse({ postmortemId: id, changes: { requestsAffected: "900" }, base: { requestsAffected: "" } }),
    );
    expect(await metrics(id)).toMatchObject({ usersAffected: 10, requestsAffected: 900 });
    const stale = await refusal(
      updateMetricsSection(
        attendee,
        updateMetricsSectionSchema.parse({ postmortemId: id, changes: { usersAffected: "12" }, base: { usersAffected: "" } }),
      ),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.detail).toMatchObject({ entity: "postmortem", theirs: { usersAffected: "10" } });
    expect((await metrics(id)).usersAffected).toBe(10);
  });

  it("refuses a negative count or override with a field message and saves nothing", async () => {
    const parsed = updateMetricsSectionSchema.safeParse({
      postmortemId: "abc",
      changes: { usersAffected: "-3", detectOverrideMin: "-5", mitigateOverrideMin: "525601" },
      base: { usersAffected: "", detectOverrideMin: "", mitigateOverrideMin: "" },
    });
    expect(parsed.success).toBe(false);
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error!.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    expect(fieldErrors["changes.usersAffected"]).toEqual(["Users affected can't be negative."]);
    expect(fieldErrors["changes.detectOverrideMin"]).toEqual(["Time to detect can't be negative."]);
    expect(fieldErrors["changes.mitigateOverrideMin"]?.[0]).toMatch(/at most 525,600/);
    const yen = updateMetricsSectionSchema.safeParse({
      postmortemId: "abc",
      changes: { revenueImpact: "12.5", revenueCurrency: "JPY" },
      base: { revenueImpact: "", revenueCurrency: "GBP" },
    });
    expect(yen.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["changes.revenueImpact", "JPY amounts have no decimal places."],
    ]);
  });

  it("derives minutes from the entered milestone times through the stored document", async () => {
    const id = await postmortem(facilitator);
    const rows = await getDb().timelineEntry.findMany({ where: { postmortemId: id }, orderBy: { orderKey: "asc" } });
    const times: Record<string, string> = {
      FIRST_OCCURRENCE: "2026-11-20 09:00",
      DETECTED: "2026-11-20 09:40",
      ACKNOWLEDGED: "2026-11-20 09:50",
      MITIGATED: "2026-11-20 10:30",
      RESOLVED: "2026-11-20 11:00",
    };
    for (const row of rows) {
      const time = row.milestone ? times[row.milestone] : undefined;
      if (!time) continue;
      await updateTimelineEntry(
        facilitator,
        updateTimelineEntrySchema.parse({
          postmortemId: id,
          entryId: row.id,
          version: 1,
          changes: { occurredAt: time },
          base: { occurredAt: "" },
        }),
      );
    }
    await updateMetricsSection(
      facilitator,
      updateMetricsSectionSchema.parse({
        postmortemId: id,
        changes: { acknowledgeNotApplicable: true },
        base: { acknowledgeNotApplicable: false },
      }),
    );
    const doc = await getPostmortemDocument(facilitator, id);
    const result = computeMetrics(
      doc.timeline.map((r) => ({ occurredAt: r.occurredAt ? new Date(r.occurredAt) : null, milestone: r.milestone })),
      {
        overrides: Object.fromEntries(Object.entries(doc.overrides).map(([k, v]) => [k, v.minutes])),
        notApplicable: Object.fromEntries(Object.entries(doc.overrides).map(([k, v]) => [k, v.notApplicable])),
      },
    );
    expect(result.metrics.map((m) => [m.key, m.minutes, m.source])).toEqual([
      ["detect", 40, "derived"],
      ["acknowledge", null, "not_applicable"],
      ["mitigate", 50, "derived"],
      ["resolve", 80, "derived"],
      ["duration", 120, "derived"],
    ]);
  });

  it("refuses viewers and published postmortems", async () => {
    const id = await postmortem(facilitator);
    const input = updateMetricsSectionSchema.parse({ postmortemId: id, changes: { slaBreached: "NO" }, base: { slaBreached: "UNKNOWN" } });
    expect((await refusal(updateMetricsSection(viewer, input))).code).toBe("FORBIDDEN");
    await getDb().postmortem.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect((await refusal(updateMetricsSection(facilitator, input))).code).toBe("READ_ONLY");
    expect((await metrics(id)).slaBreached).toBe("UNKNOWN");
    expect(await events(id)).toHaveLength(0);
  });
});
