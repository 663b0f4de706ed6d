import type { ActionStatus } from "@/lib/generated/prisma/enums";
import { dayOf, parseIsoDay } from "./dates";
import { isActionOverdue } from "./deadlines";

// Follow-through figures for managers: "Track actions to completion in subsequent weeks".

const MS_PER_DAY = 86_400_000;

/** The middle value (mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Done ÷ (all − won't do): a Won't-do with its reason is a decision, not an unfinished action, so it
 * leaves the denominator. Null when nothing is left to count.
 */
export function completionRate(counts: { done: number; total: number; wontDo: number }): number | null {
  const denominator = counts.total - counts.wontDo;
  return denominator > 0 ? counts.done / denominator : null;
}

export type LatenessAction = { deadline: Date | string | null; status: ActionStatus; completedAt: Date | null };

/**
 * Whole UTC days an action is or was late: a DONE action completed after its deadline day counts the days
 * between them; an overdue open one counts up to `today`. On time, no deadline, or Won't do → null.
 */
export function daysLate(action: LatenessAction, today: Date | string): number | null {
  const deadline = dayOf(action.deadline);
  if (!deadline) return null;
  const deadlineMs = parseIsoDay(deadline)!.getTime();
  if (action.status === "DONE") {
    const done = dayOf(action.completedAt);
    if (!done) return null;
    const late = (parseIsoDay(done)!.getTime() - deadlineMs) / MS_PER_DAY;
    return late > 0 ? late : null;
  }
  if (!isActionOverdue(action, today)) return null;
  return (parseIsoDay(dayOf(today)!)!.getTime() - deadlineMs) / MS_PER_DAY;
}

export type ReviewTiming = { dueAt: Date | null; meetingDate: Date | null; publishedAt: Date | null };

/**
 * Whether the review was held within the 48 hours: "held" is the meeting date, else (published without
 * a recorded meeting) the publication time. Null when there is no clock (Low) or no review held yet,
 * so those postmortems stay out of the share.
 */
export function heldWithinWindow(review: ReviewTiming, now: Date): boolean | null {
  if (!review.dueAt) return null;
  const heldAt = review.meetingDate && review.meetingDate.getTime() <= now.getTime() ? review.meetingDate : review.publishedAt;
  if (!heldAt) return null;
  return heldAt.getTime() <= review.dueAt.getTime();
}

/** A fraction as a whole percentage for display ("83%"), or "—" when there is nothing to divide. */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)}%`;
}
