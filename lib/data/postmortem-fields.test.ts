import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { createPostmortem } from "@/lib/data/postmortems";
import { updatePostmortemSection } from "@/lib/data/postmortem-fields";
import { addParticipant, removeParticipant, updateParticipantRole } from "@/lib/data/participants";
import { setAiCause } from "@/lib/data/ai-causes";
import { addFactor, deleteFactor, updateFactor } from "@/lib/data/factors";
import { addWhy, deleteWhy, updateWhy } from "@/lib/data/whys";
import {
  addParticipantSchema,
  anySectionUpdateSchema,
  setAiCauseSchema,
  updateWhySchema,
  type SectionUpdateInput,
} from "@/lib/validations/sections";

const db = () => getDb();
let n = 0;

async function makeUser(role: "ADMIN" | "MEMBER" | "VIEWER" = "MEMBER", name = "Person"): Promise<Actor & { name: string }> {
  n += 1;
  const user = await db().user.create({
    data: { email: `fields-${Date.now()}-${n}@example.com`, name: `${name} ${n}`, passwordHash: "x", role },
  });
  return { id: user.id, role: user.role, name: user.name };
}

async function makePostmortem(facilitator: Actor) {
  n += 1;
  return createPostmortem(facilitator, {
    incidentKey: `INC-FIELDS-${n}${Date.now().toString(36).toUpperCase()}`,
    incidentName: "Prompt change broke refunds",
    incidentDate: new Date("2026-03-10T09:00:00Z"),
    severity: "CRITICAL",
    teamId: null,
    facilitatorId: facilitator.id,
  });
}

const update = (actor: Actor, raw: SectionUpdateInput) => updatePostmortemSection(actor, anySectionUpdateSchema.parse(raw));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const events = (postmortemId: string) => db().docEvent.findMany({ where: { postmortemId }, orderBy: { seq: "asc" } });
const stored = (id: string) => db().postmortem.findUniqueOrThrow({ where: { id } });

let priya: Actor & { name: string };
let sam: Actor & { name: string };
let viewer: Actor;
let outsider: Actor;

beforeAll(async () => {
  priya = await makeUser("MEMBER", "Priya");
  sam = await makeUser("MEMBER", "Sam");
  viewer = await makeUser("VIEWER", "Viewer");
  outsider = await makeUser("MEMBER", "Outsider");
});

async function withSam() {
  const pm = await makePostmortem(priya);
  await addParticipant(
    priya,
    addParticipantSchema.parse({
      postmortemId: pm.id,
      userId: sam.id,
      role: "ATTENDEE",
      clientMutationId: crypto.randomUUID(),
    }),
  );
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

describe("participants", () => {
  it("adds users and free-text names idempotently, changes roles with conflicts, refuses removing the facilitator", async () => {
    const pm = await makePostmortem(priya);
    const clientMutationId = crypto.randomUUID();
    const input = addParticipantSchema.parse({ postmortemId: pm.id, userId: sam.id, role: "ATTENDEE", clientMutationId });
    const first = await addParticipant(priya, input);
    expect(await addParticipant(priya, input)).toEqual(first);
    const guest = await addParticipant(
      priya,
      addParticipantSchema.parse({
        postmortemId: pm.id,
        name: "Jo from Legal",
        role: "LEADERSHIP_OBSERVER",
        clientMutationId: crypto.randomUUID(),
      }),
    );
    expect(guest).toMatchObject({ userId: null, name: "Jo from Legal", role: "LEADERSHIP_OBSERVER" });
    const again = await refusal(
      addParticipant(
        priya,
        addParticipantSchema.parse({ postmortemId: pm.id, userId: sam.id, role: "OBSERVER", clientMutationId: crypto.randomUUID() }),
      ),
    );
    expect(again.fieldErrors?.userId).toBeDefined();

    await updateParticipantRole(priya, { postmortemId: pm.id, participantId: first.id, role: "OBSERVER", baseRole: "ATTENDEE" });
    const stale = await refusal(
      updateParticipantRole(priya, { postmortemId: pm.id, participantId: first.id, role: "LEADERSHIP_OBSERVER", baseRole: "ATTENDEE" }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.detail).toMatchObject({ entity: "participant", theirs: { role: "OBSERVER" } });

    const facilitatorRow = await db().participant.findFirstOrThrow({ where: { postmortemId: pm.id, userId: priya.id } });
    const refused = await refusal(removeParticipant(priya, { postmortemId: pm.id, participantId: facilitatorRow.id }));
    expect(refused.message).toMatch(/facilitator cannot be removed/);
    await removeParticipant(priya, { postmortemId: pm.id, participantId: guest.id });
    expect(await db().participant.count({ where: { postmortemId: pm.id } })).toBe(2);
    expect(addParticipantSchema.safeParse({ postmortemId: pm.id, role: "ATTENDEE", clientMutationId: crypto.randomUUID() }).success).toBe(
      false,
    );
  });
});

describe("AI causes, factors and whys", () => {
  it("ticks, annotates and unticks an AI cause, each with a DocEvent", async () => {
    const pm = await makePostmortem(priya);
    const start = (await stored(pm.id)).seq;
    await setAiCause(priya, setAiCauseSchema.parse({ postmortemId: pm.id, kind: "PROMPT_CHANGE", checked: true }));
    await setAiCause(
      priya,
      setAiCauseSchema.parse({ postmortemId: pm.id, kind: "PROMPT_CHANGE", checked: true, evidence: "Diff of v14", baseEvidence: "" }),
    );
    const stale = await refusal(
      setAiCause(
        priya,
        setAiCauseSchema.parse({ postmortemId: pm.id, kind: "PROMPT_CHANGE", checked: true, evidence: "Other", baseEvidence: "" }),
      ),
    );
    expect(stale.detail).toMatchObject({ entity: "aiCause", theirs: { evidence: "Diff of v14" } });
    expect(await db().aiCause.findMany({ where: { postmortemId: pm.id } })).toMatchObject([
      { kind: "PROMPT_CHANGE", evidence: "Diff of v14" },
    ]);
    await setAiCause(priya, setAiCauseSchema.parse({ postmortemId: pm.id, kind: "PROMPT_CHANGE", checked: false }));
    expect(await db().aiCause.count({ where: { postmortemId: pm.id } })).toBe(0);
    expect((await stored(pm.id)).seq).toBe(start + 3);
  });

  it("adds, edits with conflict detection and deletes contributing factors", async () => {
    const pm = await makePostmortem(priya);
    const clientMutationId = crypto.randomUUID();
    const factor = await addFactor(priya, { postmortemId: pm.id, clientMutationId, category: "PROCESS", description: "" });
    expect(await addFactor(priya, { postmortemId: pm.id, clientMutationId, category: "PROCESS", description: "" })).toEqual(factor);
    expect(await db().contributingFactor.count({ where: { postmortemId: pm.id } })).toBe(4);
    await updateFactor(priya, {
      postmortemId: pm.id,
      factorId: factor.id,
      changes: { description: "No prompt review" },
      base: { description: "" },
    });
    await updateFactor(priya, {
      postmortemId: pm.id,
      factorId: factor.id,
      changes: { category: "TECHNICAL" },
      base: { category: "PROCESS" },
    });
    const stale = await refusal(
      updateFactor(priya, { postmortemId: pm.id, factorId: factor.id, changes: { description: "Mine" }, base: { description: "" } }),
    );
    expect(stale.detail).toMatchObject({ entity: "factor", theirs: { description: "No prompt review" } });
    await deleteFactor(priya, { postmortemId: pm.id, factorId: factor.id });
    const gone = await refusal(
      updateFactor(priya, {
        postmortemId: pm.id,
        factorId: factor.id,
        changes: { description: "x" },
        base: { description: "No prompt review" },
      }),
    );
    expect(gone.code).toBe("DELETED");
  });

  it("detects a stale why by its base text, appends whys idempotently and soft-deletes them", async () => {
    const pm = await withSam();
    const [first] = await db().whyStep.findMany({ where: { postmortemId: pm.id }, orderBy: { position: "asc" } });
    const saved = await updateWhy(
      priya,
      updateWhySchema.parse({
        postmortemId: pm.id,
        whyId: first.id,
        changes: { text: "The bot quoted a policy." },
        base: { text: first.text },
      }),
    );
    expect(saved.version).toBe(first.version + 1);
    const stale = await refusal(
      updateWhy(
        sam,
        updateWhySchema.parse({ postmortemId: pm.id, whyId: first.id, changes: { text: "Sam's why." }, base: { text: first.text } }),
      ),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.detail).toEqual({ entity: "why", entityId: first.id, theirs: { text: saved.text } });
    expect(
      updateWhySchema.safeParse({ postmortemId: pm.id, whyId: first.id, changes: { text: "x".repeat(1001) }, base: { text: "" } }).success,
    ).toBe(false);

    const clientMutationId = crypto.randomUUID();
    const added = await addWhy(sam, { postmortemId: pm.id, clientMutationId, text: "" });
    expect(await addWhy(sam, { postmortemId: pm.id, clientMutationId, text: "" })).toEqual(added);
    expect(added.position).toBe(6);
    await deleteWhy(priya, { postmortemId: pm.id, whyId: added.id });
    expect((await db().whyStep.findUniqueOrThrow({ where: { id: added.id } })).deletedAt).not.toBeNull();
    const deleted = await refusal(
      updateWhy(sam, updateWhySchema.parse({ postmortemId: pm.id, whyId: added.id, changes: { text: "late" }, base: { text: "" } })),
    );
    expect(deleted.code).toBe("DELETED");
    expect(
      (
        await refusal(
          updateWhy(
            viewer,
            updateWhySchema.parse({ postmortemId: pm.id, whyId: first.id, changes: { text: "v" }, base: { text: saved.text } }),
          ),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});
