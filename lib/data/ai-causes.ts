import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { appendDocEvents } from "@/lib/data/doc-events";
import { planFieldChanges, recordPlan, withEditLock } from "@/lib/data/field-writes";
import type { AiCauseDto } from "@/lib/data/postmortem-document";
import type { SetAiCauseInput } from "@/lib/validations/sections";

/**
 * Ticks, unticks or annotates one item of the AI-specific checklist. A ticked item is an AiCause row;
 * unticking deletes it. Evidence edited by someone else since `baseEvidence` is a conflict.
 */
export async function setAiCause(actor: Actor, input: SetAiCauseInput): Promise<AiCauseDto | null> {
  const { postmortemId, kind, checked, evidence, baseEvidence, clientMutationId } = input;
  return withEditLock(
    actor,
    postmortemId,
    async (tx, access) => {
      const where = { postmortemId_kind: { postmortemId, kind } };
      if (access.appliedSeq !== null) {
        const now = await tx.aiCause.findUnique({ where });
        return now ? { kind, evidence: now.evidence } : null;
      }
      const current = await tx.aiCause.findUnique({ where });
      if (!checked) {
        if (!current) return null;
        await tx.aiCause.delete({ where });
        await appendDocEvents(
          tx,
          postmortemId,
          actor.id,
          [{ entity: "aiCause", entityId: current.id, field: kind, before: { evidence: current.evidence }, after: null }],
          clientMutationId,
        );
        return null;
      }
      if (!current) {
        const created = await tx.aiCause.create({ data: { postmortemId, kind, evidence } });
        await appendDocEvents(
          tx,
          postmortemId,
          actor.id,
          [{ entity: "aiCause", entityId: created.id, field: kind, before: null, after: { evidence } }],
          clientMutationId,
        );
        return { kind, evidence };
      }
      const base = baseEvidence === undefined ? {} : { evidence: baseEvidence.trim() };
      // The checklist item (its kind) names the row in the editor, so conflicts and events carry the kind.
      const target = { entity: "aiCause", entityId: kind };
      const plan = planFieldChanges(current, { evidence }, base, target);
      if (plan.length === 0) return { kind, evidence };
      await tx.aiCause.update({ where, data: { evidence } });
      await recordPlan(tx, postmortemId, actor, target, plan, clientMutationId);
      return { kind, evidence };
    },
    clientMutationId,
  );
}
