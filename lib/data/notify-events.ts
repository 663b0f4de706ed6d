import "server-only";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { loadAccess, type Tx } from "@/lib/data/access";
import { storeNotifications, type NewNotification } from "@/lib/data/notification-rows";
import { publicationPayload, queueTeamDeliveries } from "@/lib/data/webhooks";
import { newMentions, type MentionablePerson } from "@/lib/domain/notifications";

// Notifications derived from the DocEvent log, the stable record of every change: a cursor per postmortem
// says how far it has been read. Each postmortem is processed in one transaction holding its cursor row,
// so two processes never announce the same event, and a crash replays from the last committed cursor.

type Event = {
  id: string;
  seq: number;
  actorId: string | null;
  entity: string;
  entityId: string | null;
  field: string | null;
  before: unknown;
  after: unknown;
};

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

export type NotifyResult = { events: number; emailIds: string[]; deliveryIds: string[] };

/** Reads every postmortem's new DocEvents (up to `limit` postmortems per call). */
export async function processDocEventLog(limit = 50, budgetMs = 20_000): Promise<NotifyResult> {
  const db = getDb();
  const started = Date.now();
  const people = await db.user.findMany({ where: { disabled: false }, select: { id: true, name: true, email: true } });
  const result: NotifyResult = { events: 0, emailIds: [], deliveryIds: [] };
  // A backlog (after an outage, or a bulk import) is worked off batch by batch within one run's time budget.
  for (;;) {
    const pending = await db.$queryRaw<{ id: string }[]>`
      SELECT p."id" FROM "Postmortem" p LEFT JOIN "NotificationCursor" c ON c."postmortemId" = p."id"
      WHERE p."seq" > COALESCE(c."seq", 0) ORDER BY p."updatedAt" LIMIT ${limit}`;
    for (const { id } of pending) {
      const r = await db.$transaction((tx) => processPostmortem(tx, id, people), { timeout: 30_000 });
      result.events += r.events;
      result.emailIds.push(...r.emailIds);
      result.deliveryIds.push(...r.deliveryIds);
    }
    if (pending.length < limit || Date.now() - started > budgetMs) return result;
  }
}

async function processPostmortem(tx: Tx, postmortemId: string, people: MentionablePerson[]): Promise<NotifyResult> {
  await tx.$executeRaw`INSERT INTO "NotificationCursor" ("postmortemId", "seq", "updatedAt") VALUES (${postmortemId}, 0, now())
    ON CONFLICT ("postmortemId") DO NOTHING`;
  const [{ seq: from }] = await tx.$queryRaw<{ seq: number }[]>`
    SELECT "seq" FROM "NotificationCursor" WHERE "postmortemId" = ${postmortemId} FOR UPDATE`;
  const events: Event[] = await tx.docEvent.findMany({
    where: { postmortemId, seq: { gt: from } },
    orderBy: { seq: "asc" },
    take: 500,
    select: { id: true, seq: true, actorId: true, entity: true, entityId: true, field: true, before: true, after: true },
  });
  if (events.length === 0) {
    // Nothing in the log past the cursor (the postmortem's seq was set without events): catch the cursor up.
    await tx.$executeRaw`UPDATE "NotificationCursor" c SET "seq" = p."seq" FROM "Postmortem" p
      WHERE p."id" = c."postmortemId" AND c."postmortemId" = ${postmortemId}`;
    return { events: 0, emailIds: [], deliveryIds: [] };
  }
  const pm = await tx.postmortem.findUniqueOrThrow({
    where: { id: postmortemId },
    select: { id: true, incidentKey: true, incidentName: true, teamId: true, deletedAt: true },
  });
  const access = await loadAccess(tx, postmortemId);
  const roles = new Map(people.map((p) => [p.id, p]));
  const userRoles = await tx.user.findMany({ where: { id: { in: people.map((p) => p.id) } }, select: { id: true, role: true } });
  const roleOf = new Map(userRoles.map((u) => [u.id, u.role]));
  // A restricted postmortem is announced only to people who may open it.
  const mayRead = (userId: string) => !!access && can({ id: userId, role: roleOf.get(userId) ?? "VIEWER" }, "view", access);
  const link = `/postmortems/${pm.id}`;
  const label = `${pm.incidentKey} ${pm.incidentName}`;
  const out: NewNotification[] = [];
  const notify = (userId: unknown, kind: NewNotification["kind"], e: Event, title: string, body = "") => {
    if (typeof userId !== "string" || userId === e.actorId || !roles.has(userId) || !mayRead(userId)) return;
    out.push({ userId, kind, postmortemId: pm.id, title, body, link, dedupeKey: `${kind}:${e.id}:${userId}` });
  };
  const deliveryIds: string[] = [];
  for (const e of pm.deletedAt ? [] : events) {
    const after = obj(e.after);
    if (e.entity === "participant" && e.field === null && e.after)
      notify(after.userId, "participant_added", e, `You were added to ${label}`);
    if (e.entity === "action" && e.field === null && after.ownerId) {
      notify(after.ownerId, "action_assigned", e, `You own action #${after.number} of ${pm.incidentKey}`, String(after.action ?? ""));
    }
    if (e.entity === "action" && e.field === "ownerId")
      notify(e.after, "action_assigned", e, `You were assigned an action of ${pm.incidentKey}`);
    if (e.entity === "postmortem" && e.field === "status" && e.after === "PUBLISHED") {
      const payload = await publicationPayload(tx, pm.id);
      for (const userId of await publicationRecipients(tx, pm.id, pm.teamId)) {
        notify(userId, "published_to_team", e, `Published: ${label}`, payload.text);
      }
      deliveryIds.push(...(await queueTeamDeliveries(tx, pm.id, pm.teamId, payload)));
    }
    for (const userId of newMentions(e.before, e.after, people)) {
      notify(userId, "mentioned", e, `You were mentioned in ${pm.incidentKey}`, String(e.after).slice(0, 500));
    }
  }
  const { emailIds } = await storeNotifications(tx, out);
  await tx.notificationCursor.update({ where: { postmortemId }, data: { seq: events[events.length - 1].seq } });
  return { events: events.length, emailIds, deliveryIds };
}

/** The owning team's members plus the distribution list (its people and its teams' members). */
async function publicationRecipients(tx: Tx, postmortemId: string, teamId: string | null): Promise<string[]> {
  const list = await tx.distributionEntry.findMany({ where: { postmortemId }, select: { teamId: true, userId: true } });
  const teamIds = [...new Set([teamId, ...list.map((d) => d.teamId)].filter((t): t is string => !!t))];
  const members = await tx.teamMember.findMany({ where: { teamId: { in: teamIds } }, select: { userId: true } });
  return [...new Set([...members.map((m) => m.userId), ...list.map((d) => d.userId).filter((u): u is string => !!u)])];
}
