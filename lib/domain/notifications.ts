import { addUtcDays, toIsoDay } from "./dates";

// What the inbox announces and when reminders fall due. Pure: the clock and the people are arguments.

export const NOTIFICATION_KINDS = {
  participant_added: "Added as a participant",
  action_assigned: "Assigned a corrective action",
  action_due_soon: "Action due in 3 days",
  action_due_today: "Action due today",
  action_overdue: "Action overdue (then weekly)",
  review_due_soon: "Review due within 12 hours",
  review_overdue: "Review overdue",
  published_to_team: "Postmortem published to your team",
  mentioned: "Mentioned with @name",
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, value);
}

const MS_PER_DAY = 86_400_000;

/** Whole UTC days from today to the deadline (negative once it has passed). */
export function daysUntil(deadline: Date | string, now: Date): number {
  const day = typeof deadline === "string" ? new Date(`${deadline.slice(0, 10)}T00:00:00Z`) : deadline;
  const today = Date.parse(`${toIsoDay(now)}T00:00:00Z`);
  return Math.round((Date.parse(`${toIsoDay(day)}T00:00:00Z`) - today) / MS_PER_DAY);
}

export type ActionReminder = { kind: "action_due_soon" | "action_due_today" | "action_overdue"; dedupeKey: string };

/**
 * The reminder an open action is owed today, if any: 3 days before, on the day, the day after the
 * deadline and then every 7 days. The key names the occurrence, so it is created once whoever runs it.
 */
export function actionReminder(actionId: string, deadline: Date | string, now: Date): ActionReminder | null {
  const days = daysUntil(deadline, now);
  const day = typeof deadline === "string" ? deadline.slice(0, 10) : toIsoDay(deadline);
  if (days === 3) return { kind: "action_due_soon", dedupeKey: `action_due_soon:${actionId}:${day}` };
  if (days === 0) return { kind: "action_due_today", dedupeKey: `action_due_today:${actionId}:${day}` };
  if (days < 0) {
    const week = Math.floor((-days - 1) / 7);
    return { kind: "action_overdue", dedupeKey: `action_overdue:${actionId}:${day}:${week}` };
  }
  return null;
}

/** The latest deadline that can owe a reminder today (3 days ahead). */
export const reminderHorizon = (now: Date): Date => addUtcDays(now, 3);

export type ReviewReminder = { kind: "review_due_soon" | "review_overdue"; dedupeKey: string };

/** A review still to be held: a reminder within 12 h of its 48-hour deadline, and once it is overdue. */
export function reviewReminder(postmortemId: string, dueAt: Date, now: Date): ReviewReminder | null {
  const ms = dueAt.getTime() - now.getTime();
  if (ms <= 0) return { kind: "review_overdue", dedupeKey: `review_overdue:${postmortemId}:${dueAt.toISOString()}` };
  if (ms <= 12 * 3_600_000) return { kind: "review_due_soon", dedupeKey: `review_due_soon:${postmortemId}:${dueAt.toISOString()}` };
  return null;
}

export type MentionablePerson = { id: string; name: string; email: string };

const MENTION = /(^|[^\w@])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu;

/** The handles a person answers to: first name, full name without spaces, and the email's local part. */
function handlesOf(p: MentionablePerson): string[] {
  const name = p.name.trim().toLowerCase();
  return [name.split(/\s+/)[0], name.replace(/\s+/g, ""), name.replace(/\s+/g, "."), p.email.split("@")[0].toLowerCase()].filter(Boolean);
}

/** People mentioned with @name in `text`; a handle shared by several people mentions nobody. */
export function mentionedPeople(text: string, people: readonly MentionablePerson[]): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const handle = match[2].replace(/[._-]+$/, "").toLowerCase();
    const matches = people.filter((p) => handlesOf(p).includes(handle));
    if (matches.length === 1) found.add(matches[0].id);
  }
  return [...found];
}

/** Mentions that are new in `after` compared with `before` (editing a text does not re-notify). */
export function newMentions(before: unknown, after: unknown, people: readonly MentionablePerson[]): string[] {
  if (typeof after !== "string" || !after.includes("@")) return [];
  const old = new Set(typeof before === "string" ? mentionedPeople(before, people) : []);
  return mentionedPeople(after, people).filter((id) => !old.has(id));
}
