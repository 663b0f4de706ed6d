import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { authorize, type Tx } from "@/lib/data/access";
import { appendDocEvents, type DocChange } from "@/lib/data/doc-events";
import { planFieldChanges, recordPlan, type EditTarget } from "@/lib/data/field-writes";
import type { TimelineRowDto } from "@/lib/data/postmortem-document";
import { insertionIndex, storeOrder, type OrderedRow } from "@/lib/data/timeline-order";
import { parseTimelinePaste } from "@/lib/domain/timeline-paste";
import type { TimelineEntry } from "@/lib/generated/prisma/client";
import {
  TIMELINE_LIMITS,
  toTimeCell,
  type CreateTimelineEntryInput,
  type DeleteTimelineEntryInput,
  type MoveTimelineEntryInput,
  type PasteTimelineInput,
  type TimelineField,
  type TimelineFields,
  type UpdateTimelineEntryInput,
} from "@/lib/validations/timeline";

export type TimelineWrite = { row: TimelineRowDto; seq: number };

function toDto(row: TimelineEntry): TimelineRowDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt?.toISOString() ?? null,
    event: row.event,
    actor: row.actor,
    notes: row.notes,
    milestone: row.milestone,
    kind: row.kind,
    orderKey: row.orderKey,
    version: row.version,
  };
}

/** The row as its create event records it. */
const snapshot = (row: TimelineEntry) => ({
  occurredAt: row.occurredAt?.toISOString() ?? null,
  event: row.event,
  actor: row.actor,
  notes: row.notes,
  milestone: row.milestone,
  kind: row.kind,
  orderKey: row.orderKey,
});

/** A stored value as the row editor shows it, for a conflict answer. */
function editorValue(field: TimelineField, value: TimelineFields[TimelineField]) {
  if (field === "occurredAt") return toTimeCell((value as Date | null)?.toISOString());
  return value ?? "";
}

const liveRows = (tx: Tx, postmortemId: string) =>
  tx.timelineEntry.findMany({ where: { postmortemId, deletedAt: null }, orderBy: [{ orderKey: "asc" }, { id: "asc" }] });

async function findEntry(tx: Tx, postmortemId: string, entryId: string): Promise<TimelineEntry> {
  const row = await tx.timelineEntry.findFirst({ where: { id: entryId, postmortemId } });
  if (!row) throw new AppError("NOT_FOUND", { message: "That timeline row does not exist." });
  if (row.deletedAt) throw new AppError("DELETED");
  return row;
}

/** The key of the row to insert after (deleted rows still mark a place); null = at the top. */
async function anchorKey(tx: Tx, postmortemId: string, afterId: string | null): Promise<number | null> {
  if (afterId === null) return null;
  const anchor = await tx.timelineEntry.findFirst({ where: { id: afterId, postmortemId }, select: { orderKey: true } });
  if (!anchor) throw new AppError("VALIDATION", { fieldErrors: { afterId: ["That row no longer exists."] } });
  return anchor.orderKey;
}

/** A timeline has at most TIMELINE_LIMITS.rows live rows: every write reorders them, so they stay bounded. */
function assertRoomFor(existing: number, adding: number) {
  if (existing + adding <= TIMELINE_LIMITS.rows) return;
  throw new AppError("VALIDATION", {
    message: `A timeline holds at most ${TIMELINE_LIMITS.rows} rows; this one has ${existing}. Merge or delete rows first.`,
    fieldErrors: { text: [`A timeline holds at most ${TIMELINE_LIMITS.rows} rows.`] },
  });
}

/** A transaction with the client's TRANSACTION_OPTIONS; a paste of hundreds of rows may run longer. */
const transaction = <T>(run: (tx: Tx) => Promise<T>, timeout?: number) => getDb().$transaction(run, timeout ? { timeout } : undefined);

/**
 * Adds a row, with the id the browser chose when it gave one (a retried create with the same clientMutationId
 * returns the row made the first time).
 */
export async function createTimelineEntry(actor: Actor, input: CreateTimelineEntryInput): Promise<TimelineWrite> {
  return transaction(async (tx) => {
    const access = await authorize(tx, actor, input.postmortemId, "edit", true);
    const existing = await tx.timelineEntry.findUnique({ where: { clientMutationId: input.clientMutationId } });
    if (existing) {
      if (existing.postmortemId !== input.postmortemId) throw new AppError("VALIDATION", { message: "Invalid client mutation id." });
      return { row: toDto(existing), seq: access.seq };
    }
    if (input.id && (await tx.timelineEntry.findUnique({ where: { id: input.id }, select: { id: true } }))) {
      throw new AppError("VALIDATION", { message: "That row id is already taken." });
    }
    const rows = await liveRows(tx, input.postmortemId);
    assertRoomFor(rows.length, 1);
    const anchor = input.afterId === undefined ? (rows.at(-1)?.orderKey ?? null) : await anchorKey(tx, input.postmortemId, input.afterId);
    const created = await tx.timelineEntry.create({
      data: {
        id: input.id,
        postmortemId: input.postmortemId,
        clientMutationId: input.clientMutationId,
        occurredAt: input.occurredAt ?? null,
        event: input.event ?? "",
        actor: input.actor ?? "",
        notes: input.notes ?? "",
        milestone: input.milestone ?? null,
        kind: input.kind ?? "NOTE",
        orderKey: (rows.at(-1)?.orderKey ?? 0) + 1,
      },
    });
    const wanted: OrderedRow[] = [...rows];
    wanted.splice(insertionIndex(rows, anchor), 0, { ...created, orderKey: null });
    const order = await storeOrder(tx, wanted, created.id);
    const row = { ...created, orderKey: order.keys.get(created.id) as number };
    const seq = await appendDocEvents(
      tx,
      input.postmortemId,
      actor.id,
      [{ entity: "timeline", entityId: row.id, field: null, before: null, after: snapshot(row) }, ...order.changes],
      input.clientMutationId,
    );
    return { row: toDto(row), seq };
  });
}

/**
 * Applies the changed fields whose stored value still equals the editor's `base`. A field someone else
 * changed in the meantime is a CONFLICT carrying their value, and then nothing is applied.
 */
export async function updateTimelineEntry(actor: Actor, input: UpdateTimelineEntryInput): Promise<TimelineWrite> {
  return transaction(async (tx) => {
    const access = await authorize(tx, actor, input.postmortemId, "edit", { clientMutationId: input.clientMutationId });
    const row = await findEntry(tx, input.postmortemId, input.entryId);
    if (access.appliedSeq !== null) return { row: toDto(row), seq: access.appliedSeq };
    const target: EditTarget = {
      entity: "timeline",
      entityId: row.id,
      theirs: (field, current) => [field, editorValue(field as TimelineField, current[field] as TimelineFields[TimelineField])],
    };
    const plan = planFieldChanges(row, input.changes, input.base, target);
    if (plan.length === 0) return { row: toDto(row), seq: await appendDocEvents(tx, input.postmortemId, actor.id, []) };
    const data = Object.fromEntries(plan.map((p) => [p.field, p.after])) as Partial<TimelineFields>;
    let updated = await tx.timelineEntry.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } });
    const extra: DocChange[] = [];
    if ("occurredAt" in data) {
      const order = await storeOrder(tx, await liveRows(tx, input.postmortemId));
      extra.push(...order.changes);
      updated = { ...updated, orderKey: order.keys.get(updated.id) ?? updated.orderKey };
    }
    const seq = await recordPlan(tx, input.postmortemId, actor, target, plan, input.clientMutationId, extra);
    return { row: toDto(updated), seq };
  });
}

/** Soft delete: the row keeps its place, so an undo puts it back where it was. */
export async function deleteTimelineEntry(actor: Actor, input: DeleteTimelineEntryInput): Promise<{ seq: number }> {
  return transaction(async (tx) => {
    await authorize(tx, actor, input.postmortemId, "edit", true);
    const row = await findEntry(tx, input.postmortemId, input.entryId);
    const deletedAt = new Date();
    await tx.timelineEntry.update({ where: { id: row.id }, data: { deletedAt, version: { increment: 1 } } });
    const seq = await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "timeline", entityId: row.id, field: "deletedAt", before: null, after: deletedAt },
    ]);
    return { seq };
  });
}

/** Undoes a delete; the row returns to its place (or its time's place). */
export async function restoreTimelineEntry(actor: Actor, input: DeleteTimelineEntryInput): Promise<TimelineWrite> {
  return transaction(async (tx) => {
    await authorize(tx, actor, input.postmortemId, "edit", true);
    const row = await tx.timelineEntry.findFirst({ where: { id: input.entryId, postmortemId: input.postmortemId } });
    if (!row) throw new AppError("NOT_FOUND", { message: "That timeline row does not exist." });
    if (!row.deletedAt) return { row: toDto(row), seq: await appendDocEvents(tx, input.postmortemId, actor.id, []) };
    const restored = await tx.timelineEntry.update({ where: { id: row.id }, data: { deletedAt: null, version: { increment: 1 } } });
    const order = await storeOrder(tx, await liveRows(tx, input.postmortemId));
    const seq = await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "timeline", entityId: row.id, field: "deletedAt", before: row.deletedAt, after: null },
      ...order.changes,
    ]);
    return { row: toDto({ ...restored, orderKey: order.keys.get(row.id) ?? restored.orderKey }), seq };
  });
}

export const TIME_ORDER_MESSAGE = "Rows with a time stay in time order. Change the time to move this row.";

/** Moves a row after another (null = to the top); refused when time order would not keep it there. */
export async function moveTimelineEntry(actor: Actor, input: MoveTimelineEntryInput): Promise<TimelineWrite> {
  return transaction(async (tx) => {
    await authorize(tx, actor, input.postmortemId, "edit", true);
    const row = await findEntry(tx, input.postmortemId, input.entryId);
    if (input.afterId === row.id) throw new AppError("VALIDATION", { fieldErrors: { afterId: ["A row can't move after itself."] } });
    const anchor = await anchorKey(tx, input.postmortemId, input.afterId);
    const rows = await liveRows(tx, input.postmortemId);
    const others: OrderedRow[] = rows.filter((r) => r.id !== row.id);
    const wanted = [...others];
    wanted.splice(insertionIndex(others, anchor), 0, { ...row, orderKey: null });
    const before = rows.map((r) => r.id).join();
    if (wanted.map((r) => r.id).join() === before)
      return { row: toDto(row), seq: await appendDocEvents(tx, input.postmortemId, actor.id, []) };
    const order = await storeOrder(tx, wanted);
    const placedAfter = (ids: string[]) => ids[ids.indexOf(row.id) - 1];
    if (placedAfter(order.order) !== placedAfter(wanted.map((r) => r.id))) {
      throw new AppError("VALIDATION", { message: TIME_ORDER_MESSAGE });
    }
    const key = order.keys.get(row.id) as number;
    const seq = await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "timeline", entityId: row.id, field: "orderKey", before: row.orderKey, after: key },
      ...order.changes,
    ]);
    return { row: toDto({ ...row, orderKey: key }), seq };
  });
}

/**
 * One row per pasted "time  text" line, bare times read on the incident's UTC day, then everything in
 * time order, in one transaction. A retried paste (same clientMutationId) returns the rows it made.
 */
export async function pasteTimeline(actor: Actor, input: PasteTimelineInput): Promise<{ rows: TimelineRowDto[]; seq: number }> {
  return transaction(async (tx) => {
    const access = await authorize(tx, actor, input.postmortemId, "edit", true);
    const batch = `${input.clientMutationId}:`;
    const done = await tx.timelineEntry.findMany({ where: { clientMutationId: { startsWith: batch } }, orderBy: { orderKey: "asc" } });
    // A batch id is global: another postmortem's rows must never be answered here (they may be hidden).
    if (done.some((r) => r.postmortemId !== input.postmortemId))
      throw new AppError("VALIDATION", { message: "Invalid client mutation id." });
    if (done.length > 0) return { rows: done.map(toDto), seq: access.seq };
    const { incidentDate } = await tx.postmortem.findUniqueOrThrow({ where: { id: input.postmortemId }, select: { incidentDate: true } });
    const parsed = parseTimelinePaste(input.text, incidentDate);
    const problems = parsed.flatMap((p, i) =>
      p.event.length > TIMELINE_LIMITS.event ? [`Line ${i + 1} is longer than ${TIMELINE_LIMITS.event} characters.`] : [],
    );
    if (parsed.length > TIMELINE_LIMITS.pasteRows) problems.push(`Paste at most ${TIMELINE_LIMITS.pasteRows} lines at once.`);
    if (parsed.length === 0) problems.push("Paste at least one line.");
    if (problems.length > 0) throw new AppError("VALIDATION", { fieldErrors: { text: problems } });

    const rows = await liveRows(tx, input.postmortemId);
    assertRoomFor(rows.length, parsed.length);
    const last = rows.at(-1)?.orderKey ?? 0;
    const created = await tx.timelineEntry.createManyAndReturn({
      data: parsed.map((p, i) => ({
        postmortemId: input.postmortemId,
        clientMutationId: `${batch}${i}`,
        occurredAt: p.occurredAt,
        event: p.event,
        kind: "NOTE" as const,
        orderKey: last + i + 1,
      })),
    });
    created.sort((a, b) => a.orderKey - b.orderKey);
    const order = await storeOrder(tx, [...rows, ...created.map((c) => ({ ...c, orderKey: null }))]);
    const createdIds = new Set(created.map((c) => c.id));
    const final = created.map((c) => ({ ...c, orderKey: order.keys.get(c.id) as number }));
    const seq = await appendDocEvents(
      tx,
      input.postmortemId,
      actor.id,
      [
        ...final.map((c) => ({ entity: "timeline", entityId: c.id, field: null, before: null, after: snapshot(c) })),
        ...order.changes.filter((c) => !createdIds.has(c.entityId as string)),
      ],
      input.clientMutationId,
    );
    return { rows: final.map(toDto), seq };
  }, 30_000);
}
