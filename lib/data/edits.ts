import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { updatePostmortemSection } from "@/lib/data/postmortem-fields";
import { createTimelineEntry, updateTimelineEntry } from "@/lib/data/timeline";
import { updateWhy } from "@/lib/data/whys";
import { updateFactor } from "@/lib/data/factors";
import { setAiCause } from "@/lib/data/ai-causes";
import { updateAction } from "@/lib/data/actions";
import { updateParticipantRole } from "@/lib/data/participants";
import { updateMetricsSection } from "@/lib/data/metrics";
import { sectionOfField, type Edit } from "@/lib/validations/edits";
import {
  anySectionUpdateSchema,
  setAiCauseSchema,
  updateFactorSchema,
  updateParticipantRoleSchema,
  updateWhySchema,
} from "@/lib/validations/sections";
import { createTimelineEntrySchema, updateMetricsSectionSchema, updateTimelineEntrySchema } from "@/lib/validations/timeline";
import { updateActionSchema } from "@/lib/validations/actions";

/** What the editor learns from an applied edit (its events arrive on the live stream too). */
export type EditAck = { entity: Edit["entity"]; entityId: string; clientMutationId: string };

const METRIC_FORM_FIELDS = new Set(Object.keys(updateMetricsSectionSchema.shape.changes.in.shape));

/**
 * The one way the browser changes an existing field of anything in a postmortem (and creates a timeline
 * row, so that its edits can queue behind the create in the same outbox). Each entity's own
 * schema checks the fields and its writer applies them under the shared protocol (lock, compare with
 * base, one CONFLICT shape, DocEvents + seq + NOTIFY in the same transaction, idempotent by mutation id).
 */
export async function applyEdit(actor: Actor, edit: Edit): Promise<EditAck> {
  const { postmortemId, entityId, changes, base, clientMutationId } = edit;
  const ack: EditAck = { entity: edit.entity, entityId, clientMutationId };
  if (edit.create) {
    if (edit.entity !== "timeline") throw new AppError("VALIDATION", { message: "Only timeline rows can be created this way." });
    await createTimelineEntry(
      actor,
      createTimelineEntrySchema.parse({ ...changes, postmortemId, id: entityId, afterId: edit.create.afterId, clientMutationId }),
    );
    return ack;
  }
  switch (edit.entity) {
    case "postmortem": {
      const fields = Object.keys(changes);
      if (fields.every((f) => METRIC_FORM_FIELDS.has(f))) {
        await updateMetricsSection(actor, updateMetricsSectionSchema.parse({ postmortemId, changes, base, clientMutationId }));
        return ack;
      }
      const sections = new Set(fields.map(sectionOfField));
      const [section] = sections;
      if (sections.size !== 1 || !section) throw new AppError("VALIDATION", { message: "Those fields cannot be saved together." });
      assertSameRow(postmortemId, entityId);
      await updatePostmortemSection(actor, anySectionUpdateSchema.parse({ postmortemId, section, changes, base, clientMutationId }));
      return ack;
    }
    case "impact":
      assertSameRow(postmortemId, entityId);
      await updatePostmortemSection(
        actor,
        anySectionUpdateSchema.parse({ postmortemId, section: "impact", changes, base, clientMutationId }),
      );
      return ack;
    case "timeline":
      await updateTimelineEntry(
        actor,
        updateTimelineEntrySchema.parse({ postmortemId, entryId: entityId, changes, base, clientMutationId }),
      );
      return ack;
    case "why":
      await updateWhy(actor, updateWhySchema.parse({ postmortemId, whyId: entityId, changes, base, clientMutationId }));
      return ack;
    case "factor":
      await updateFactor(actor, updateFactorSchema.parse({ postmortemId, factorId: entityId, changes, base, clientMutationId }));
      return ack;
    case "aiCause":
      await setAiCause(
        actor,
        setAiCauseSchema.parse({
          postmortemId,
          kind: entityId,
          checked: true,
          evidence: changes.evidence,
          baseEvidence: base.evidence,
          clientMutationId,
        }),
      );
      return ack;
    case "correctiveAction":
      await updateAction(actor, updateActionSchema.parse({ postmortemId, actionId: entityId, changes, base, clientMutationId }));
      return ack;
    case "participant":
      await updateParticipantRole(
        actor,
        updateParticipantRoleSchema.parse({
          postmortemId,
          participantId: entityId,
          role: changes.role,
          baseRole: base.role,
        }),
      );
      return ack;
  }
}

function assertSameRow(postmortemId: string, entityId: string) {
  if (postmortemId !== entityId) throw new AppError("VALIDATION", { message: "That edit names another postmortem." });
}
