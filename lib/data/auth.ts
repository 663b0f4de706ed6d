import "server-only";
import bcrypt from "bcryptjs";
import { getDb } from "@/lib/db/client";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/data/audit";

export type SessionUser = { id: string; email: string; name: string; role: OrgRole; sessionId: string };

export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  perAccount: 5,
  perIp: 30,
} as const;

const SESSION_HOURS = 12;
const BCRYPT_COST = 10;
let dummyHash: string | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

type VerifyResult =
  | { ok: true; user: { id: string; email: string; name: string }; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

async function lockedFor(keys: string[]): Promise<number> {
  const rows = await getDb().loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until > 0 ? Math.ceil((until - Date.now()) / 1000) : 0;
}

/** Counts one failure atomically (a new window starts when the old one has passed) and locks at the limit. */
async function countFailure(key: string, limit: number): Promise<void> {
  const db = getDb();
  const window = `${THROTTLE.windowMinutes} minutes`;
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "updatedAt")
    VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${window}::interval
                        THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${window}::interval
                           THEN now() ELSE "LoginThrottle"."windowStart" END,
      "updatedAt" = now()
    RETURNING "failures"`;
  if ((rows[0]?.failures ?? 0) >= limit) {
    await db.loginThrottle.update({
      where: { key },
      data: { lockedUntil: new Date(Date.now() + THROTTLE.lockMinutes * 60_000), failures: 0, windowStart: new Date() },
    });
  }
}

/**
 * Checks a sign-in attempt. Unknown email, wrong password and disabled account give the same answer
 * and take about the same time (a hash is always compared), so the response reveals nothing.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  client: { ip: string; userAgent: string | null },
): Promise<VerifyResult> {
  const db = getDb();
  const keys = [`email:${email}`, `ip:${client.ip}`];
  const retryAfterSeconds = await lockedFor(keys);
  if (retryAfterSeconds > 0) {
    await recordAudit({ kind: "signin.throttled", detail: { email }, ip: client.ip });
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }
  const user = await db.user.findUnique({ where: { email } });
  dummyHash ??= await bcrypt.hash("not-a-real-password", BCRYPT_COST);
  const matches = await bcrypt.compare(password, user?.passwordHash ?? dummyHash);
  if (!user || user.disabled || !matches) {
    await countFailure(keys[0], THROTTLE.perAccount);
    await countFailure(keys[1], THROTTLE.perIp);
    await recordAudit({ userId: user?.id, kind: "signin.failure", detail: { email }, ip: client.ip });
    return { ok: false, reason: "invalid" };
  }
  await db.loginThrottle.deleteMany({ where: { key: keys[0] } });
  const session = await db.authSession.create({
    data: {
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    },
  });
  await recordAudit({ userId: user.id, kind: "signin.success", ip: client.ip });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionId: session.id };
}

export async function getActiveSessionUser(sessionId: string): Promise<SessionUser | null> {
  const db = getDb();
  const row = await db.authSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  const now = Date.now();
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now || row.user.disabled) return null;
  if (now - row.lastSeenAt.getTime() > 5 * 60_000) {
    await db.authSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  const { id, email, name, role } = row.user;
  return { id, email, name, role, sessionId };
}

export async function revokeSession(sessionId: string, userId: string): Promise<void> {
  await getDb().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAudit({ userId, kind: "signout" });
}
