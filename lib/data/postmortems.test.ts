import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createPostmortem, suggestIncidentKey } from "@/lib/data/postmortems";
import { listPostmortems } from "@/lib/data/postmortem-list";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { AppError } from "@/lib/errors";
import { addTestParticipant, createTestPostmortem, createTestUser, uniqueIncidentKey } from "@/test/factories";

describe("createPostmortem", () => {
  it("starts from the template and records who created it", async () => {
    const member = await createTestUser("MEMBER");
    const { id } = await createTestPostmortem(member, { severity: "CRITICAL" });
    const doc = await getPostmortemDocument(member, id);
    expect(doc.timeline.map((t) => t.milestone)).toEqual([
      "FIRST_OCCURRENCE",
      "DETECTED",
      "ACKNOWLEDGED",
      "DIAGNOSED",
      "MITIGATED",
      "RESOLVED",
      "ROOT_CAUSE_CONFIRMED",
      "POSTMORTEM_SCHEDULED",
    ]);
    expect(doc.timeline.every((t) => t.occurredAt === null)).toBe(true);
    expect(doc.whys).toHaveLength(5);
    expect(doc.factors.map((f) => f.category)).toEqual(["TECHNICAL", "PROCESS", "HUMAN"]);
    expect(doc.participants).toEqual([expect.objectContaining({ userId: member.id, role: "FACILITATOR" })]);
    expect(doc.permissions.edit).toBe(true);
    const events = await getDb().docEvent.findMany({ where: { postmortemId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: 1, actorId: member.id, entity: "postmortem" });
    expect(doc.seq).toBe(1);
  });

  it("refuses a duplicate Incident ID with a field message and writes nothing", async () => {
    const member = await createTestUser("MEMBER");
    const { incidentKey } = await createTestPostmortem(member);
    const before = await getDb().postmortem.count();
    const attempt = createPostmortem(member, {
      incidentKey,
      incidentName: "Again",
      incidentDate: new Date(),
      severity: "LOW",
      teamId: null,
      facilitatorId: null,
    });
    await expect(attempt).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { incidentKey: [expect.any(String)] } });
    expect(await getDb().postmortem.count()).toBe(before);
  });

  it("refuses a viewer and writes nothing", async () => {
    const viewer = await createTestUser("VIEWER");
    const key = uniqueIncidentKey();
    await expect(
      createPostmortem(viewer, {
        incidentKey: key,
        incidentName: "No",
        incidentDate: new Date(),
        severity: "LOW",
        teamId: null,
        facilitatorId: null,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().postmortem.findUnique({ where: { incidentKey: key } })).toBeNull();
  });

  it("refuses an unknown team or facilitator as field errors", async () => {
    const member = await createTestUser("MEMBER");
    await expect(
      createPostmortem(member, {
        incidentKey: uniqueIncidentKey(),
        incidentName: "x",
        incidentDate: new Date(),
        severity: "LOW",
        teamId: "nosuchteam",
        facilitatorId: "nosuchuser",
      }),
    ).rejects.toMatchObject({ fieldErrors: { teamId: [expect.any(String)], facilitatorId: [expect.any(String)] } });
  });
});

describe("visibility", () => {
  it("hides restricted postmortems from people who are not involved, as not found", async () => {
    const facilitator = await createTestUser("MEMBER");
    const attendee = await createTestUser("MEMBER");
    const outsider = await createTestUser("MEMBER");
    const admin = await createTestUser("ADMIN");
    const { id, incidentKey } = await createTestPostmortem(facilitator);
    await addTestParticipant(id, attendee.id);
    await getDb().postmortem.update({ where: { id }, data: { restricted: true } });

    await expect(getPostmortemDocument(outsider, id)).rejects.toBeInstanceOf(AppError);
    await expect(getPostmortemDocument(outsider, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getPostmortemDocument(attendee, id)).permissions.edit).toBe(true);
    expect((await listPostmortems(outsider, { q: incidentKey })).total).toBe(0);
    expect((await listPostmortems(attendee, { q: incidentKey })).total).toBe(1);
    expect((await listPostmortems(admin, { q: incidentKey })).total).toBe(1);
  });

  it("finds postmortems by full-text search over their content", async () => {
    const member = await createTestUser("MEMBER");
    const { id } = await createTestPostmortem(member);
    await getDb().postmortem.update({ where: { id }, data: { summary: "The reranker hallucinated citations for warranty questions." } });
    const result = await listPostmortems(member, { q: "hallucinated warranty" });
    expect(result.items.map((i) => i.id)).toContain(id);
  });
});

describe("suggestIncidentKey", () => {
  it("suggests the next number of the year", async () => {
    const member = await createTestUser("MEMBER");
    await createPostmortem(member, {
      incidentKey: "INC-2031-0007",
      incidentName: "x",
      incidentDate: new Date("2026-01-01"),
      severity: "LOW",
      teamId: null,
      facilitatorId: null,
    });
    expect(await suggestIncidentKey(2031)).toBe("INC-2031-0008");
  });
});
