// Adding, removing and moving rows: participants, AI causes, factors, whys, timeline rows and corrective
// actions, and following corrective actions up (status, bulk changes in the tracker, tickets).
import { randomUUID } from "node:crypto";
import {
  addParticipantSchema,
  addWhySchema,
  deleteFactorSchema,
  deleteWhySchema,
  removeParticipantSchema,
  setAiCauseSchema,
  addFactorSchema,
  updateParticipantRoleSchema,
} from "@/lib/validations/sections";
import { deleteTimelineEntrySchema, moveTimelineEntrySchema, pasteTimelineSchema } from "@/lib/validations/timeline";
import { createActionSchema, deleteActionSchema, setActionStatusSchema } from "@/lib/validations/actions";
import { bulkUpdateActionsSchema } from "@/lib/validations/tracker";
import { createTicketSchema } from "@/lib/validations/sharing";
import { addParticipant, removeParticipant, updateParticipantRole } from "@/lib/data/participants";
import { setAiCause } from "@/lib/data/ai-causes";
import { addFactor, deleteFactor } from "@/lib/data/factors";
import { addWhy, deleteWhy } from "@/lib/data/whys";
import { deleteTimelineEntry, moveTimelineEntry, pasteTimeline, restoreTimelineEntry } from "@/lib/data/timeline";
import { createAction, deleteAction, setActionStatus } from "@/lib/data/actions";
import { bulkUpdateActions } from "@/lib/data/tracker";
import { createTrackerTicket } from "@/lib/integrations/trackers";
import { AppError } from "@/lib/errors";
import { db, entry, type RegistryEntry } from "@/test/security/registry/entry";

export const ROW_ENTRIES: RegistryEntry[] = [
  // Participants: on a restricted postmortem they decide who can see it
  entry({
    name: "addParticipantAction",
    kind: "action",
    needs: "editParticipants",
    schema: addParticipantSchema,
    input: (f) => ({
      postmortemId: f.postmortemId,
      name: `Guest ${randomUUID().slice(0, 8)}`,
      role: "OBSERVER",
      clientMutationId: randomUUID(),
    }),
    run: addParticipant,
  }),
  entry({
    name: "updateParticipantRoleAction",
    kind: "action",
    needs: "editParticipants",
    schema: updateParticipantRoleSchema,
    input: async (f) => {
      const guest = await db().participant.findUniqueOrThrow({ where: { id: f.guestId } });
      return {
        postmortemId: f.postmortemId,
        participantId: f.guestId,
        baseRole: guest.role,
        role: guest.role === "OBSERVER" ? "ATTENDEE" : "OBSERVER",
      };
    },
    run: updateParticipantRole,
  }),
  entry({
    name: "removeParticipantAction",
    kind: "action",
    needs: "editParticipants",
    schema: removeParticipantSchema,
    input: async (f) => {
      const guest = await db().participant.create({
        data: { postmortemId: f.postmortemId, name: `Leaving ${randomUUID().slice(0, 8)}`, role: "OBSERVER" },
      });
      return { postmortemId: f.postmortemId, participantId: guest.id };
    },
    run: removeParticipant,
  }),

  // Rows
  entry({
    name: "setAiCauseAction",
    kind: "action",
    needs: "edit",
    schema: setAiCauseSchema,
    input: (f) => ({ postmortemId: f.postmortemId, kind: "MODEL_DRIFT", checked: true, evidence: "" }),
    run: setAiCause,
  }),
  entry({
    name: "addFactorAction",
    kind: "action",
    needs: "edit",
    schema: addFactorSchema,
    input: (f) => ({ postmortemId: f.postmortemId, category: "PROCESS", description: "A factor", clientMutationId: randomUUID() }),
    run: addFactor,
  }),
  entry({
    name: "deleteFactorAction",
    kind: "action",
    needs: "edit",
    schema: deleteFactorSchema,
    input: async (f) => {
      const row = await db().contributingFactor.create({ data: { postmortemId: f.postmortemId, category: "HUMAN", position: 99 } });
      return { postmortemId: f.postmortemId, factorId: row.id };
    },
    run: deleteFactor,
  }),
  entry({
    name: "addWhyAction",
    kind: "action",
    needs: "edit",
    schema: addWhySchema,
    input: (f) => ({ postmortemId: f.postmortemId, clientMutationId: randomUUID(), text: "Why?" }),
    run: addWhy,
  }),
  entry({
    name: "deleteWhyAction",
    kind: "action",
    needs: "edit",
    schema: deleteWhySchema,
    input: async (f) => {
      const last = await db().whyStep.aggregate({ where: { postmortemId: f.postmortemId }, _max: { position: true } });
      const row = await db().whyStep.create({ data: { postmortemId: f.postmortemId, position: (last._max.position ?? 0) + 1 } });
      return { postmortemId: f.postmortemId, whyId: row.id };
    },
    run: deleteWhy,
  }),
  entry({
    name: "moveTimelineEntryAction",
    kind: "action",
    needs: "edit",
    schema: moveTimelineEntrySchema,
    input: (f) => ({ postmortemId: f.postmortemId, entryId: f.timelineId, afterId: null }),
    run: moveTimelineEntry,
  }),
  entry({
    name: "deleteTimelineEntryAction",
    kind: "action",
    needs: "edit",
    schema: deleteTimelineEntrySchema,
    input: (f) => ({ postmortemId: f.postmortemId, entryId: f.timelineId }),
    run: deleteTimelineEntry,
  }),
  entry({
    name: "restoreTimelineEntryAction",
    kind: "action",
    needs: "edit",
    schema: deleteTimelineEntrySchema,
    input: (f) => ({ postmortemId: f.postmortemId, entryId: f.timelineId }),
    run: restoreTimelineEntry,
  }),
  entry({
    name: "pasteTimelineAction",
    kind: "action",
    needs: "edit",
    schema: pasteTimelineSchema,
    input: (f) => ({ postmortemId: f.postmortemId, text: "2026-11-20 09:30 Alert fired", clientMutationId: randomUUID() }),
    run: pasteTimeline,
  }),

  // Corrective actions (the fixture's action is owned by the postmortem's creator, never by the actor)
  entry({
    name: "createActionAction",
    kind: "action",
    needs: "edit",
    schema: createActionSchema,
    input: (f) => ({ postmortemId: f.postmortemId, clientMutationId: randomUUID(), horizon: "IMMEDIATE", action: "Add an alert" }),
    run: createAction,
  }),
  entry({
    name: "setMyActionStatusAction",
    kind: "action",
    needs: "trackAction",
    schema: setActionStatusSchema,
    input: async (f) => {
      const row = await db().correctiveAction.findUniqueOrThrow({ where: { id: f.actionId } });
      return { actionId: f.actionId, status: row.status === "IN_PROGRESS" ? "OPEN" : "IN_PROGRESS", version: row.version };
    },
    run: setActionStatus,
  }),
  entry({
    name: "deleteActionAction",
    kind: "action",
    needs: "edit",
    schema: deleteActionSchema,
    input: async (f) => {
      const row = await db().correctiveAction.create({
        data: { postmortemId: f.postmortemId, number: 1000 + Math.floor(Math.random() * 1e6), horizon: "LONG_TERM", action: "Spare" },
      });
      return { postmortemId: f.postmortemId, actionId: row.id };
    },
    run: deleteAction,
  }),

  entry({
    name: "bulkUpdateActionsAction",
    kind: "action",
    needs: "trackAction",
    schema: bulkUpdateActionsSchema,
    input: async (f) => {
      const row = await db().correctiveAction.findUniqueOrThrow({ where: { id: f.actionId } });
      return {
        rows: [{ actionId: f.actionId, postmortemId: f.postmortemId, version: row.version }],
        status: row.status === "IN_PROGRESS" ? "OPEN" : "IN_PROGRESS",
      };
    },
    // The tracker answers per action; a refused one is reported in the result rather than thrown.
    run: async (actor, input) => {
      const result = await bulkUpdateActions(actor, input);
      const [failure] = result.failed;
      if (failure) throw new AppError(failure.code, { message: failure.message });
      return result;
    },
  }),
  entry({
    name: "createTicketAction",
    kind: "action",
    needs: "trackAction",
    schema: createTicketSchema,
    // No tracker is configured here, so an allowed call ends at "Jira is not configured" (a validation).
    input: (f) => ({ postmortemId: f.postmortemId, actionId: f.actionId, kind: "JIRA" }),
    run: createTrackerTicket,
  }),
];
