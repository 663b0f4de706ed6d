import "server-only";
import { getDb } from "@/lib/db/client";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/data/audit";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/password";

export { hashPassword };

export type SessionUser = { id: string; email: string; name: string; role: OrgRole; sessionId: string };

export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  perAccount: 5,
  perIp: 30,
} as const;

export const SESSION = {
  /** A session ends this long after sign-in, whatever happens. */
  maxHours: 12,
  /** …or after this long without a request (SESSION_IDLE_MINUTES). */
  idleMinutes: Number(process.env.SESSION_IDLE_MINUTES) > 0 ? Number(process.env.SESSION_IDLE_MINUTES) : 60,
  /** lastSeenAt is written at most this often, so reads stay cheap. */
  touchMinutes: 2,
} as const;

type VerifyResult =
  | { ok: true; user: { id: string; email: string; name: string }; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

type Reservation = { key: string; attempts: number; lockedUntil: Date | null; limit: number };

/**
 * Reserves one attempt for `key` before any password is compared: one atomic upsert counts it (a new
 * window starts when the old one has passed and no lock holds), so concurrent attempts each see their own
 * number and no more than `limit` of them are ever evaluated.
 */
async function reserve(key: string, limit: number): Promise<Reservation> {
  const window = `${THROTTLE.windowMinutes} minutes`;
  const rows = await getDb().$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "updatedAt")
    VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${window}::interval
                         AND ("LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" < now())
                        THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${window}::interval
                            AND ("LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" < now())
                           THEN now() ELSE "LoginThrottle"."windowStart" END,
      "updatedAt" = now()
    RETURNING "failures", "lockedUntil"`;
  return { key, limit, attempts: rows[0].failures, lockedUntil: rows[0].lockedUntil };
}

function blockedFor(r: Reservation): number {
  const lockLeft = r.lockedUntil ? Math.ceil((r.lockedUntil.getTime() - Date.now()) / 1000) : 0;
  if (lockLeft > 0) return lockLeft;
  return r.attempts > r.limit ? THROTTLE.lockMinutes * 60 : 0;
}

function release(key: string) {
  return getDb().$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
}

/** A failed attempt that used up the allowance locks the key. */
async function lockIfExhausted(r: Reservation): Promise<void> {
  if (r.attempts < r.limit) return;
  await getDb().loginThrottle.update({
    where: { key: r.key },
    data: { lockedUntil: new Date(Date.now() + THROTTLE.lockMinutes * 60_000) },
  });
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
  const reservations = await Promise.all([reserve(`email:${email}`, THROTTLE.perAccount), reserve(`ip:${client.ip}`, THROTTLE.perIp)]);
  const retryAfterSeconds = Math.max(...reservations.map(blockedFor));
  if (retryAfterSeconds > 0) {
    // Nothing was compared, so the keys that did not block get their attempt back: hammering one locked
    // account does not also use up everyone's allowance at that address.
    await Promise.all(reservations.filter((r) => blockedFor(r) === 0).map((r) => release(r.key)));
    await recordAudit({ kind: "signin.throttled", detail: { email }, ip: client.ip });
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }
  const user = await db.user.findUnique({ where: { email } });
  const check = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || user.disabled || !check.matches) {
    await Promise.all(reservations.map(lockIfExhausted));
    await recordAudit({ userId: user?.id, kind: "signin.failure", detail: { email }, ip: client.ip });
    return { ok: false, reason: "invalid" };
  }
  // A good password clears the account's count and gives the address its attempt back.
  await db.loginThrottle.deleteMany({ where: { key: reservations[0].key } });
  await release(reservations[1].key);
  if (check.needsRehash) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  const session = await db.authSession.create({
    data: {
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION.maxHours * 3600_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    },
  });
  await recordAudit({ userId: user.id, kind: "signin.success", ip: client.ip });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name }, sessionId: session.id };
}

type SessionRow = Pick<SessionUser, "id" | "email" | "name" | "role"> & {
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
  disabled: boolean;
};

/** The session's user while the session is unrevoked, unexpired, not idle too long and its user enabled. */
export async function getActiveSessionUser(sessionId: string): Promise<SessionUser | null> {
  const db = getDb();
  // Every signed-in request asks this, so it is one joined query (an `include` costs a second round trip).
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."revokedAt", s."expiresAt", s."lastSeenAt", u."id", u."email", u."name", u."role"::text AS "role", u."disabled"
    FROM "AuthSession" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${sessionId}`;
  const now = Date.now();
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now || row.disabled) return null;
  if (now - row.lastSeenAt.getTime() > SESSION.idleMinutes * 60_000) {
    await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > SESSION.touchMinutes * 60_000) {
    await db.authSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  const { id, email, name, role } = row;
  return { id, email, name, role, sessionId };
}

export async function revokeSession(sessionId: string, userId: string | null): Promise<void> {
  const { count } = await getDb().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count > 0) await recordAudit({ userId, kind: "signout" });
}
