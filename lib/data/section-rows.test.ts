// Rows of the document's sections: participants, AI causes, contributing factors and whys.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { SessionUser } from "@/lib/data/auth";
import { addParticipant, removeParticipant, updateParticipantRole } from "@/lib/data/participants";
import { setAiCause } from "@/lib/data/ai-causes";
import { addFactor, deleteFactor, updateFactor } from "@/lib/data/factors";
import { addWhy, deleteWhy, updateWhy } from "@/lib/data/whys";
import { addParticipantSchema, setAiCauseSchema, updateWhySchema } from "@/lib/validations/sections";
import { addTestParticipant, createTestPostmortem, createTestUser } from "@/test/factories";
import { refusal } from "@/test/refusal";

const db = () => getDb();
const stored = (id: string) => db().postmortem.findUniqueOrThrow({ where: { id } });
const makePostmortem = (facilitator: SessionUser) => createTestPostmortem(facilitator, { severity: "CRITICAL" });

let priya: SessionUser;
let sam: SessionUser;
let viewer: SessionUser;

beforeAll(async () => {
  [priya, sam, viewer] = await Promise.all([createTestUser("MEMBER", "Priya"), createTestUser("MEMBER", "Sam"), createTestUser("VIEWER")]);
});

async function withSam() {
  const pm = await makePostmortem(priya);
  await addTestParticipant(pm.id, sam.id);
  return pm;
}

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
