// The review around the document: status changes, the meeting, comments, history, tags, sharing, the
// live stream, exports and the assistant.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { postmortemIdSchema, setStatusSchema } from "@/lib/validations/lifecycle";
import { endMeetingSchema, moveMeetingItemSchema, startMeetingSchema } from "@/lib/validations/meeting";
import { addCommentSchema, resolveCommentSchema } from "@/lib/validations/comments";
import { setTagsSchema } from "@/lib/validations/tags";
import {
  addDistributionSchema,
  addDocumentationSchema,
  documentationDoneSchema,
  postmortemRefSchema,
  removeRowSchema,
  setIndexableSchema,
} from "@/lib/validations/sharing";
import { acceptDraftItemSchema, draftRequestSchema } from "@/lib/validations/draft";
import { idSchema } from "@/lib/validations/common";
import { setStatus } from "@/lib/data/lifecycle";
import { endMeeting, moveMeetingItem, startMeeting } from "@/lib/data/meeting";
import { addComment, setCommentResolved } from "@/lib/data/comments";
import { listFieldHistory } from "@/lib/data/field-history";
import { setPostmortemTags } from "@/lib/data/tags";
import {
  approveExternalSummary,
  publishExternalSummary,
  revokeExternalSummary,
  setExternalSummaryIndexable,
} from "@/lib/data/external-summary";
import {
  addDistribution,
  addDocumentationUpdate,
  removeDistribution,
  removeDocumentationUpdate,
  setDocumentationDone,
} from "@/lib/data/distribution";
import { authorizeLiveStream } from "@/lib/data/live-events";
import { exportPostmortem } from "@/lib/data/exports";
import { getAiIncidentReport } from "@/lib/data/ai-incident-report";
import { acceptDraftItem } from "@/lib/data/draft-accept";
import { draftPostmortem } from "@/lib/assistant/draft-service";
import { adviseOnWhy } from "@/lib/assistant/coaching-service";
import { db, entry, type Fixture, type RegistryEntry } from "@/test/security/registry/entry";
import type { Need } from "@/test/security/written-policy";

const ref = (f: Fixture) => ({ postmortemId: f.postmortemId });
const tag = () => `matrix-${randomUUID().slice(0, 8)}`;

/** A read that only needs sight of the postmortem (pages, routes, the live stream). */
function read(name: string, run: (actor: Parameters<RegistryEntry["run"]>[0], postmortemId: string) => Promise<unknown>) {
  return entry({
    name,
    kind: "page",
    needs: "view",
    schema: postmortemIdSchema,
    input: ref,
    run: (actor, i) => run(actor, i.postmortemId),
  });
}

function release(name: string, run: (actor: Parameters<RegistryEntry["run"]>[0], postmortemId: string) => Promise<unknown>): RegistryEntry {
  return entry({
    name,
    kind: "action",
    needs: "releaseExternalSummary",
    schema: postmortemRefSchema,
    input: ref,
    run: (a, i) => run(a, i.postmortemId),
  });
}

const documentationRow = (f: Fixture) =>
  db().documentationUpdate.create({ data: { postmortemId: f.postmortemId, title: "Runbook", link: "", ownerId: f.ownerId } });

const leads: Need = "publish";

export const REVIEW_ENTRIES: RegistryEntry[] = [
  // The review lifecycle (a move to the status it already has changes nothing and needs only sight)
  entry({
    name: "setStatusAction → IN_REVIEW",
    kind: "action",
    changesAccess: true,
    schema: setStatusSchema,
    needs: (s) => (s === "DRAFT" ? "edit" : s === "PUBLISHED" ? "reopen" : "view"),
    input: (f) => ({ postmortemId: f.postmortemId, to: "IN_REVIEW" }),
    run: setStatus,
  }),
  entry({
    name: "setStatusAction → DRAFT",
    kind: "action",
    changesAccess: true,
    schema: setStatusSchema,
    needs: (s) => (s === "IN_REVIEW" ? "edit" : "view"),
    input: (f) => ({ postmortemId: f.postmortemId, to: "DRAFT" }),
    run: setStatus,
  }),
  entry({
    name: "setStatusAction → PUBLISHED",
    kind: "action",
    changesAccess: true,
    schema: setStatusSchema,
    needs: (s) => (s === "PUBLISHED" ? "view" : "publish"),
    input: (f) => ({ postmortemId: f.postmortemId, to: "PUBLISHED" }),
    run: setStatus,
  }),

  // The review meeting: whoever may publish leads it
  entry({
    name: "startMeetingAction",
    kind: "action",
    needs: leads,
    schema: startMeetingSchema,
    input: ref,
    run: (a, i) => startMeeting(a, i.postmortemId),
  }),
  entry({
    name: "moveMeetingItemAction",
    kind: "action",
    needs: leads,
    schema: moveMeetingItemSchema,
    input: (f) => ({ postmortemId: f.postmortemId, item: "timeline" }),
    run: moveMeetingItem,
  }),
  entry({
    name: "endMeetingAction",
    kind: "action",
    needs: leads,
    schema: endMeetingSchema,
    input: (f) => ({ postmortemId: f.postmortemId, attendeeIds: [] }),
    run: endMeeting,
  }),

  // Comments (whoever may edit may comment) and history (whoever may read)
  entry({
    name: "addCommentAction",
    kind: "action",
    needs: "edit",
    schema: addCommentSchema,
    input: (f) => ({
      postmortemId: f.postmortemId,
      anchor: "section:timeline",
      body: "Which alert fired first?",
      clientMutationId: randomUUID(),
    }),
    run: addComment,
  }),
  entry({
    name: "resolveCommentAction",
    kind: "action",
    needs: "edit",
    schema: resolveCommentSchema,
    input: async (f) => {
      const thread = await db().comment.create({
        data: { postmortemId: f.postmortemId, anchor: "section:timeline", body: "Open question" },
      });
      return { postmortemId: f.postmortemId, commentId: thread.id, resolved: true };
    },
    run: setCommentResolved,
  }),
  entry({
    name: "listFieldHistoryAction",
    kind: "action",
    needs: "view",
    schema: z.object({ postmortemId: idSchema, entity: z.literal("postmortem"), entityId: idSchema }),
    input: (f) => ({ postmortemId: f.postmortemId, entity: "postmortem", entityId: f.postmortemId }),
    run: (a, i) => listFieldHistory(a, i.postmortemId, { entity: i.entity, entityId: i.entityId }),
  }),
  entry({
    name: "setTagsAction",
    kind: "action",
    needs: "edit",
    schema: setTagsSchema,
    input: (f) => ({ postmortemId: f.postmortemId, tags: [tag()] }),
    run: setPostmortemTags,
  }),

  // Sharing: the external summary is released by the facilitator or an admin, at any status
  release("approveExternalSummaryAction", approveExternalSummary),
  release("publishExternalSummaryAction", publishExternalSummary),
  release("revokeExternalSummaryAction", revokeExternalSummary),
  entry({
    name: "setExternalSummaryIndexableAction",
    kind: "action",
    needs: "releaseExternalSummary",
    schema: setIndexableSchema,
    input: (f) => ({ postmortemId: f.postmortemId, indexable: false }),
    run: (a, i) => setExternalSummaryIndexable(a, i.postmortemId, i.indexable),
  }),
  entry({
    name: "addDistributionAction",
    kind: "action",
    needs: "edit",
    schema: addDistributionSchema,
    input: (f) => ({ postmortemId: f.postmortemId, userId: f.ownerId }),
    run: addDistribution,
  }),
  entry({
    name: "removeDistributionAction",
    kind: "action",
    needs: "edit",
    schema: removeRowSchema,
    input: async (f) => {
      const team = await db().team.create({ data: { name: `Distribution ${randomUUID().slice(0, 8)}` } });
      const row = await db().distributionEntry.create({ data: { postmortemId: f.postmortemId, teamId: team.id } });
      return { postmortemId: f.postmortemId, id: row.id };
    },
    run: removeDistribution,
  }),
  entry({
    name: "addDocumentationAction",
    kind: "action",
    needs: "edit",
    schema: addDocumentationSchema,
    input: (f) => ({ postmortemId: f.postmortemId, title: "Escalation runbook", link: "https://wiki.example/runbook", ownerId: null }),
    run: addDocumentationUpdate,
  }),
  entry({
    name: "setDocumentationDoneAction",
    kind: "action",
    needs: "trackAction",
    schema: documentationDoneSchema,
    input: async (f) => ({ postmortemId: f.postmortemId, id: (await documentationRow(f)).id, done: true }),
    run: setDocumentationDone,
  }),
  entry({
    name: "removeDocumentationAction",
    kind: "action",
    needs: "edit",
    schema: removeRowSchema,
    input: async (f) => ({ postmortemId: f.postmortemId, id: (await documentationRow(f)).id }),
    run: removeDocumentationUpdate,
  }),

  // Reads outside pages: the live stream and presence, downloads, the AI incident report
  read("setPresenceFocusAction and GET /api/postmortems/[id]/events", authorizeLiveStream),
  read("GET /api/postmortems/[id]/export/md", (a, id) => exportPostmortem(a, id, "md")),
  read("GET /api/postmortems/[id]/export/json", (a, id) => exportPostmortem(a, id, "json")),
  read("GET /api/postmortems/[id]/ai-incident-report", getAiIncidentReport),

  // The assistant drafts and coaches only for someone who may edit
  entry({
    name: "POST /api/postmortems/[id]/draft",
    kind: "action",
    needs: "edit",
    schema: draftRequestSchema,
    input: (f) => ({ postmortemId: f.postmortemId, text: "09:30 UTC alert fired on refund volume", engine: "builtin" }),
    run: (a, i) => draftPostmortem(a, i, { endpoint: null }),
  }),
  entry({
    name: "acceptDraftItemAction",
    kind: "action",
    needs: "edit",
    schema: acceptDraftItemSchema,
    input: (f) => ({ postmortemId: f.postmortemId, clientMutationId: randomUUID(), item: { type: "summary", text: "Refunds ran twice." } }),
    run: acceptDraftItem,
  }),
  entry({
    name: "adviseOnWhyAction",
    kind: "action",
    needs: "edit",
    schema: z.object({ postmortemId: idSchema, text: z.string().min(1).max(2000) }),
    input: (f) => ({ postmortemId: f.postmortemId, text: "The engineer forgot to check the prompt." }),
    run: (a, i) => adviseOnWhy(a, i, { endpoint: null }),
  }),
];
