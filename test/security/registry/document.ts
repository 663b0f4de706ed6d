// Reading a postmortem, and changing its existing fields and rows through the one edit protocol
// (saveEditAction → applyEdit), as every editor on the document page does.
import { randomUUID } from "node:crypto";
import { applyEdit } from "@/lib/data/edits";
import { editSchema } from "@/lib/validations/edits";
import { listHistorySchema, postmortemIdSchema } from "@/lib/validations/lifecycle";
import { listPostmortemsSchema } from "@/lib/validations/browse";
import { listPostmortems } from "@/lib/data/postmortem-list";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { getPublishCheck, listHistory } from "@/lib/data/lifecycle";
import { AppError } from "@/lib/errors";
import type { EditEntity } from "@/lib/validations/edits";
import type { Need } from "@/test/security/written-policy";
import { changed, db, entry, pm, type Fixture, type RegistryEntry } from "@/test/security/registry/entry";

type EditTarget = { entityId: string; current: Record<string, unknown> };

/** One saveEditAction entry: the browser sends the changed field with the value it started from. */
function edit(
  label: string,
  entity: EditEntity,
  target: (f: Fixture) => Promise<EditTarget>,
  next: (current: Record<string, unknown>, f: Fixture) => Record<string, unknown>,
  needs: Need = "edit",
  changesAccess = false,
): RegistryEntry {
  return entry({
    name: `saveEditAction ${label}`,
    kind: "action",
    needs,
    changesAccess,
    schema: editSchema,
    input: async (f) => {
      const { entityId, current } = await target(f);
      const changes = next(current, f);
      const base = Object.fromEntries(
        Object.keys(changes).map((k) => {
          const v = current[k];
          return [k, v instanceof Date ? v.toISOString().slice(0, 16) : (v ?? "")];
        }),
      );
      return { postmortemId: f.postmortemId, entity, entityId, changes, base, clientMutationId: randomUUID() };
    },
    run: applyEdit,
  });
}

const postmortem = async (f: Fixture): Promise<EditTarget> => ({
  entityId: f.postmortemId,
  current: (await pm(f)) as unknown as Record<string, unknown>,
});
const field = (name: string, value: (v: unknown, f: Fixture) => unknown) => (current: Record<string, unknown>, f: Fixture) => ({
  [name]: value(current[name], f),
});

export const DOCUMENT_ENTRIES: RegistryEntry[] = [
  entry({
    name: "page /postmortems (list)",
    kind: "page",
    needs: "view",
    schema: listPostmortemsSchema,
    input: (f) => ({ q: f.incidentKey }),
    run: async (actor, input) => {
      const list = await listPostmortems(actor, input);
      if (list.items.length === 0) throw new AppError("NOT_FOUND");
      return list;
    },
  }),
  entry({
    name: "page /postmortems/[id]",
    kind: "page",
    needs: "view",
    schema: postmortemIdSchema,
    input: (f) => ({ postmortemId: f.postmortemId }),
    run: (actor, i) => getPostmortemDocument(actor, i.postmortemId),
  }),
  entry({
    name: "publishCheckAction",
    kind: "action",
    needs: "view",
    schema: postmortemIdSchema,
    input: (f) => ({ postmortemId: f.postmortemId }),
    run: (actor, i) => getPublishCheck(actor, i.postmortemId),
  }),
  entry({
    name: "listHistoryAction",
    kind: "action",
    needs: "view",
    schema: listHistorySchema,
    input: (f) => ({ postmortemId: f.postmortemId }),
    run: (actor, i) => listHistory(actor, i.postmortemId, i),
  }),

  // The postmortem's own fields, section by section
  edit("postmortem.incidentName", "postmortem", postmortem, field("incidentName", changed)),
  edit(
    "postmortem.facilitatorId",
    "postmortem",
    postmortem,
    field("facilitatorId", (_, f) => f.ownerId),
    "changeFacilitator",
    true,
  ),
  edit(
    "postmortem.severity",
    "postmortem",
    postmortem,
    field("severity", (v) => (v === "HIGH" ? "MEDIUM" : "HIGH")),
  ),
  edit("postmortem.summary", "postmortem", postmortem, field("summary", changed)),
  edit("postmortem.rootCause", "postmortem", postmortem, field("rootCause", changed)),
  edit("postmortem.aiModel", "postmortem", postmortem, field("aiModel", changed)),
  edit("postmortem.lessonsWentWell", "postmortem", postmortem, field("lessonsWentWell", changed)),
  edit("postmortem.externalSummary", "postmortem", postmortem, field("externalSummary", changed)),
  edit(
    "postmortem.restricted",
    "postmortem",
    postmortem,
    field("restricted", (v) => !v),
    "changeAccess",
    true,
  ),
  edit(
    "postmortem.usersAffected (key metrics)",
    "postmortem",
    postmortem,
    field("usersAffected", (v) => String(Number(v ?? 0) + 1)),
  ),
  edit(
    "impact.customerDetail",
    "impact",
    async (f) => ({
      entityId: f.postmortemId,
      current: ((await db().impactAssessment.findUnique({ where: { postmortemId: f.postmortemId } })) ?? {}) as Record<string, unknown>,
    }),
    field("customerDetail", changed),
  ),
  // Rows
  edit(
    "timeline.notes",
    "timeline",
    async (f) => ({ entityId: f.timelineId, current: await db().timelineEntry.findUniqueOrThrow({ where: { id: f.timelineId } }) }),
    field("notes", changed),
  ),
  entry({
    name: "saveEditAction timeline (a new row, its id chosen by the browser)",
    kind: "action",
    needs: "edit",
    schema: editSchema,
    input: (f) => ({
      postmortemId: f.postmortemId,
      entity: "timeline",
      entityId: randomUUID().replaceAll("-", ""),
      changes: { event: "Alert fired", kind: "ALERT" },
      base: {},
      create: {},
      clientMutationId: randomUUID(),
    }),
    run: applyEdit,
  }),
  edit(
    "why.text",
    "why",
    async (f) => ({ entityId: f.whyId, current: await db().whyStep.findUniqueOrThrow({ where: { id: f.whyId } }) }),
    field("text", changed),
  ),
  edit(
    "factor.description",
    "factor",
    async (f) => ({ entityId: f.factorId, current: await db().contributingFactor.findUniqueOrThrow({ where: { id: f.factorId } }) }),
    field("description", changed),
  ),
  edit(
    "aiCause.evidence",
    "aiCause",
    async (f) => ({
      entityId: "MODEL_DRIFT",
      current: ((await db().aiCause.findFirst({ where: { postmortemId: f.postmortemId, kind: "MODEL_DRIFT" } })) ?? {}) as Record<
        string,
        unknown
      >,
    }),
    field("evidence", changed),
  ),
  // The fixture's corrective action is owned by the postmortem's creator, never by the actor.
  edit(
    "correctiveAction.action",
    "correctiveAction",
    async (f) => ({ entityId: f.actionId, current: await db().correctiveAction.findUniqueOrThrow({ where: { id: f.actionId } }) }),
    field("action", changed),
  ),
  edit(
    "correctiveAction.status",
    "correctiveAction",
    async (f) => ({ entityId: f.actionId, current: await db().correctiveAction.findUniqueOrThrow({ where: { id: f.actionId } }) }),
    field("status", (v) => (v === "IN_PROGRESS" ? "OPEN" : "IN_PROGRESS")),
    "trackAction",
  ),
  edit(
    "participant.role",
    "participant",
    async (f) => ({ entityId: f.guestId, current: await db().participant.findUniqueOrThrow({ where: { id: f.guestId } }) }),
    field("role", (v) => (v === "OBSERVER" ? "ATTENDEE" : "OBSERVER")),
    "editParticipants",
  ),
];
