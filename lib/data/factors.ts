import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { appendDocEvents } from "@/lib/data/doc-events";
import { findCreatedBy, planFieldChanges, recordPlan, withEditLock } from "@/lib/data/field-writes";
import type { FactorDto } from "@/lib/data/postmortem-document";
import type { AddFactorInput, UpdateFactorInput } from "@/lib/validations/sections";

// Contributing factors (Technical / Process / Human). The table has no soft-delete column, so a delete
// removes the row and its DocEvent keeps what it said; a later edit of it answers DELETED.

const toDto = (f: FactorDto): FactorDto => ({ id: f.id, category: f.category, description: f.description, position: f.position });

export async function addFactor(actor: Actor, input: AddFactorInput): Promise<FactorDto> {
  const { postmortemId, clientMutationId, category, description } = input;
  return withEditLock(actor, postmortemId, async (tx) => {
    const earlier = await findCreatedBy(tx, postmortemId, "factor", clientMutationId);
    const existing = earlier ? await tx.contributingFactor.findUnique({ where: { id: earlier } }) : null;
    if (existing) return toDto(existing);
    const last = await tx.contributingFactor.aggregate({ where: { postmortemId }, _max: { position: true } });
    const created = await tx.contributingFactor.create({
      data: { postmortemId, category, description, position: (last._max.position ?? 0) + 1 },
    });
    await appendDocEvents(
      tx,
      postmortemId,
      actor.id,
      [{ entity: "factor", entityId: created.id, field: null, before: null, after: { category, description } }],
      clientMutationId,
    );
    return toDto(created);
  });
}

export async function updateFactor(actor: Actor, input: UpdateFactorInput): Promise<FactorDto> {
  const { postmortemId, factorId } = input;
  return withEditLock(
    actor,
    postmortemId,
    async (tx, access) => {
      const row = await tx.contributingFactor.findFirst({ where: { id: factorId, postmortemId } });
      if (!row) throw new AppError("DELETED", { message: "That factor was deleted by someone else." });
      if (access.appliedSeq !== null) return toDto(row);
      const target = { entity: "factor", entityId: row.id };
      const plan = planFieldChanges(row, input.changes, input.base, target);
      if (plan.length === 0) return toDto(row);
      const updated = await tx.contributingFactor.update({
        where: { id: row.id },
        data: Object.fromEntries(plan.map((p) => [p.field, p.after])),
      });
      await recordPlan(tx, postmortemId, actor, target, plan, input.clientMutationId);
      return toDto(updated);
    },
    input.clientMutationId,
  );
}

export async function deleteFactor(actor: Actor, input: { postmortemId: string; factorId: string }): Promise<{ id: string }> {
  const { postmortemId, factorId } = input;
  return withEditLock(actor, postmortemId, async (tx) => {
    const row = await tx.contributingFactor.findFirst({ where: { id: factorId, postmortemId } });
    if (!row) return { id: factorId };
    await tx.contributingFactor.delete({ where: { id: row.id } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "factor", entityId: row.id, field: null, before: { category: row.category, description: row.description }, after: null },
    ]);
    return { id: row.id };
  });
}
