import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { appendDocEvents } from "@/lib/data/doc-events";
import { withEditLock } from "@/lib/data/field-writes";
import type { AiCauseDto } from "@/lib/data/postmortem-document";
import type { SetAiCauseInput } from "@/lib/validations/sections";

/**
 * Ticks, unticks or annotates one item of the AI-specific checklist. A ticked item is an AiCause row;
 * unticking deletes it. Evidence edited by someone else since `baseEvidence` is a conflict.
 */
export async function setAiCause(actor: Actor, input: SetAiCauseInput): Promise<AiCauseDto | null> {
  const { postmortemId, kind, checked, evidence, baseEvidence } = input;
  return withEditLock(actor, postmortemId, async (tx) => {
    const where = { postmortemId_kind: { postmortemId, kind } };
    const current = await tx.aiCause.findUnique({ where });
    if (!checked) {
      if (!current) return null;
      await tx.aiCause.delete({ where });
      await appendDocEvents(tx, postmortemId, actor.id, [
        { entity: "aiCause", entityId: current.id, field: kind, before: { evidence: current.evidence }, after: null },
      ]);
      return null;
    }
    if (!current) {
      const created = await tx.aiCause.create({ data: { postmortemId, kind, evidence } });
      await appendDocEvents(tx, postmortemId, actor.id, [
        { entity: "aiCause", entityId: created.id, field: kind, before: null, after: { evidence } },
      ]);
      return { kind, evidence };
    }
    if (current.evidence === evidence) return { kind, evidence };
    if (baseEvidence === undefined || baseEvidence.trim() !== current.evidence) {
      throw new AppError("CONFLICT", { detail: { evidence: current.evidence } });
    }
    await tx.aiCause.update({ where, data: { evidence } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "aiCause", entityId: current.id, field: "evidence", before: current.evidence, after: evidence },
    ]);
    return { kind, evidence };
  });
}
