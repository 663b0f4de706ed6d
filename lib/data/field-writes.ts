import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { AppError, type ConflictDetail } from "@/lib/errors";
import { authorize, type LoadedAccess, type Tx } from "@/lib/data/access";
import { appendDocEvents, type DocChange } from "@/lib/data/doc-events";
import { toUtcInput } from "@/lib/validations/common";

// The one write protocol of every editable thing: lock the postmortem, compare each changed field's stored
// value with the value the editor started from, refuse the whole edit with one CONFLICT shape when any of
// them moved, else write the fields and append one DocEvent per field carrying the client mutation id.

/**
 * Runs `fn` in one transaction with the postmortem row locked and the actor allowed to edit it. A meeting's
 * editors all write one postmortem, so they queue on its row lock by design; how long they may wait is the
 * client's TRANSACTION_OPTIONS (lib/db/client.ts). Given the edit's client mutation id, `access.appliedSeq`
 * tells whether that edit was applied before (a retry answers what it answered then).
 */
export function withEditLock<T>(
  actor: Actor,
  postmortemId: string,
  fn: (tx: Tx, access: LoadedAccess) => Promise<T>,
  clientMutationId?: string | null,
): Promise<T> {
  return getDb().$transaction(async (tx) => fn(tx, await authorize(tx, actor, postmortemId, "edit", { clientMutationId })));
}

const isDecimal = (v: unknown) => typeof v === "object" && v !== null && "toFixed" in v;

/** The value as the forms hold it: dates as "YYYY-MM-DDTHH:mm" (UTC), decimals and bigints as strings, null as "". */
export function toFormValue(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return toUtcInput(value);
  if (isDecimal(value)) return normaliseDecimal(String(value));
  if (typeof value === "bigint") return value.toString();
  return value;
}

function normaliseDecimal(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) ? String(n) : value;
}

/** Equal as far as an editor can tell: dates to the minute, decimals by value, "" and null alike. */
export function sameValue(a: unknown, b: unknown): boolean {
  const fa = toFormValue(a);
  const fb = toFormValue(b);
  if ((isDecimal(a) || isDecimal(b)) && fa !== "" && fb !== "") return Number(fa) === Number(fb);
  return fa === fb;
}

export type FieldPlan = { field: string; before: unknown; after: unknown };

export type EditTarget = {
  entity: string;
  entityId: string | null;
  /** How a stored value is shown to the editor in a conflict (default: `toFormValue`). */
  theirs?: (field: string, current: Record<string, unknown>) => [string, unknown];
};

export function conflictError(detail: ConflictDetail): AppError {
  return new AppError("CONFLICT", { detail });
}

/**
 * Decides what an edit does to the stored row: fields already at the new value are skipped, fields whose
 * stored value still equals `base` are applied, and any other field is a CONFLICT answered with the
 * current values so the editor can show them. Nothing is written on a conflict.
 */
export function planFieldChanges(
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
  base: Record<string, unknown>,
  target: EditTarget,
): FieldPlan[] {
  const plan: FieldPlan[] = [];
  const theirs: Record<string, unknown> = {};
  for (const [field, after] of Object.entries(changes)) {
    if (after === undefined) continue;
    const before = current[field];
    if (sameValue(before, after)) continue;
    if (!(field in base) || !sameValue(before, base[field])) {
      const [key, value] = target.theirs?.(field, current) ?? [field, toFormValue(before)];
      theirs[key] = value;
      continue;
    }
    plan.push({ field, before, after });
  }
  if (Object.keys(theirs).length > 0) throw conflictError({ entity: target.entity, entityId: target.entityId, theirs });
  return plan;
}

/** Appends one DocEvent per planned field (plus `extra`), all under the edit's client mutation id. */
export function recordPlan(
  tx: Tx,
  postmortemId: string,
  actor: Actor,
  target: EditTarget,
  plan: FieldPlan[],
  clientMutationId?: string,
  extra: DocChange[] = [],
): Promise<number> {
  const events: DocChange[] = plan.map((p) => ({
    entity: target.entity,
    entityId: target.entityId,
    field: p.field,
    before: p.before,
    after: p.after,
  }));
  return appendDocEvents(tx, postmortemId, actor.id, [...events, ...extra], clientMutationId);
}

/** The applied fields as the editor holds them, to take as its new base. */
export function formValuesOf(plan: FieldPlan[]): Record<string, unknown> {
  return Object.fromEntries(plan.map((p) => [p.field, toFormValue(p.after)]));
}

/** The row a retried create already made: found through the DocEvent that recorded the first attempt. */
export async function findCreatedBy(tx: Tx, postmortemId: string, entity: string, clientMutationId: string): Promise<string | null> {
  const event = await tx.docEvent.findFirst({
    where: { postmortemId, entity, clientMutationId },
    select: { entityId: true },
    orderBy: { seq: "asc" },
  });
  return event?.entityId ?? null;
}
