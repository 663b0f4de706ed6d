import { afterAll, describe, expect, it, vi } from "vitest";
import bcrypt from "bcryptjs";
import { getDb } from "@/lib/db/client";
import { runMigrations } from "@/lib/db/migrate";
import { getActiveSessionUser, hashPassword, SESSION, THROTTLE, verifyCredentials } from "@/lib/data/auth";
import { changeMyPassword, endAllMySessions, endMySession, listMySessions } from "@/lib/data/sessions";
import { registerUser, resetUserPassword } from "@/lib/data/users";
import { verifyPassword } from "@/lib/auth/password";
import { createTestUser } from "@/test/factories";
import { freshDatabase } from "@/test/db";

const PASSWORD = "correct horse battery";
const client = (ip = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) => ({ ip, userAgent: "vitest" });

async function userWithHash(passwordHash: string) {
  const email = `hard-${Math.random().toString(36).slice(2)}@test.example`;
  return getDb().user.create({ data: { email, name: "Pat", passwordHash } });
}

async function signIn(email: string, password = PASSWORD) {
  const result = await verifyCredentials(email, password, client());
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  return result;
}

// Every attempt here runs a real scrypt hash on purpose; on a busy machine that takes a while.
vi.setConfig({ testTimeout: 180_000 });

describe("sign-in throttle under concurrency", () => {
  it("evaluates at most the per-account limit of 20 simultaneous wrong passwords", async () => {
    const user = await userWithHash(await hashPassword(PASSWORD));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyCredentials(user.email, `wrong-${i}`, client())));
    const evaluated = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(evaluated).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThanOrEqual(20 - THROTTLE.perAccount);
    expect(await verifyCredentials(user.email, PASSWORD, client())).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("does not count successful sign-ins against the address", async () => {
    const user = await userWithHash(await hashPassword(PASSWORD));
    const ip = client().ip;
    await getDb().loginThrottle.create({ data: { key: `ip:${ip}`, failures: THROTTLE.perIp - 1 } });
    for (let i = 0; i < 3; i++) expect((await verifyCredentials(user.email, PASSWORD, client(ip))).ok).toBe(true);
  });
});

describe("password hashing", () => {
  it("stores scrypt hashes and never truncates long passwords", async () => {
    const long = "x".repeat(100);
    const hash = await hashPassword(long);
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect((await verifyPassword(long, hash)).matches).toBe(true);
    expect((await verifyPassword("x".repeat(99) + "y", hash)).matches).toBe(false);
  });

  it("replaces an old bcrypt hash with scrypt at the next successful sign-in", async () => {
    const user = await userWithHash(await bcrypt.hash(PASSWORD, 4));
    await signIn(user.email);
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash.startsWith("scrypt$")).toBe(true);
    await signIn(user.email);
  });
});

describe("sessions", () => {
  it("ends a session that has been idle longer than the idle timeout", async () => {
    const user = await userWithHash(await hashPassword(PASSWORD));
    const { sessionId } = await signIn(user.email);
    await getDb().authSession.update({
      where: { id: sessionId },
      data: { lastSeenAt: new Date(Date.now() - (SESSION.idleMinutes + 1) * 60_000) },
    });
    expect(await getActiveSessionUser(sessionId)).toBeNull();
  });

  it("lists one's sessions, ends one, and signs out everywhere else", async () => {
    const user = await userWithHash(await hashPassword(PASSWORD));
    const [a, b, c] = [await signIn(user.email), await signIn(user.email), await signIn(user.email)];
    const me = (await getActiveSessionUser(a.sessionId))!;
    expect((await listMySessions(me)).map((s) => s.current).filter(Boolean)).toHaveLength(1);
    await endMySession(me, b.sessionId);
    expect(await getActiveSessionUser(b.sessionId)).toBeNull();
    const stranger = await createTestUser("MEMBER");
    await expect(endMySession(stranger, c.sessionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await endAllMySessions(me, { keepCurrent: true });
    expect(await getActiveSessionUser(c.sessionId)).toBeNull();
    expect(await getActiveSessionUser(a.sessionId)).not.toBeNull();
  });

  it("changes a password only with the current one, ending the other sessions", async () => {
    const user = await userWithHash(await hashPassword(PASSWORD));
    const [a, b] = [await signIn(user.email), await signIn(user.email)];
    const me = (await getActiveSessionUser(a.sessionId))!;
    await expect(changeMyPassword(me, { currentPassword: "nope", newPassword: "a brand new password" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    await changeMyPassword(me, { currentPassword: PASSWORD, newPassword: "a brand new password" });
    expect(await getActiveSessionUser(b.sessionId)).toBeNull();
    expect(await getActiveSessionUser(a.sessionId)).not.toBeNull();
    await signIn(user.email, "a brand new password");
  });

  it("lets only an administrator reset a password, which ends every session of that person", async () => {
    const user = await userWithHash(await hashPassword(PASSWORD));
    const { sessionId } = await signIn(user.email);
    const member = await createTestUser("MEMBER");
    await expect(resetUserPassword(member, { userId: user.id, password: "reset password 1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await resetUserPassword(await createTestUser("ADMIN"), { userId: user.id, password: "reset password 1" });
    expect(await getActiveSessionUser(sessionId)).toBeNull();
    await signIn(user.email, "reset password 1");
  });
});

describe("first administrator", () => {
  const sharedUrl = process.env.DATABASE_URL;
  afterAll(() => {
    process.env.DATABASE_URL = sharedUrl;
  });

  it("makes exactly one administrator of simultaneous registrations on an empty database", async () => {
    const scratch = await freshDatabase();
    try {
      await runMigrations(scratch.url);
      process.env.DATABASE_URL = scratch.url;
      const results = await Promise.allSettled(
        ["a", "b", "c", "d"].map((n) => registerUser({ name: n, email: `${n}@first.example`, password: "long enough password" })),
      );
      const roles = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.role] : []));
      expect(roles.filter((r) => r === "ADMIN")).toHaveLength(1);
      expect(await getDb().user.count({ where: { role: "ADMIN" } })).toBe(1);
      await getDb().$disconnect();
    } finally {
      process.env.DATABASE_URL = sharedUrl;
      await scratch.drop();
    }
  });
});
