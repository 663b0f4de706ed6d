import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/data/access";
import { appendDocEvents } from "@/lib/data/doc-events";
import { planFieldChanges, recordPlan, withEditLock } from "@/lib/data/field-writes";
import type { WhyDto } from "@/lib/data/postmortem-document";
import type { AddWhyInput, UpdateWhyInput } from "@/lib/validations/sections";

// The 5 Whys chain: each why is its own row with a version, so attendees can edit different whys at once
// and a stale edit of the same why comes back as a conflict carrying the text it would have replaced.

const toDto = (w: { id: string; position: number; text: string; version: number }): WhyDto => ({
  id: w.id,
  position: w.position,
  text: w.text,
  version: w.version,
});

async function liveWhy(tx: Tx, postmortemId: string, whyId: string) {
  const row = await tx.whyStep.findFirst({ where: { id: whyId, postmortemId } });
  if (!row || row.deletedAt) throw new AppError("DELETED", { message: "That why was deleted by someone else." });
  return row;
}

export async function updateWhy(actor: Actor, input: UpdateWhyInput): Promise<WhyDto> {
  const { postmortemId, whyId } = input;
  return withEditLock(
    actor,
    postmortemId,
    async (tx, access) => {
      const row = await liveWhy(tx, postmortemId, whyId);
      if (access.appliedSeq !== null) return toDto(row);
      const target = { entity: "why", entityId: row.id };
      const plan = planFieldChanges(row, input.changes, input.base, target);
      if (plan.length === 0) return toDto(row);
      const updated = await tx.whyStep.update({ where: { id: row.id }, data: { text: input.changes.text, version: { increment: 1 } } });
      await recordPlan(tx, postmortemId, actor, target, plan, input.clientMutationId);
      return toDto(updated);
    },
    input.clientMutationId,
  );
}

/** Appends a why at the end of the chain; a retried request returns the row the first one made. */
export async function addWhy(actor: Actor, input: AddWhyInput): Promise<WhyDto> {
  const { postmortemId, clientMutationId, text } = input;
  return withEditLock(actor, postmortemId, async (tx) => {
    const existing = await tx.whyStep.findUnique({ where: { clientMutationId } });
    if (existing) {
      if (existing.postmortemId !== postmortemId) throw new AppError("VALIDATION", { message: "That request id was already used." });
      return toDto(existing);
    }
    const last = await tx.whyStep.aggregate({ where: { postmortemId }, _max: { position: true } });
    const created = await tx.whyStep.create({
      data: { postmortemId, position: (last._max.position ?? 0) + 1, text, clientMutationId },
    });
    await appendDocEvents(
      tx,
      postmortemId,
      actor.id,
      [{ entity: "why", entityId: created.id, field: null, before: null, after: { position: created.position, text } }],
      clientMutationId,
    );
    return toDto(created);
  });
}

/** Soft delete: the row stays for history and undo; deleting it twice is harmless. */
export async function deleteWhy(actor: Actor, input: { postmortemId: string; whyId: string }): Promise<{ id: string }> {
  const { postmortemId, whyId } = input;
  return withEditLock(actor, postmortemId, async (tx) => {
    const row = await tx.whyStep.findFirst({ where: { id: whyId, postmortemId } });
    if (!row || row.deletedAt) return { id: whyId };
    await tx.whyStep.update({ where: { id: row.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "why", entityId: row.id, field: "deletedAt", before: { text: row.text, position: row.position }, after: null },
    ]);
    return { id: row.id };
  });
}
