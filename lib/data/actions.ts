import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import { can, canTrackFollowUp, type Actor } from "@/lib/auth/permissions";
import { assertCan, authorize, loadAccess, type LoadedAccess, type Tx } from "@/lib/data/access";
import { appendDocEvents, type DocChange } from "@/lib/data/doc-events";
import { conflictError } from "@/lib/data/field-writes";
import type { ActionDto } from "@/lib/data/postmortem-document";
import { visibleWhere } from "@/lib/data/postmortems";
import { isActionOverdue, proposeDeadline } from "@/lib/domain/deadlines";
import { dayOf, parseIsoDay, toIsoDay } from "@/lib/domain/dates";
import { isBlankText } from "@/lib/domain/template";
import type { ActionStatus, PostmortemStatus } from "@/lib/generated/prisma/enums";
import type { CorrectiveAction } from "@/lib/generated/prisma/client";
import type {
  CreateActionData,
  DeleteActionInput,
  SetActionStatusData,
  UpdateActionChanges,
  UpdateActionData,
} from "@/lib/validations/actions";

export const DEADLINE_BEFORE_INCIDENT = "The deadline cannot be before the incident.";
export const WONT_DO_REASON_REQUIRED = "Give a reason when an action is marked Won't do.";
const OWNER_INACTIVE = "Choose an active user as the owner.";

type ActionRow = CorrectiveAction & { owner: { name: string } | null };
const withOwner = { owner: { select: { name: true } } } as const;

export function toActionDto(a: ActionRow): ActionDto {
  return {
    id: a.id,
    number: a.number,
    horizon: a.horizon,
    action: a.action,
    ownerId: a.ownerId,
    ownerName: a.owner?.name ?? null,
    deadline: a.deadline ? toIsoDay(a.deadline) : null,
    status: a.status,
    wontDoReason: a.wontDoReason,
    ticket: a.ticket,
    completedAt: a.completedAt ? a.completedAt.toISOString() : null,
    version: a.version,
  };
}

/** The stored value of a field in the same shape the client sends it (deadline as "YYYY-MM-DD"). */
function currentValue(row: ActionRow, field: keyof UpdateActionChanges): unknown {
  return field === "deadline" ? (row.deadline ? toIsoDay(row.deadline) : null) : row[field];
}

async function checkOwnerAndDeadline(
  tx: Tx,
  postmortemId: string,
  values: { ownerId?: string | null; deadline?: string | null },
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (values.ownerId) {
    const owner = await tx.user.findFirst({ where: { id: values.ownerId, disabled: false }, select: { id: true } });
    if (!owner) errors.ownerId = [OWNER_INACTIVE];
  }
  if (values.deadline) {
    const pm = await tx.postmortem.findUniqueOrThrow({ where: { id: postmortemId }, select: { incidentDate: true } });
    if (values.deadline < toIsoDay(pm.incidentDate)) errors.deadline = [DEADLINE_BEFORE_INCIDENT];
  }
  return errors;
}

function throwIfErrors(errors: FieldErrors) {
  if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", { fieldErrors: errors });
}

/** Adds a corrective action; numbers run per postmortem and are never reused, even after a delete. */
export async function createAction(actor: Actor, input: CreateActionData): Promise<ActionDto> {
  return getDb().$transaction(async (tx) => {
    await authorize(tx, actor, input.postmortemId, "edit", true);
    const existing = await tx.correctiveAction.findUnique({ where: { clientMutationId: input.clientMutationId }, include: withOwner });
    if (existing) {
      if (existing.postmortemId !== input.postmortemId) throw new AppError("VALIDATION");
      return toActionDto(existing);
    }
    const pm = await tx.postmortem.findUniqueOrThrow({
      where: { id: input.postmortemId },
      select: { incidentDate: true, meetingDate: true },
    });
    const deadline = input.deadline ?? proposeDeadline(input.horizon, pm.meetingDate ?? pm.incidentDate);
    throwIfErrors(await checkOwnerAndDeadline(tx, input.postmortemId, { ownerId: input.ownerId, deadline }));
    // Deleted rows keep their number, so the maximum over all rows is the last number ever handed out.
    const last = await tx.correctiveAction.aggregate({ where: { postmortemId: input.postmortemId }, _max: { number: true } });
    const created = await tx.correctiveAction.create({
      data: {
        postmortemId: input.postmortemId,
        number: (last._max.number ?? 0) + 1,
        horizon: input.horizon,
        action: input.action,
        ownerId: input.ownerId,
        deadline: parseIsoDay(deadline),
        ticket: input.ticket,
        clientMutationId: input.clientMutationId,
      },
      include: withOwner,
    });
    const dto = toActionDto(created);
    await appendDocEvents(
      tx,
      input.postmortemId,
      actor.id,
      [
        {
          entity: "action",
          entityId: created.id,
          field: null,
          after: {
            number: dto.number,
            horizon: dto.horizon,
            action: dto.action,
            ownerId: dto.ownerId,
            deadline: dto.deadline,
            ticket: dto.ticket,
          },
        },
      ],
      input.clientMutationId,
    );
    return dto;
  });
}

const STATUS_FIELDS = new Set<keyof UpdateActionChanges>(["status", "wontDoReason"]);

/**
 * Decision: tracking actions to done continues after a postmortem is published ("Track actions to
 * completion in subsequent weeks"). So a change touching only the status (and its Won't-do reason) is
 * allowed to the action's owner, the facilitator and admins even on a PUBLISHED postmortem, and to the
 * action's owner even when they are not an editor of it. Viewers stay read-only. Every other edit needs
 * the "edit" permission, which a published postmortem refuses with READ_ONLY.
 */
function assertMayChange(
  actor: Actor,
  access: LoadedAccess | null,
  row: { ownerId: string | null },
  fields: (keyof UpdateActionChanges)[],
): asserts access is LoadedAccess {
  if (!access || !can(actor, "view", access)) throw new AppError("NOT_FOUND");
  if (can(actor, "edit", access)) return;
  const statusOnly = fields.every((f) => STATUS_FIELDS.has(f));
  if (statusOnly && canTrackFollowUp(actor, access, row.ownerId)) return;
  // Someone who could not edit even a draft is refused as such, not told the postmortem is published.
  if (!can(actor, "edit", { ...access, status: "IN_REVIEW" })) throw new AppError("FORBIDDEN");
  assertCan(actor, "edit", access);
}

async function loadRow(tx: Tx, postmortemId: string | null, actionId: string): Promise<ActionRow> {
  const row = await tx.correctiveAction.findUnique({ where: { id: actionId }, include: withOwner });
  if (!row || (postmortemId !== null && row.postmortemId !== postmortemId)) throw new AppError("NOT_FOUND");
  return row;
}

async function applyChanges(
  tx: Tx,
  actor: Actor,
  row: ActionRow,
  changes: Partial<UpdateActionChanges>,
  stale: (field: keyof UpdateActionChanges) => boolean,
  clientMutationId?: string,
): Promise<ActionDto> {
  if (row.deletedAt) throw new AppError("DELETED");
  const fields = Object.keys(changes) as (keyof UpdateActionChanges)[];
  const conflicts: Record<string, unknown> = {};
  for (const field of fields) {
    const current = currentValue(row, field);
    if (current !== changes[field] && stale(field)) conflicts[field] = current;
  }
  if (Object.keys(conflicts).length > 0) throw conflictError({ entity: "correctiveAction", entityId: row.id, theirs: conflicts });
  const errors = await checkOwnerAndDeadline(tx, row.postmortemId, {
    ownerId: changes.ownerId !== undefined && changes.ownerId !== row.ownerId ? changes.ownerId : undefined,
    deadline: changes.deadline,
  });
  const status: ActionStatus = changes.status ?? row.status;
  const reason = changes.wontDoReason ?? row.wontDoReason;
  if (status === "WONT_DO" && isBlankText(reason)) errors.wontDoReason = [WONT_DO_REASON_REQUIRED];
  throwIfErrors(errors);

  const events: DocChange[] = [];
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const before = currentValue(row, field);
    if (before === changes[field]) continue;
    data[field] = field === "deadline" ? (changes.deadline ? parseIsoDay(changes.deadline) : null) : changes[field];
    events.push({ entity: "action", entityId: row.id, field, before, after: changes[field] });
  }
  if (status !== row.status) {
    const completedAt = status === "DONE" ? new Date() : null;
    if (status === "DONE" || row.status === "DONE") {
      data.completedAt = completedAt;
      events.push({ entity: "action", entityId: row.id, field: "completedAt", before: row.completedAt, after: completedAt });
    }
  }
  if (events.length === 0) return toActionDto(row);
  const updated = await tx.correctiveAction.update({
    where: { id: row.id },
    data: { ...data, version: { increment: 1 } },
    include: withOwner,
  });
  await appendDocEvents(tx, row.postmortemId, actor.id, events, clientMutationId);
  return toActionDto(updated);
}

/**
 * Field-level compare: a field whose stored value still equals the editor's `base` (or any field when the
 * row's version is unchanged) is applied; a field someone else changed in the meantime is a CONFLICT
 * carrying the current values, and nothing is written.
 */
export async function updateAction(actor: Actor, input: UpdateActionData): Promise<ActionDto> {
  return getDb().$transaction(async (tx) => {
    const access = await loadAccess(tx, input.postmortemId, { clientMutationId: input.clientMutationId });
    const row = await loadRow(tx, input.postmortemId, input.actionId);
    assertMayChange(actor, access, row, Object.keys(input.changes) as (keyof UpdateActionChanges)[]);
    const base = input.base as Partial<Record<keyof UpdateActionChanges, unknown>>;
    if (access.appliedSeq !== null) return toActionDto(row);
    return applyChanges(
      tx,
      actor,
      row,
      input.changes,
      (field) => {
        if (row.version === input.version) return false;
        return !(field in base) || base[field] !== currentValue(row, field);
      },
      input.clientMutationId,
    );
  });
}

/** From "My actions": the status only; a row changed since it was loaded (another version) is a CONFLICT. */
export async function setActionStatus(actor: Actor, input: SetActionStatusData): Promise<ActionDto> {
  return getDb().$transaction(async (tx) => {
    const peek = await loadRow(tx, null, input.actionId);
    const access = await loadAccess(tx, peek.postmortemId, true);
    const row = await loadRow(tx, peek.postmortemId, input.actionId);
    const changes: Partial<UpdateActionChanges> = { status: input.status };
    if (input.wontDoReason !== undefined) changes.wontDoReason = input.wontDoReason;
    assertMayChange(actor, access, row, Object.keys(changes) as (keyof UpdateActionChanges)[]);
    return applyChanges(tx, actor, row, changes, () => row.version !== input.version);
  });
}

export async function deleteAction(actor: Actor, input: DeleteActionInput): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    await authorize(tx, actor, input.postmortemId, "edit", true);
    const row = await loadRow(tx, input.postmortemId, input.actionId);
    if (row.deletedAt) return { id: row.id };
    await tx.correctiveAction.update({ where: { id: row.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await appendDocEvents(tx, row.postmortemId, actor.id, [
      { entity: "action", entityId: row.id, field: "deletedAt", before: { number: row.number, action: row.action }, after: null },
    ]);
    return { id: row.id };
  });
}

export type MyActionItem = ActionDto & {
  postmortemId: string;
  incidentKey: string;
  incidentName: string;
  postmortemStatus: PostmortemStatus;
  overdue: boolean;
};

const finished = (s: ActionStatus) => s === "DONE" || s === "WONT_DO";

/**
 * The actor's own actions on every postmortem they can see: overdue first, then the open ones by
 * deadline (no deadline last), then the finished ones, so what needs doing is at the top.
 */
export async function listMyActions(actor: Actor, today: Date = new Date()): Promise<MyActionItem[]> {
  const rows = await getDb().correctiveAction.findMany({
    where: { ownerId: actor.id, deletedAt: null, postmortem: visibleWhere(actor) },
    include: { ...withOwner, postmortem: { select: { id: true, incidentKey: true, incidentName: true, status: true } } },
  });
  const items = rows.map((r) => ({
    ...toActionDto(r),
    postmortemId: r.postmortem.id,
    incidentKey: r.postmortem.incidentKey,
    incidentName: r.postmortem.incidentName,
    postmortemStatus: r.postmortem.status,
    overdue: isActionOverdue(r, today),
  }));
  const rank = (a: MyActionItem) => (a.overdue ? 0 : finished(a.status) ? 2 : 1);
  return items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (dayOf(a.deadline) ?? "9999").localeCompare(dayOf(b.deadline) ?? "9999") ||
      a.incidentKey.localeCompare(b.incidentKey) ||
      a.number - b.number,
  );
}
