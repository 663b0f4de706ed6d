import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { exportPostmortem } from "@/lib/data/exports";
import { importPostmortem } from "@/lib/data/import-postmortem";
import { addTestParticipant, createTestPostmortem, createTestUser, uniqueIncidentKey } from "@/test/factories";
import type { SessionUser } from "@/lib/data/auth";

let facilitator: SessionUser;
let owner: SessionUser;
let outsider: SessionUser;
let source: { id: string; incidentKey: string };

/** A postmortem with something in every part of the export. */
async function fillPostmortem(id: string) {
  const db = getDb();
  await db.postmortem.update({
    where: { id },
    data: {
      meetingDate: new Date("2026-11-21T10:00:00Z"),
      summary: "Refund answers were wrong.",
      usersAffected: 1200,
      revenueImpactMinor: 123450n,
      slaBreached: "NO",
      detectOverrideMin: 7,
      acknowledgeNotApplicable: true,
      problemStatement: "Wrong refund policy quoted.",
      rootCause: "No eval gate on prompt includes.",
      rootCauseCategory: "PROCESS",
      lessonsWentWell: "Rollback was quick.",
      lessonsCouldImprove: "Eval coverage.",
      lessonsDoDifferently: "Gate prompts on evals.",
      aiProvider: "Acme",
      aiModel: "acme-large-2",
      evalScoreBefore: "0.910",
      evalScoreAfter: "0.62",
      customerFacing: true,
      externalSummary: "Some answers were wrong.",
      externalWhatWeDid: "We rolled back.",
      externalPrevention: "Evals gate changes.",
      impact: { update: { customerLevel: "MEDIUM", customerDetail: "Wrong answers | 1,200 users", complianceLevel: "LOW" } },
      aiCauses: { create: [{ kind: "PROMPT_CHANGE", evidence: "Include dropped" }] },
      actions: {
        create: [
          {
            number: 1,
            horizon: "IMMEDIATE",
            action: "Add eval gate",
            ownerId: owner.id,
            deadline: new Date("2026-11-28"),
            status: "IN_PROGRESS",
            ticket: "AI-101",
          },
          { number: 2, horizon: "LONG_TERM", action: "Fail build on missing includes", status: "WONT_DO", wontDoReason: "Superseded" },
        ],
      },
    },
  });
  const rows = await db.timelineEntry.findMany({ where: { postmortemId: id }, orderBy: { orderKey: "asc" } });
  await db.timelineEntry.update({
    where: { id: rows[0].id },
    data: { occurredAt: new Date("2026-11-20T14:00:00Z"), notes: "line one\nline two" },
  });
  await db.timelineEntry.update({ where: { id: rows[1].id }, data: { occurredAt: new Date("2026-11-20T14:20:00Z") } });
  const whys = await db.whyStep.findMany({ where: { postmortemId: id }, orderBy: { position: "asc" } });
  await db.whyStep.update({ where: { id: whys[0].id }, data: { text: "The include was empty." } });
  const factors = await db.contributingFactor.findMany({ where: { postmortemId: id }, orderBy: { position: "asc" } });
  await db.contributingFactor.update({ where: { id: factors[0].id }, data: { description: "Includes resolve silently" } });
}

beforeAll(async () => {
  facilitator = await createTestUser("MEMBER");
  owner = await createTestUser("MEMBER");
  outsider = await createTestUser("MEMBER");
  source = await createTestPostmortem(facilitator);
  await addTestParticipant(source.id, owner.id);
  await fillPostmortem(source.id);
});

describe("JSON export and import", () => {
  it("names the download after the Incident ID", async () => {
    const file = await exportPostmortem(facilitator, source.id, "md");
    expect(file.fileName).toBe(`${source.incidentKey}-postmortem.md`);
    expect(file.body).toContain(`- **Incident ID:** ${source.incidentKey}`);
  });

  it("imports into a new postmortem whose export is the same apart from its Incident ID and status", async () => {
    const original = await exportPostmortem(facilitator, source.id, "json");
    const incidentKey = uniqueIncidentKey();
    const { id } = await importPostmortem(facilitator, { incidentKey, json: original.body });
    const copy = await exportPostmortem(facilitator, id, "json");
    const normalise = (body: string) => {
      const value = JSON.parse(body);
      delete value.incident.id;
      delete value.incident.status;
      return value;
    };
    expect(normalise(copy.body)).toEqual(normalise(original.body));
    const withoutKey = (body: string) => body.replace(/^- \*\*Incident ID:\*\* .*$/m, "");
    const markdownOriginal = withoutKey((await exportPostmortem(facilitator, source.id, "md")).body);
    const markdownCopy = withoutKey((await exportPostmortem(facilitator, id, "md")).body);
    expect(markdownCopy).toBe(markdownOriginal);
    const imported = await getDb().postmortem.findUniqueOrThrow({ where: { id }, include: { actions: true } });
    expect(imported.status).toBe("DRAFT");
    expect(imported.actions.find((a) => a.number === 1)?.ownerId).toBe(owner.id);
  });

  it("refuses a file that is not an export, and a key already in use, changing nothing", async () => {
    const before = await getDb().postmortem.count();
    await expect(importPostmortem(facilitator, { incidentKey: uniqueIncidentKey(), json: "{nope" })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "That file is not valid JSON.",
    });
    await expect(importPostmortem(facilitator, { incidentKey: uniqueIncidentKey(), json: '{"format":"other"}' })).rejects.toThrow(
      /does not match the export format/,
    );
    const original = await exportPostmortem(facilitator, source.id, "json");
    await expect(importPostmortem(facilitator, { incidentKey: source.incidentKey, json: original.body })).rejects.toMatchObject({
      code: "INCIDENT_KEY_TAKEN",
    });
    expect(await getDb().postmortem.count()).toBe(before);
  });

  it("exports a restricted postmortem to its people only", async () => {
    await getDb().postmortem.update({ where: { id: source.id }, data: { restricted: true } });
    await expect(exportPostmortem(outsider, source.id, "json")).rejects.toBeInstanceOf(AppError);
    await expect(exportPostmortem(outsider, source.id, "json")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportPostmortem(owner, source.id, "md")).resolves.toMatchObject({ contentType: "text/markdown; charset=utf-8" });
    await getDb().postmortem.update({ where: { id: source.id }, data: { restricted: false } });
  });
});
