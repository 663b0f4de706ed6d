import "server-only";
import { can, GUARDED_FIELDS, type Actor, type PostmortemAccess, type PostmortemPermission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PostmortemStatus } from "@/lib/generated/prisma/enums";

export type Tx = Prisma.TransactionClient;
export type LoadedAccess = PostmortemAccess & {
  id: string;
  seq: number;
  /** The seq at which the edit's client mutation id was already applied (a retry), when the lock asked for it. */
  appliedSeq: number | null;
};

/**
 * How a writer takes the postmortem: `true` locks the row FOR UPDATE; with the edit's client mutation id
 * the same statement also answers whether that edit was applied before (`appliedSeq`).
 */
export type LockOption = boolean | { clientMutationId?: string | null };

const accessSelect = {
  id: true,
  seq: true,
  restricted: true,
  status: true,
  facilitatorId: true,
  createdById: true,
  participants: { select: { userId: true, role: true } },
} as const;

/**
 * Loads what authorisation needs. With `lock`, the postmortem row is locked FOR UPDATE first, so that
 * concurrent writers to one postmortem are serialised (their seq numbers and conflict checks stay exact).
 */
export async function loadAccess(db: Tx, id: string, lock: LockOption = false): Promise<LoadedAccess | null> {
  if (lock) {
    // Lock, load and look up the retry in one round trip (migration 20261201180000_write_lock): every writer
    // of this postmortem waits here, so the lock is held from this statement to commit and each round trip
    // inside it delays the next editor.
    const clientMutationId = typeof lock === "object" ? (lock.clientMutationId ?? null) : null;
    const [row] = await db.$queryRaw<(Omit<LoadedAccess, "status"> & { status: PostmortemStatus })[]>`
      SELECT * FROM postmortem_lock_for_write(${id}, ${clientMutationId}::text)`;
    return row ?? null;
  }
  const row = await db.postmortem.findFirst({ where: { id, deletedAt: null }, select: accessSelect });
  return row && { ...row, appliedSeq: null };
}

/**
 * Throws unless the actor may do this. A postmortem the actor may not see is NOT_FOUND (not FORBIDDEN),
 * so its existence is not revealed; a published one answers READ_ONLY to edits.
 */
export function assertCan(actor: Actor, permission: PostmortemPermission, access: LoadedAccess | null): asserts access is LoadedAccess {
  if (!access || !can(actor, "view", access)) throw new AppError("NOT_FOUND");
  if (can(actor, permission, access)) return;
  if (permission === "edit" && access.status === "PUBLISHED" && actor.role !== "VIEWER") throw new AppError("READ_ONLY");
  throw new AppError("FORBIDDEN");
}

/** Refuses, at the field, a change to a field that needs more than "edit" (see GUARDED_FIELDS). */
export function assertMayChangeFields(actor: Actor, access: LoadedAccess, fields: string[]): void {
  for (const field of fields) {
    const guard = GUARDED_FIELDS[field];
    if (guard && !can(actor, guard.permission, access)) {
      throw new AppError("FORBIDDEN", { message: guard.message, fieldErrors: { [field]: [guard.message] } });
    }
  }
}

/** Who takes part in a restricted postmortem decides who sees it: that is an access change. */
export function assertMayChangeParticipants(actor: Actor, access: LoadedAccess): void {
  if (access.restricted && !can(actor, "changeAccess", access)) {
    throw new AppError("FORBIDDEN", {
      message: "Only the facilitator or an administrator can change who takes part in a restricted postmortem.",
    });
  }
}

/** Whether the actor may see the postmortem at all (pages decide 404 with this before rendering). */
export async function isPostmortemVisible(actor: Actor, id: string): Promise<boolean> {
  const access = await loadAccess(getDb(), id);
  return !!access && can(actor, "view", access);
}

export async function authorize(db: Tx, actor: Actor, id: string, permission: PostmortemPermission, lock: LockOption = false) {
  const access = await loadAccess(db, id, lock);
  assertCan(actor, permission, access);
  return access;
}
