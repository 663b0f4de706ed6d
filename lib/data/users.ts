import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canOrg, type Actor } from "@/lib/auth/permissions";
import { readEnv } from "@/lib/env";
import { hashPassword } from "@/lib/data/auth";
import { recordAudit } from "@/lib/data/audit";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export type UserSummary = { id: string; name: string; email: string; role: OrgRole; disabled: boolean };
export type UserOption = { id: string; name: string };

const summarySelect = { id: true, name: true, email: true, role: true, disabled: true } as const;

function requireAdmin(actor: Actor) {
  if (!canOrg(actor, "manageUsers")) throw new AppError("FORBIDDEN");
}

export async function listUsers(actor: Actor): Promise<UserSummary[]> {
  requireAdmin(actor);
  return getDb().user.findMany({ select: summarySelect, orderBy: [{ disabled: "asc" }, { name: "asc" }] });
}

/** Active people who can be picked as facilitator, participant or action owner. */
export async function listUserOptions(actor: Actor): Promise<UserOption[]> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return getDb().user.findMany({ where: { disabled: false }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

const emailTaken = () => new AppError("EMAIL_TAKEN", { fieldErrors: { email: ["An account with that email already exists."] } });

async function insertUser(input: { name: string; email: string; password: string; role: OrgRole }) {
  const db = getDb();
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, role: input.role, passwordHash: await hashPassword(input.password) },
      select: summarySelect,
    });
  } catch (error) {
    // Two administrators adding the same address at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

export async function createUser(
  actor: Actor,
  input: { name: string; email: string; password: string; role: OrgRole },
): Promise<UserSummary> {
  requireAdmin(actor);
  const user = await insertUser(input);
  await recordAudit({ userId: actor.id, kind: "user.created", detail: { createdUserId: user.id, role: user.role } });
  return user;
}

// Any constant works; it only has to be the same for every registration.
const REGISTRATION_LOCK = 73_170_001;

/**
 * Self-registration: the very first account becomes the administrator; later ones need ALLOW_SIGNUP=true.
 * Registrations are serialised by a transaction-scoped advisory lock, so of several sign-ups racing on an
 * empty database exactly one becomes the administrator.
 */
export async function registerUser(input: { name: string; email: string; password: string }): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  const user = await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTRATION_LOCK})`;
    const isFirst = (await tx.user.count()) === 0;
    if (!isFirst && !readEnv().allowSignup) throw new AppError("SIGNUP_CLOSED");
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("EMAIL_TAKEN", { fieldErrors: { email: ["An account with that email already exists."] } });
    }
    return tx.user.create({
      data: { name: input.name, email: input.email, role: isFirst ? "ADMIN" : "MEMBER", passwordHash },
      select: summarySelect,
    });
  });
  await recordAudit({ userId: user.id, kind: "user.registered", detail: { role: user.role } });
  return user;
}

/** An administrator sets someone's password (they forgot it); every session of that person ends. */
export async function resetUserPassword(actor: Actor, input: { userId: string; password: string }): Promise<void> {
  requireAdmin(actor);
  const db = getDb();
  const passwordHash = await hashPassword(input.password);
  const { count } = await db.user.updateMany({ where: { id: input.userId }, data: { passwordHash } });
  if (count === 0) throw new AppError("NOT_FOUND", { message: "That user does not exist." });
  await db.authSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAudit({ userId: actor.id, kind: "password.reset", detail: { targetId: input.userId } });
}

export async function signupState(): Promise<{ open: boolean; firstAccount: boolean }> {
  const firstAccount = (await getDb().user.count()) === 0;
  return { open: firstAccount || readEnv().allowSignup, firstAccount };
}

export async function updateUser(actor: Actor, input: { userId: string; role?: OrgRole; disabled?: boolean }): Promise<UserSummary> {
  requireAdmin(actor);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: summarySelect });
    if (!target) throw new AppError("NOT_FOUND", { message: "That user does not exist." });
    const losesAdmin = target.role === "ADMIN" && !target.disabled && ((input.role && input.role !== "ADMIN") || input.disabled === true);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "ADMIN", disabled: false } });
      if (admins <= 1) throw new AppError("LAST_ADMIN");
    }
    const updated = await tx.user.update({
      where: { id: input.userId },
      data: { role: input.role, disabled: input.disabled },
      select: summarySelect,
    });
    if (input.disabled === true) {
      // Disabling ends every session of that user on its next request.
      await tx.authSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await tx.auditEvent.create({
      data: { userId: actor.id, kind: "user.updated", detail: { targetId: input.userId, role: input.role, disabled: input.disabled } },
    });
    return updated;
  });
}
