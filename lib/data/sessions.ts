import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/data/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/data/auth";

export type SessionSummary = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

/** The actor's sessions that still work, newest activity first. */
export async function listMySessions(actor: SessionUser): Promise<SessionSummary[]> {
  const rows = await getDb().authSession.findMany({
    where: { userId: actor.id, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }));
}

/** Ends one of the actor's own sessions (someone else's session id is simply not found). */
export async function endMySession(actor: SessionUser, sessionId: string): Promise<void> {
  const { count } = await getDb().authSession.updateMany({
    where: { id: sessionId, userId: actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", { message: "That session has already ended." });
  await recordAudit({ userId: actor.id, kind: "signout", detail: { sessionId } });
}

/** Ends every session of the actor, this one included unless `keepCurrent`. */
export async function endAllMySessions(actor: SessionUser, options: { keepCurrent: boolean }): Promise<number> {
  const { count } = await getDb().authSession.updateMany({
    where: { userId: actor.id, revokedAt: null, ...(options.keepCurrent ? { id: { not: actor.sessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  await recordAudit({ userId: actor.id, kind: "signout.everywhere", detail: { ended: count, keptCurrent: options.keepCurrent } });
  return count;
}

const WRONG_CURRENT = "That is not your current password.";

/** Changes the actor's password after checking the current one; every other session ends. */
export async function changeMyPassword(actor: SessionUser, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  const check = await verifyPassword(input.currentPassword, user.passwordHash);
  if (!check.matches) throw new AppError("VALIDATION", { fieldErrors: { currentPassword: [WRONG_CURRENT] } });
  if (input.currentPassword === input.newPassword) {
    throw new AppError("VALIDATION", { fieldErrors: { newPassword: ["Choose a password different from the current one."] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: actor.id }, data: { passwordHash } }),
    db.authSession.updateMany({
      where: { userId: actor.id, revokedAt: null, id: { not: actor.sessionId } },
      data: { revokedAt: new Date() },
    }),
  ]);
  await recordAudit({ userId: actor.id, kind: "password.changed" });
}
