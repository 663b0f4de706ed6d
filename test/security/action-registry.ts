// Every server action and every page or route that reads a postmortem, with how to invoke it the way the
// browser does: raw input → the action's own zod schema → the data-layer function. The permission matrix
// and the fuzz test both run from this list, so a new action is one entry here.
import { randomUUID } from "node:crypto";
import { ZodError, type z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/data/auth";
import {
  anySectionUpdateSchema,
  addFactorSchema,
  addParticipantSchema,
  addWhySchema,
  deleteFactorSchema,
  deleteWhySchema,
  removeParticipantSchema,
  setAiCauseSchema,
  updateFactorSchema,
  updateParticipantRoleSchema,
  updateWhySchema,
} from "@/lib/validations/sections";
import {
  deleteTimelineEntrySchema,
  moveTimelineEntrySchema,
  pasteTimelineSchema,
  updateTimelineEntrySchema,
} from "@/lib/validations/timeline";
import { createActionSchema, deleteActionSchema, setActionStatusSchema, updateActionSchema } from "@/lib/validations/actions";
import { listHistorySchema, postmortemIdSchema, setStatusSchema } from "@/lib/validations/lifecycle";
import { createPostmortemSchema } from "@/lib/validations/postmortem";
import { listPostmortemsSchema } from "@/lib/validations/browse";
import { createUserSchema, updateUserSchema } from "@/lib/validations/auth";
import { updatePostmortemSection } from "@/lib/data/postmortem-fields";
import { addParticipant, removeParticipant, updateParticipantRole } from "@/lib/data/participants";
import { setAiCause } from "@/lib/data/ai-causes";
import { addFactor, deleteFactor, updateFactor } from "@/lib/data/factors";
import { addWhy, deleteWhy, updateWhy } from "@/lib/data/whys";
import { applyEdit } from "@/lib/data/edits";
import { editSchema } from "@/lib/validations/edits";
import { deleteTimelineEntry, moveTimelineEntry, pasteTimeline, restoreTimelineEntry, updateTimelineEntry } from "@/lib/data/timeline";
import { createAction, deleteAction, setActionStatus, updateAction } from "@/lib/data/actions";
import { getPublishCheck, listHistory, setStatus } from "@/lib/data/lifecycle";
import { createPostmortem } from "@/lib/data/postmortems";
import { listPostmortems } from "@/lib/data/postmortem-list";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { createUser, listUsers, updateUser } from "@/lib/data/users";
import type { PostmortemStatus } from "@/lib/generated/prisma/enums";
import type { Need } from "@/test/security/written-policy";

/** The postmortem an entry acts on, with one row of each kind and the users around it. */
export type Fixture = {
  postmortemId: string;
  incidentKey: string;
  status: PostmortemStatus;
  ownerId: string;
  timelineId: string;
  whyId: string;
  factorId: string;
  actionId: string;
  guestId: string;
};

export type RegistryEntry = {
  name: string;
  kind: "action" | "page";
  /** What the written policy requires (docs/decisions.md), possibly depending on the postmortem's status. */
  needs: Need | ((status: PostmortemStatus) => Need);
  /** When allowed, the call changes who may do what, so the matrix puts the fixture back afterwards. */
  changesAccess?: boolean;
  schema: z.ZodType;
  /** The raw input the browser would send, against the fixture's current state. */
  input: (f: Fixture) => unknown | Promise<unknown>;
  run: (actor: SessionUser, input: never) => Promise<unknown>;
};

function entry<S extends z.ZodType>(
  e: Omit<RegistryEntry, "schema" | "run"> & {
    schema: S;
    run: (actor: SessionUser, input: z.output<S>) => Promise<unknown>;
  },
): RegistryEntry {
  return e as unknown as RegistryEntry;
}

/**
 * Parses like the server action does, then calls the data layer. A schema the data layer applies itself
 * (the one edit path parses each entity's fields) is answered as a VALIDATION too, as the action does.
 */
export async function invoke(e: RegistryEntry, actor: SessionUser, raw: unknown): Promise<unknown> {
  const parsed = e.schema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION");
  try {
    return await e.run(actor, parsed.data as never);
  } catch (error) {
    if (error instanceof ZodError) throw new AppError("VALIDATION");
    throw error;
  }
}

const db = () => getDb();
const pm = (f: Fixture) => db().postmortem.findUniqueOrThrow({ where: { id: f.postmortemId } });

function section(
  name: string,
  sectionKey: string,
  field: string,
  value: (current: unknown, f: Fixture) => unknown,
  needs: Need = "edit",
  changesAccess = false,
) {
  return entry({
    name,
    kind: "action",
    needs,
    changesAccess,
    schema: anySectionUpdateSchema,
    input: async (f) => {
      const current = (await pm(f)) as unknown as Record<string, unknown>;
      const stored = current[field];
      const base = stored instanceof Date ? stored.toISOString().slice(0, 16) : (stored ?? "");
      return { postmortemId: f.postmortemId, section: sectionKey, changes: { [field]: value(stored, f) }, base: { [field]: base } };
    },
    run: updatePostmortemSection,
  });
}

const changed = (v: unknown) => `${String(v ?? "").slice(0, 50)} ·`.slice(-60);

export const REGISTRY: RegistryEntry[] = [
  // Pages and reads
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

  // Field sections
  section("updateSection details.incidentName", "details", "incidentName", changed),
  section("updateSection details.facilitatorId", "details", "facilitatorId", (_, f) => f.ownerId, "changeFacilitator", true),
  section("updateSection severity", "severity", "severity", (v) => (v === "HIGH" ? "MEDIUM" : "HIGH")),
  section("updateSection summary", "summary", "summary", changed),
  section("updateSection rootCause", "rootCause", "rootCause", changed),
  section("updateSection aiContext", "aiContext", "aiModel", changed),
  section("updateSection lessons", "lessons", "lessonsWentWell", changed),
  section("updateSection external.summary", "external", "externalSummary", changed),
  section("updateSection external.restricted", "external", "restricted", (v) => !v, "changeAccess", true),
  entry({
    name: "updateSection impact",
    kind: "action",
    needs: "edit",
    schema: anySectionUpdateSchema,
    input: async (f) => {
      const impact = await db().impactAssessment.findUnique({ where: { postmortemId: f.postmortemId } });
      const before = impact?.customerDetail ?? "";
      return {
        postmortemId: f.postmortemId,
        section: "impact",
        changes: { customerDetail: changed(before) },
        base: { customerDetail: before },
      };
    },
    run: updatePostmortemSection,
  }),
  entry({
    name: "saveEditAction (key metrics)",
    kind: "action",
    needs: "edit",
    schema: editSchema,
    input: async (f) => {
      const users = (await pm(f)).usersAffected;
      return {
        postmortemId: f.postmortemId,
        entity: "postmortem",
        entityId: f.postmortemId,
        changes: { usersAffected: String((users ?? 0) + 1) },
        base: { usersAffected: users === null ? "" : String(users) },
        clientMutationId: randomUUID(),
      };
    },
    run: applyEdit,
  }),

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
    name: "updateFactorAction",
    kind: "action",
    needs: "edit",
    schema: updateFactorSchema,
    input: async (f) => {
      const row = await db().contributingFactor.findUniqueOrThrow({ where: { id: f.factorId } });
      return {
        postmortemId: f.postmortemId,
        factorId: f.factorId,
        changes: { description: changed(row.description) },
        base: { description: row.description },
      };
    },
    run: updateFactor,
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
    name: "updateWhyAction",
    kind: "action",
    needs: "edit",
    schema: updateWhySchema,
    input: async (f) => {
      const row = await db().whyStep.findUniqueOrThrow({ where: { id: f.whyId } });
      return {
        postmortemId: f.postmortemId,
        whyId: f.whyId,
        changes: { text: changed(row.text) },
        base: { text: row.text },
        clientMutationId: randomUUID(),
      };
    },
    run: updateWhy,
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
    name: "saveEditAction (a new timeline row)",
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
  entry({
    name: "updateTimelineEntryAction",
    kind: "action",
    needs: "edit",
    schema: updateTimelineEntrySchema,
    input: async (f) => {
      const row = await db().timelineEntry.findUniqueOrThrow({ where: { id: f.timelineId } });
      return {
        postmortemId: f.postmortemId,
        entryId: f.timelineId,
        version: row.version,
        changes: { notes: changed(row.notes) },
        base: { notes: row.notes },
      };
    },
    run: updateTimelineEntry,
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
    name: "updateActionAction (text)",
    kind: "action",
    needs: "edit",
    schema: updateActionSchema,
    input: async (f) => {
      const row = await db().correctiveAction.findUniqueOrThrow({ where: { id: f.actionId } });
      return {
        postmortemId: f.postmortemId,
        actionId: f.actionId,
        version: row.version,
        changes: { action: changed(row.action) },
        base: { action: row.action },
      };
    },
    run: updateAction,
  }),
  entry({
    name: "updateActionAction (status)",
    kind: "action",
    needs: "trackAction",
    schema: updateActionSchema,
    input: async (f) => {
      const row = await db().correctiveAction.findUniqueOrThrow({ where: { id: f.actionId } });
      const status = row.status === "IN_PROGRESS" ? "OPEN" : "IN_PROGRESS";
      return {
        postmortemId: f.postmortemId,
        actionId: f.actionId,
        version: row.version,
        changes: { status },
        base: { status: row.status },
      };
    },
    run: updateAction,
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

  // Organisation-wide
  entry({
    name: "createPostmortemAction",
    kind: "action",
    needs: "createPostmortem",
    schema: createPostmortemSchema,
    input: () => ({
      incidentKey: `INC-M${randomUUID().slice(0, 8).toUpperCase()}`,
      incidentName: "Matrix",
      incidentDate: "2026-11-20T09:00",
      severity: "LOW",
    }),
    run: createPostmortem,
  }),
  entry({
    name: "page /admin/users",
    kind: "page",
    needs: "manageUsers",
    schema: postmortemIdSchema.partial(),
    input: () => ({}),
    run: (actor) => listUsers(actor),
  }),
  entry({
    name: "createUserAction",
    kind: "action",
    needs: "manageUsers",
    schema: createUserSchema,
    input: () => ({
      name: "New person",
      email: `new-${randomUUID().slice(0, 8)}@test.example`,
      password: "a long enough password",
      role: "MEMBER",
    }),
    run: createUser,
  }),
  entry({
    name: "updateUserAction",
    kind: "action",
    needs: "manageUsers",
    schema: updateUserSchema,
    input: (f) => ({ userId: f.ownerId, role: "MEMBER" }),
    run: updateUser,
  }),
];
