import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getActiveSessionUser, hashPassword, revokeSession, THROTTLE, verifyCredentials } from "@/lib/data/auth";
import { registerUser, updateUser } from "@/lib/data/users";
import { createTestUser } from "@/test/factories";

async function userWithPassword(password: string) {
  const email = `pw-${Math.random().toString(36).slice(2)}@test.example`;
  const user = await getDb().user.create({ data: { email, name: "Pat", passwordHash: await hashPassword(password) } });
  return user;
}

const client = (ip = `10.0.0.${Math.floor(Math.random() * 250)}`) => ({ ip, userAgent: "vitest" });

describe("verifyCredentials", () => {
  it("signs in with the right password and opens a server-side session", async () => {
    const user = await userWithPassword("correct horse battery");
    const result = await verifyCredentials(user.email, "correct horse battery", client());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await getActiveSessionUser(result.sessionId)).toMatchObject({ id: user.id, role: "MEMBER" });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await userWithPassword("correct horse battery");
    const wrong = await verifyCredentials(user.email, "nope", client());
    const unknown = await verifyCredentials("nobody@test.example", "nope", client());
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("locks an account after repeated failures, even against the right password, with a retry time", async () => {
    const user = await userWithPassword("correct horse battery");
    for (let i = 0; i < THROTTLE.perAccount; i++) await verifyCredentials(user.email, `bad-${i}`, client());
    const locked = await verifyCredentials(user.email, "correct horse battery", client());
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (locked.ok || locked.reason !== "throttled") return;
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.lockMinutes * 60);
  });

  it("throttles one address trying many accounts", async () => {
    const ip = "10.9.9.9";
    for (let i = 0; i < THROTTLE.perIp; i++) await verifyCredentials(`spray-${i}@test.example`, "x", client(ip));
    const user = await userWithPassword("correct horse battery");
    expect(await verifyCredentials(user.email, "correct horse battery", client(ip))).toMatchObject({ reason: "throttled" });
    expect((await verifyCredentials(user.email, "correct horse battery", client("10.8.8.8"))).ok).toBe(true);
  }, 180_000);
});

describe("sessions", () => {
  it("ends a session on sign-out and all of a user's sessions when an admin disables them", async () => {
    const user = await userWithPassword("correct horse battery");
    const a = await verifyCredentials(user.email, "correct horse battery", client());
    const b = await verifyCredentials(user.email, "correct horse battery", client());
    if (!a.ok || !b.ok) throw new Error("sign-in failed");
    await revokeSession(a.sessionId, user.id);
    expect(await getActiveSessionUser(a.sessionId)).toBeNull();
    expect(await getActiveSessionUser(b.sessionId)).not.toBeNull();

    const admin = await createTestUser("ADMIN");
    await updateUser(admin, { userId: user.id, disabled: true });
    expect(await getActiveSessionUser(b.sessionId)).toBeNull();
    expect(await verifyCredentials(user.email, "correct horse battery", client())).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("accounts", () => {
  it("only admins change roles, and the last active admin cannot be demoted", async () => {
    const member = await createTestUser("MEMBER");
    const target = await createTestUser("MEMBER");
    await expect(updateUser(member, { userId: target.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admins = await getDb().user.findMany({ where: { role: "ADMIN", disabled: false } });
    const admin = admins[0] ?? (await createTestUser("ADMIN"));
    await getDb().user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { disabled: true } });
    await expect(updateUser({ id: admin.id, role: "ADMIN" }, { userId: admin.id, role: "MEMBER" })).rejects.toMatchObject({
      code: "LAST_ADMIN",
    });
    await getDb().user.updateMany({ where: { role: "ADMIN" }, data: { disabled: false } });
  });

  it("closes self-registration once accounts exist unless ALLOW_SIGNUP is on", async () => {
    await createTestUser("MEMBER");
    await expect(registerUser({ name: "Late", email: "late@test.example", password: "long-enough-pw" })).rejects.toMatchObject({
      code: "SIGNUP_CLOSED",
    });
  });
});
