import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { createPostmortem } from "@/lib/data/postmortems";
import { createAction, setActionStatus, updateAction } from "@/lib/data/actions";
import { getPublishCheck, listHistory, setStatus } from "@/lib/data/lifecycle";
import { createActionSchema, setActionStatusSchema, updateActionSchema } from "@/lib/validations/actions";
import type { Finding } from "@/lib/domain/completeness";
import { refusal } from "@/test/refusal";

async function makeUser(role: OrgRole = "MEMBER"): Promise<Actor> {
  const u = await getDb().user.create({
    data: { email: `lifecycle-${randomUUID()}@example.com`, name: `Person ${randomUUID().slice(0, 4)}`, role, passwordHash: "x" },
  });
  return { id: u.id, role: u.role };
}

const MILESTONES = [
  "FIRST_OCCURRENCE",
  "DETECTED",
  "ACKNOWLEDGED",
  "DIAGNOSED",
  "MITIGATED",
  "RESOLVED",
  "ROOT_CAUSE_CONFIRMED",
  "POSTMORTEM_SCHEDULED",
] as const;

/** A Critical postmortem with every section filled in, as the full review requires. */
async function completeCriticalPostmortem(facilitator: Actor, attendee: Actor, observer: Actor): Promise<string> {
  const { id } = await createPostmortem(facilitator, {
    incidentKey: `INC-L-${randomUUID().slice(0, 8).toUpperCase()}`,
    incidentName: "Vendor model update",
    incidentDate: new Date("2026-11-16T09:00:00Z"),
    severity: "CRITICAL",
    teamId: null,
    facilitatorId: facilitator.id,
  });
  const db = getDb();
  await db.postmortem.update({
    where: { id },
    data: {
      meetingDate: new Date("2026-11-17T14:00:00Z"),
      summary: "The vendor changed the model. The assistant promised refunds.",
      slaBreached: "YES",
      usersAffected: 10,
      problemStatement: "The assistant promised refunds outside policy.",
      rootCause: "Model versions were referenced by a floating alias without an eval gate.",
      rootCauseCategory: "PROCESS",
      lessonsWentWell: "Alerting worked.",
      lessonsCouldImprove: "Vendor change visibility.",
      lessonsDoDifferently: "Pin versions.",
      aiProvider: "Acme AI",
      aiModel: "acme-chat-large",
      participants: {
        create: [
          { userId: attendee.id, role: "ATTENDEE" },
          { userId: observer.id, role: "LEADERSHIP_OBSERVER" },
        ],
      },
      aiCauses: { create: [{ kind: "MODEL_UPDATE", evidence: "Snapshot changed on 2026-11-15." }] },
      impact: { update: { customerLevel: "HIGH", reputationalLevel: "MEDIUM", dataSecurityLevel: "NONE", complianceLevel: "LOW" } },
    },
  });
  const rows = await db.timelineEntry.findMany({ where: { postmortemId: id } });
  for (const row of rows) {
    const index = MILESTONES.indexOf(row.milestone as (typeof MILESTONES)[number]);
    await db.timelineEntry.update({ where: { id: row.id }, data: { occurredAt: new Date(Date.UTC(2026, 10, 16, 9 + index, 0)) } });
  }
  const why = await db.whyStep.findFirstOrThrow({ where: { postmortemId: id }, orderBy: { position: "asc" } });
  await db.whyStep.update({ where: { id: why.id }, data: { text: "No eval gate ran on vendor snapshot changes." } });
  const factor = await db.contributingFactor.findFirstOrThrow({ where: { postmortemId: id, category: "TECHNICAL" } });
  await db.contributingFactor.update({ where: { id: factor.id }, data: { description: "Floating model alias." } });
  return id;
}

describe("review lifecycle", () => {
  let facilitator: Actor;
  let attendee: Actor;
  let observer: Actor;
  let admin: Actor;
  let pmId: string;

  beforeAll(async () => {
    [facilitator, attendee, observer, admin] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser("ADMIN")]);
    pmId = await completeCriticalPostmortem(facilitator, attendee, observer);
  });

  it("moves a draft into review and refuses publishing while an action has no owner, naming it", async () => {
    expect((await setStatus(attendee, { postmortemId: pmId, to: "IN_REVIEW" })).status).toBe("IN_REVIEW");
    const action = await createAction(
      facilitator,
      createActionSchema.parse({
        postmortemId: pmId,
        clientMutationId: randomUUID(),
        horizon: "IMMEDIATE",
        action: "Add eval gate",
      }),
    );
    const check = await getPublishCheck(attendee, pmId);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([{ section: "actions", message: `Action ${action.number} "Add eval gate" has no owner` }]);

    expect((await refusal(setStatus(attendee, { postmortemId: pmId, to: "PUBLISHED" }))).code).toBe("FORBIDDEN");
    const error = await refusal(setStatus(facilitator, { postmortemId: pmId, to: "PUBLISHED" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toBe("Not ready to publish: 1 item missing");
    expect((error.detail as { problems: Finding[] }).problems[0].message).toContain('"Add eval gate" has no owner');
    expect((await getDb().postmortem.findUniqueOrThrow({ where: { id: pmId } })).status).toBe("IN_REVIEW");

    await updateAction(
      facilitator,
      updateActionSchema.parse({
        postmortemId: pmId,
        actionId: action.id,
        version: action.version,
        changes: { ownerId: attendee.id },
        base: { ownerId: null },
      }),
    );
    const published = await setStatus(facilitator, { postmortemId: pmId, to: "PUBLISHED" });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).not.toBeNull();
  });

  it("keeps a published postmortem read-only while its action owner can still mark the action done", async () => {
    const action = await getDb().correctiveAction.findFirstOrThrow({ where: { postmortemId: pmId } });
    const edit = await refusal(
      updateAction(
        attendee,
        updateActionSchema.parse({
          postmortemId: pmId,
          actionId: action.id,
          version: action.version,
          changes: { action: "Changed" },
          base: { action: action.action },
        }),
      ),
    );
    expect(edit.code).toBe("READ_ONLY");
    expect((await refusal(setStatus(attendee, { postmortemId: pmId, to: "DRAFT" }))).code).toBe("VALIDATION");
    const done = await setActionStatus(
      attendee,
      setActionStatusSchema.parse({ actionId: action.id, status: "DONE", version: action.version }),
    );
    expect(done.status).toBe("DONE");
  });

  it("lets only the facilitator or an admin reopen", async () => {
    expect((await refusal(setStatus(attendee, { postmortemId: pmId, to: "IN_REVIEW" }))).code).toBe("FORBIDDEN");
    const outsider = await makeUser();
    expect((await refusal(setStatus(outsider, { postmortemId: pmId, to: "IN_REVIEW" }))).code).toBe("FORBIDDEN");
    const reopened = await setStatus(facilitator, { postmortemId: pmId, to: "IN_REVIEW" });
    expect(reopened).toEqual({ status: "IN_REVIEW", publishedAt: null });
    await setStatus(admin, { postmortemId: pmId, to: "PUBLISHED" });
    expect((await setStatus(admin, { postmortemId: pmId, to: "IN_REVIEW" })).status).toBe("IN_REVIEW");
  });

  it("lists the history newest first with actor names and before/after, a page at a time", async () => {
    const first = await listHistory(attendee, pmId, { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.items[0]).toMatchObject({ entity: "postmortem", field: "publishedAt" });
    expect(first.items[1]).toMatchObject({ field: "status", before: "PUBLISHED", after: "IN_REVIEW" });
    expect(first.items[0].seq).toBeGreaterThan(first.items[2].seq);
    expect(first.nextBefore).toBe(first.items[2].seq);
    const older = await listHistory(attendee, pmId, { before: first.nextBefore ?? undefined, limit: 1000 });
    expect(older.items[0].seq).toBe(first.items[2].seq - 1);
    expect(older.nextBefore).toBeNull();
    expect(older.items.at(-1)?.actorName).toBeTruthy();

    const ownerChange = older.items.find((i) => i.field === "ownerId");
    const attendeeName = (await getDb().user.findUniqueOrThrow({ where: { id: attendee.id } })).name;
    expect(ownerChange).toMatchObject({ subject: "Action 1", before: null, after: attendeeName });

    await getDb().postmortem.update({ where: { id: pmId }, data: { restricted: true } });
    const stranger = await makeUser();
    expect((await refusal(listHistory(stranger, pmId))).code).toBe("NOT_FOUND");
  });
});
