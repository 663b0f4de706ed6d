// The self-service actions left out of the permission matrix act only on the signed-in person's own
// sessions, notifications and preferences: aimed at someone else's, they change nothing.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { endAllMySessions, endMySession } from "@/lib/data/sessions";
import { markRead, setPreference } from "@/lib/data/inbox";
import { createTestUser } from "@/test/factories";

const inAnHour = () => new Date(Date.now() + 3_600_000);

describe("self-service actions touch only one's own data", () => {
  it("ending a session: someone else's session is not found and stays open", async () => {
    const [me, other] = await Promise.all([createTestUser(), createTestUser()]);
    const theirs = await getDb().authSession.create({ data: { userId: other.id, expiresAt: inAnHour() } });
    await expect(endMySession(me, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" } satisfies Partial<AppError>);
    await endAllMySessions(me, { keepCurrent: false });
    expect((await getDb().authSession.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  });

  it("marking notifications read: another person's stay unread, even when named", async () => {
    const [me, other] = await Promise.all([createTestUser(), createTestUser()]);
    const note = (userId: string, n: number) =>
      getDb().notification.create({ data: { userId, kind: "mentioned", title: `Note ${n}`, dedupeKey: `self-service:${userId}:${n}` } });
    const [mine, theirs] = await Promise.all([note(me.id, 1), note(other.id, 2)]);
    await markRead(me, [mine.id, theirs.id]);
    await markRead(me);
    const rows = await getDb().notification.findMany({ where: { id: { in: [mine.id, theirs.id] } } });
    expect(rows.find((r) => r.id === mine.id)?.readAt).not.toBeNull();
    expect(rows.find((r) => r.id === theirs.id)?.readAt).toBeNull();
  });

  it("a notification preference is stored for its owner only", async () => {
    const [me, other] = await Promise.all([createTestUser(), createTestUser()]);
    await setPreference(me, { kind: "mentioned", inApp: false, email: false });
    expect(await getDb().notificationPreference.findMany({ where: { userId: { in: [me.id, other.id] } } })).toEqual([
      { userId: me.id, kind: "mentioned", inApp: false, email: false },
    ]);
  });
});
