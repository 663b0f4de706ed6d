import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/data/auth";
import { addTestParticipant, createTestPostmortem, createTestUser } from "@/test/factories";
import { updatePostmortemSection } from "@/lib/data/postmortem-fields";
import { refusal } from "@/test/refusal";
import { anySectionUpdateSchema, type SectionUpdateInput } from "@/lib/validations/sections";

const db = () => getDb();
const makePostmortem = (facilitator: SessionUser) =>
  createTestPostmortem(facilitator, {
    severity: "CRITICAL",
    incidentDate: new Date("2026-03-10T09:00:00Z"),
    incidentName: "Prompt change broke refunds",
  });

const update = (actor: Actor, raw: SectionUpdateInput) => updatePostmortemSection(actor, anySectionUpdateSchema.parse(raw));

const events = (postmortemId: string) => db().docEvent.findMany({ where: { postmortemId }, orderBy: { seq: "asc" } });
const stored = (id: string) => db().postmortem.findUniqueOrThrow({ where: { id } });

let priya: SessionUser;
let sam: SessionUser;
let viewer: SessionUser;
let outsider: SessionUser;

beforeAll(async () => {
  [priya, sam, viewer, outsider] = await Promise.all([
    createTestUser("MEMBER", "Priya"),
    createTestUser("MEMBER", "Sam"),
    createTestUser("VIEWER"),
    createTestUser("MEMBER", "Outsider"),
  ]);
});

async function withSam() {
  const pm = await makePostmortem(priya);
  await addTestParticipant(pm.id, sam.id);
  return pm;
}

describe("updatePostmortemSection", () => {
  it("applies a change and appends a DocEvent with before and after", async () => {
    const pm = await makePostmortem(priya);
    const result = await update(priya, {
      postmortemId: pm.id,
      section: "summary",
      changes: { summary: "The bot promised refunds." },
      base: { summary: "" },
    });
    expect(result.values).toEqual({ summary: "The bot promised refunds." });
    expect((await stored(pm.id)).summary).toBe("The bot promised refunds.");
    const last = (await events(pm.id)).at(-1)!;
    expect(last).toMatchObject({
      entity: "postmortem",
      field: "summary",
      before: "",
      after: "The bot promised refunds.",
      actorId: priya.id,
      seq: result.seq,
    });
  });

  it("refuses the second of two stale edits to the same field with the current value, changing nothing", async () => {
    const pm = await withSam();
    await update(priya, { postmortemId: pm.id, section: "summary", changes: { summary: "Priya's version." }, base: { summary: "" } });
    const before = await events(pm.id);
    const error = await refusal(
      update(sam, { postmortemId: pm.id, section: "summary", changes: { summary: "Sam's version." }, base: { summary: "" } }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.detail).toEqual({ entity: "postmortem", entityId: pm.id, theirs: { summary: "Priya's version." } });
    expect((await stored(pm.id)).summary).toBe("Priya's version.");
    expect(await events(pm.id)).toHaveLength(before.length);
  });

  it("applies concurrent edits to different fields, and an edit that already matches is no conflict", async () => {
    const pm = await withSam();
    await update(priya, {
      postmortemId: pm.id,
      section: "lessons",
      changes: { lessonsWentWell: "Rollback was quick." },
      base: { lessonsWentWell: "" },
    });
    await update(sam, {
      postmortemId: pm.id,
      section: "lessons",
      changes: { lessonsCouldImprove: "Eval gate on prompts." },
      base: { lessonsCouldImprove: "" },
    });
    await update(sam, {
      postmortemId: pm.id,
      section: "lessons",
      changes: { lessonsWentWell: "Rollback was quick." },
      base: { lessonsWentWell: "" },
    });
    const row = await stored(pm.id);
    expect(row.lessonsWentWell).toBe("Rollback was quick.");
    expect(row.lessonsCouldImprove).toBe("Eval gate on prompts.");
  });

  it("writes the impact row and AI context, comparing dates to the minute and decimals by value", async () => {
    const pm = await makePostmortem(priya);
    await update(priya, {
      postmortemId: pm.id,
      section: "impact",
      changes: { customerLevel: "HIGH", customerDetail: "Refunds promised" },
      base: { customerLevel: "", customerDetail: "" },
    });
    expect(await db().impactAssessment.findUnique({ where: { postmortemId: pm.id } })).toMatchObject({
      customerLevel: "HIGH",
      customerDetail: "Refunds promised",
    });
    await update(priya, {
      postmortemId: pm.id,
      section: "aiContext",
      changes: { evalScoreBefore: "0.920" },
      base: { evalScoreBefore: "" },
    });
    const next = await update(priya, {
      postmortemId: pm.id,
      section: "aiContext",
      changes: { evalScoreBefore: "0.85" },
      base: { evalScoreBefore: "0.92" },
    });
    expect(next.values).toEqual({ evalScoreBefore: "0.85" });
    await update(priya, {
      postmortemId: pm.id,
      section: "details",
      changes: { meetingDate: "2026-03-11T10:00" },
      base: { meetingDate: "" },
    });
    await update(priya, {
      postmortemId: pm.id,
      section: "details",
      changes: { incidentName: "Renamed" },
      base: { incidentName: "Prompt change broke refunds" },
    });
    expect((await stored(pm.id)).meetingDate?.toISOString()).toBe("2026-03-11T10:00:00.000Z");
  });

  it("refuses a viewer, hides a restricted postmortem from outsiders, and a published one is read-only", async () => {
    const pm = await makePostmortem(priya);
    const edit = (actor: Actor) =>
      update(actor, { postmortemId: pm.id, section: "summary", changes: { summary: "x" }, base: { summary: "" } });
    expect((await refusal(edit(viewer))).code).toBe("FORBIDDEN");
    expect((await refusal(edit(outsider))).code).toBe("FORBIDDEN");
    await db().postmortem.update({ where: { id: pm.id }, data: { restricted: true } });
    expect((await refusal(edit(outsider))).code).toBe("NOT_FOUND");
    await db().postmortem.update({ where: { id: pm.id }, data: { restricted: false, status: "PUBLISHED" } });
    expect((await refusal(edit(priya))).code).toBe("READ_ONLY");
    expect((await stored(pm.id)).summary).toBe("");
  });

  it("rejects bad input with field messages and writes nothing", async () => {
    const pm = await makePostmortem(priya);
    const seq = (await stored(pm.id)).seq;
    const long = anySectionUpdateSchema.safeParse({
      postmortemId: pm.id,
      section: "summary",
      changes: { summary: "x".repeat(2001) },
      base: { summary: "" },
    });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]).toMatchObject({ path: ["changes", "summary"], message: "Summary must be at most 2000 characters." });
    const impossible = anySectionUpdateSchema.safeParse({
      postmortemId: pm.id,
      section: "details",
      changes: { meetingDate: "2026-02-30T10:00" },
      base: { meetingDate: "" },
    });
    expect(impossible.success).toBe(false);
    const score = anySectionUpdateSchema.safeParse({
      postmortemId: pm.id,
      section: "aiContext",
      changes: { evalScoreAfter: "-1" },
      base: { evalScoreAfter: "" },
    });
    expect(score.success).toBe(false);

    const early = await refusal(
      update(priya, { postmortemId: pm.id, section: "details", changes: { meetingDate: "2026-03-09T10:00" }, base: { meetingDate: "" } }),
    );
    expect(early.code).toBe("VALIDATION");
    expect(early.fieldErrors?.meetingDate?.[0]).toMatch(/cannot be before/);

    const other = await makePostmortem(priya);
    const otherKey = (await stored(other.id)).incidentKey;
    const dup = await refusal(
      update(priya, {
        postmortemId: pm.id,
        section: "details",
        changes: { incidentKey: otherKey, incidentName: "New name" },
        base: { incidentKey: (await stored(pm.id)).incidentKey, incidentName: "Prompt change broke refunds" },
      }),
    );
    expect(dup.fieldErrors?.incidentKey).toBeDefined();
    const ghost = await refusal(
      update(priya, {
        postmortemId: pm.id,
        section: "details",
        changes: { facilitatorId: "nosuchuser" },
        base: { facilitatorId: priya.id },
      }),
    );
    expect(ghost.fieldErrors?.facilitatorId).toBeDefined();

    const row = await stored(pm.id);
    expect(row.seq).toBe(seq);
    expect(row.meetingDate).toBeNull();
    expect(row.incidentName).toBe("Prompt change broke refunds");
  });

  it("makes a new facilitator a FACILITATOR participant and keeps the previous one as an attendee", async () => {
    const pm = await makePostmortem(priya);
    await update(priya, { postmortemId: pm.id, section: "details", changes: { facilitatorId: sam.id }, base: { facilitatorId: priya.id } });
    const rows = await db().participant.findMany({ where: { postmortemId: pm.id } });
    expect(rows.find((p) => p.userId === sam.id)?.role).toBe("FACILITATOR");
    expect(rows.find((p) => p.userId === priya.id)?.role).toBe("ATTENDEE");
    expect((await events(pm.id)).filter((e) => e.entity === "participant")).toHaveLength(2);
  });
  it("accepts an unset facilitator as the base of choosing one", async () => {
    const pm = await makePostmortem(priya);
    await db().postmortem.update({ where: { id: pm.id }, data: { facilitatorId: null } });
    await update(priya, { postmortemId: pm.id, section: "details", changes: { facilitatorId: sam.id }, base: { facilitatorId: "" } });
    expect((await stored(pm.id)).facilitatorId).toBe(sam.id);
  });
});
