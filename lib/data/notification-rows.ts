import "server-only";
import type { Tx } from "@/lib/data/access";
import type { NotificationKind } from "@/lib/domain/notifications";

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  postmortemId: string | null;
  title: string;
  body: string;
  link: string;
  dedupeKey: string;
};

/**
 * Stores notifications as each person's preferences ask (no row when they want neither the inbox nor
 * email). The unique dedupeKey makes a repeat (a retry, a second process) a no-op. Returns how many were
 * new and which of the new ones should be emailed.
 */
export async function storeNotifications(tx: Tx, items: NewNotification[]): Promise<{ created: number; emailIds: string[] }> {
  if (items.length === 0) return { created: 0, emailIds: [] };
  const userIds = [...new Set(items.map((i) => i.userId))];
  const [prefs, users] = await Promise.all([
    tx.notificationPreference.findMany({ where: { userId: { in: userIds } } }),
    tx.user.findMany({ where: { id: { in: userIds }, disabled: false }, select: { id: true } }),
  ]);
  const active = new Set(users.map((u) => u.id));
  const pref = new Map(prefs.map((p) => [`${p.userId}:${p.kind}`, p]));
  const rows = items
    .filter((i) => active.has(i.userId))
    .map((i) => {
      const p = pref.get(`${i.userId}:${i.kind}`);
      return { ...i, inApp: p?.inApp ?? true, emailWanted: p?.email ?? true };
    })
    .filter((r) => r.inApp || r.emailWanted);
  let created = 0;
  const emailIds: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await tx.notification.createManyAndReturn({
      data: rows.slice(i, i + 1000),
      skipDuplicates: true,
      select: { id: true, emailWanted: true },
    });
    created += inserted.length;
    emailIds.push(...inserted.filter((r) => r.emailWanted).map((r) => r.id));
  }
  return { created, emailIds };
}
