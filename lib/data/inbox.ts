import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { NOTIFICATION_KIND_LIST, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/domain/notifications";

// A person's own inbox and preferences: every call is scoped to the actor, so nobody reads another's.

export type InboxItem = { id: string; kind: string; title: string; body: string; link: string; createdAt: string; read: boolean };

const visible = (actor: Actor) => ({ userId: actor.id, inApp: true, OR: [{ postmortemId: null }, { postmortem: { deletedAt: null } }] });

export async function countUnread(actor: Actor): Promise<number> {
  return getDb().notification.count({ where: { ...visible(actor), readAt: null } });
}

export async function listInbox(actor: Actor, take = 50): Promise<InboxItem[]> {
  const rows = await getDb().notification.findMany({ where: visible(actor), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  }));
}

/** Marks some (or, without ids, all) of the actor's notifications read. */
export async function markRead(actor: Actor, ids?: string[]): Promise<void> {
  await getDb().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
}

export type Preference = { kind: NotificationKind; label: string; inApp: boolean; email: boolean };

export async function getPreferences(actor: Actor): Promise<Preference[]> {
  const rows = await getDb().notificationPreference.findMany({ where: { userId: actor.id } });
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KIND_LIST.map((kind) => ({
    kind,
    label: NOTIFICATION_KINDS[kind],
    inApp: byKind.get(kind)?.inApp ?? true,
    email: byKind.get(kind)?.email ?? true,
  }));
}

export async function setPreference(actor: Actor, input: { kind: NotificationKind; inApp: boolean; email: boolean }): Promise<void> {
  await getDb().notificationPreference.upsert({
    where: { userId_kind: { userId: actor.id, kind: input.kind } },
    create: { userId: actor.id, ...input },
    update: { inApp: input.inApp, email: input.email },
  });
}
