import "server-only";
import { getDb } from "@/lib/db/client";
import { storeNotifications, type NewNotification } from "@/lib/data/notification-rows";
import { actionReminder, reminderHorizon, reviewReminder } from "@/lib/domain/notifications";
import { reviewClock } from "@/lib/domain/deadlines";
import { toIsoDay } from "@/lib/domain/dates";

// Reminders owed at `now`: actions due in 3 days, today, overdue (then weekly), and reviews due within
// 12 h or overdue. `now` is an argument so the clock can be controlled; each reminder's dedupeKey names
// its occurrence, so running this again, after a restart or in another process creates nothing new.

export async function runReminders(now: Date): Promise<{ created: number; emailIds: string[] }> {
  const db = getDb();
  const actions = await db.correctiveAction.findMany({
    where: {
      deletedAt: null,
      status: { in: ["OPEN", "IN_PROGRESS"] },
      ownerId: { not: null },
      deadline: { not: null, lte: reminderHorizon(now) },
      postmortem: { deletedAt: null },
    },
    select: {
      id: true,
      number: true,
      action: true,
      ownerId: true,
      deadline: true,
      postmortem: { select: { id: true, incidentKey: true } },
    },
  });
  const items: NewNotification[] = [];
  for (const a of actions) {
    const reminder = actionReminder(a.id, a.deadline!, now);
    if (!reminder) continue;
    const due = toIsoDay(a.deadline!);
    const title =
      reminder.kind === "action_due_soon"
        ? `Action #${a.number} of ${a.postmortem.incidentKey} is due in 3 days (${due})`
        : reminder.kind === "action_due_today"
          ? `Action #${a.number} of ${a.postmortem.incidentKey} is due today`
          : `Action #${a.number} of ${a.postmortem.incidentKey} is overdue (was due ${due})`;
    items.push({
      userId: a.ownerId!,
      kind: reminder.kind,
      postmortemId: a.postmortem.id,
      title,
      body: a.action,
      link: `/postmortems/${a.postmortem.id}#actions`,
      dedupeKey: reminder.dedupeKey,
    });
  }
  const reviews = await db.postmortem.findMany({
    where: { deletedAt: null, status: { not: "PUBLISHED" }, severity: { not: "LOW" }, meetingDate: null, facilitatorId: { not: null } },
    select: {
      id: true,
      incidentKey: true,
      incidentName: true,
      severity: true,
      incidentDate: true,
      meetingDate: true,
      status: true,
      facilitatorId: true,
      timeline: { where: { deletedAt: null, milestone: "RESOLVED" }, select: { occurredAt: true, milestone: true } },
    },
  });
  for (const pm of reviews) {
    const clock = reviewClock({ ...pm, timeline: pm.timeline }, now);
    if (!clock.dueAt || (clock.state !== "due" && clock.state !== "overdue")) continue;
    const reminder = reviewReminder(pm.id, clock.dueAt, now);
    if (!reminder) continue;
    const title =
      reminder.kind === "review_overdue"
        ? `The review of ${pm.incidentKey} is overdue`
        : `The review of ${pm.incidentKey} is due within 12 hours`;
    items.push({
      userId: pm.facilitatorId!,
      kind: reminder.kind,
      postmortemId: pm.id,
      title,
      body: pm.incidentName,
      link: `/postmortems/${pm.id}`,
      dedupeKey: reminder.dedupeKey,
    });
  }
  return db.$transaction((tx) => storeNotifications(tx, items), { timeout: 120_000 });
}
