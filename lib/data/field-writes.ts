import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { authorize, type LoadedAccess, type Tx } from "@/lib/data/access";
import { toUtcInput } from "@/lib/validations/common";

// The shared write protocol of the field sections: lock the postmortem, compare each changed field's stored
// value with the value the editor started from, and refuse the whole edit when any of them moved.

/** Runs `fn` in one transaction with the postmortem row locked and the actor allowed to edit it. */
export function withEditLock<T>(actor: Actor, postmortemId: string, fn: (tx: Tx, access: LoadedAccess) => Promise<T>): Promise<T> {
  return getDb().$transaction(async (tx) => fn(tx, await authorize(tx, actor, postmortemId, "edit", true)));
}

const isDecimal = (v: unknown) => typeof v === "object" && v !== null && "toFixed" in v;

/** The value as the forms hold it: dates as "YYYY-MM-DDTHH:mm" (UTC), decimals as strings, null as "". */
export function toFormValue(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return toUtcInput(value);
  if (isDecimal(value)) return normaliseDecimal(String(value));
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

/**
 * Decides what an edit does to the stored row: fields already at the new value are skipped, fields whose
 * stored value still equals `base` are applied, and any other field is a conflict answered with the
 * current values (in form format) so the editor can show them. Nothing is written on a conflict.
 */
export function planFieldChanges(
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
  base: Record<string, unknown>,
): FieldPlan[] {
  const plan: FieldPlan[] = [];
  const conflicts: Record<string, unknown> = {};
  for (const [field, after] of Object.entries(changes)) {
    if (after === undefined) continue;
    const before = current[field];
    if (sameValue(before, after)) continue;
    if (!(field in base) || !sameValue(before, base[field])) {
      conflicts[field] = toFormValue(before);
      continue;
    }
    plan.push({ field, before, after });
  }
  if (Object.keys(conflicts).length > 0) throw new AppError("CONFLICT", { detail: conflicts });
  return plan;
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
