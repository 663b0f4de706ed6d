import type { ActionHorizon, ActionStatus, PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { addUtcDays, dayOf, formatUtcDateTime, parseIsoDay, toIsoDay } from "./dates";
import { formatDuration, milestoneTimes, type TimelineRow } from "./metrics";
import { reviewPolicyFor } from "./severity-policy";

/** "Conduct the post-mortem within 48 hours" of the incident being resolved. */
export const REVIEW_WINDOW_HOURS = 48;
const REVIEW_WINDOW_MS = REVIEW_WINDOW_HOURS * 3_600_000;

export type ReviewClockInput = {
  severity: Severity;
  incidentDate: Date;
  meetingDate: Date | null;
  status: PostmortemStatus;
  timeline: readonly TimelineRow[];
};

/**
 * - "none": no clock (Low severity is a log entry).
 * - "held": the postmortem is PUBLISHED, or its meeting date is set and not in the future.
 * - "scheduled": a meeting date is set in the future (`meetingAfterDue` says whether it misses the 48 h).
 * - "due" / "overdue": no meeting yet, before / after `dueAt`.
 */
export type ReviewClockState = "none" | "due" | "overdue" | "held" | "scheduled";

export type ReviewClock = {
  dueAt: Date | null;
  state: ReviewClockState;
  /** dueAt − now; negative once overdue; null without a clock. */
  msRemaining: number | null;
  /** The meeting is (or was) set later than dueAt; false when there is no meeting or no clock. */
  meetingAfterDue: boolean;
  label: string;
};

/** 48 h after the earliest RESOLVED time, else after the incident date; null for Low severity. */
export function reviewDueAt(input: Pick<ReviewClockInput, "severity" | "incidentDate" | "timeline">): Date | null {
  if (!reviewPolicyFor(input.severity).meetingExpected) return null;
  const start = milestoneTimes(input.timeline).RESOLVED ?? input.incidentDate;
  return new Date(start.getTime() + REVIEW_WINDOW_MS);
}

// Sub-minute remainders read better as words than as "0 min".
function spanText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return minutes < 1 ? "less than a minute" : formatDuration(minutes);
}

/**
 * Where the review stands against the 48-hour rule. A set meeting date stops the countdown: holding the
 * meeting is what the rule asks for, and a meeting booked late is reported (`meetingAfterDue`), not
 * counted down. Publishing also stops it, even without a recorded meeting date.
 */
export function reviewClock(input: ReviewClockInput, now: Date): ReviewClock {
  const dueAt = reviewDueAt(input);
  if (!dueAt) {
    return { dueAt: null, state: "none", msRemaining: null, meetingAfterDue: false, label: "No review deadline" };
  }
  const msRemaining = dueAt.getTime() - now.getTime();
  const meeting = input.meetingDate;
  const meetingAfterDue = meeting !== null && meeting.getTime() > dueAt.getTime();
  const lateNote = meeting && meetingAfterDue ? ` (${spanText(meeting.getTime() - dueAt.getTime())} after the 48 h deadline)` : "";
  if (input.status === "PUBLISHED") {
    return { dueAt, state: "held", msRemaining, meetingAfterDue, label: "Review held" + lateNote };
  }
  if (meeting) {
    const held = meeting.getTime() <= now.getTime();
    return {
      dueAt,
      state: held ? "held" : "scheduled",
      msRemaining,
      meetingAfterDue,
      label: `${held ? "Review held" : "Review scheduled for"} ${formatUtcDateTime(meeting)} UTC${lateNote}`,
    };
  }
  if (msRemaining > 0) {
    return { dueAt, state: "due", msRemaining, meetingAfterDue, label: `Due in ${spanText(msRemaining)}` };
  }
  return { dueAt, state: "overdue", msRemaining, meetingAfterDue, label: `Overdue by ${spanText(msRemaining)}` };
}

export type HorizonInfo = { value: ActionHorizon; label: string; heading: string; window: string; days: number };

/** Template headings; `days` is how far from the meeting the proposed deadline lies. */
export const ACTION_HORIZONS: Record<ActionHorizon, HorizonInfo> = {
  IMMEDIATE: {
    value: "IMMEDIATE",
    label: "Immediate",
    heading: "Immediate (Within 1 Week)",
    window: "Within 1 week",
    days: 7,
  },
  SHORT_TERM: {
    value: "SHORT_TERM",
    label: "Short-term",
    heading: "Short-Term (Within 1 Month)",
    window: "Within 1 month",
    days: 30,
  },
  LONG_TERM: {
    value: "LONG_TERM",
    label: "Long-term",
    heading: "Long-Term (Within 1 Quarter)",
    window: "Within 1 quarter",
    days: 90,
  },
};

export const ACTION_HORIZON_ORDER: readonly ActionHorizon[] = ["IMMEDIATE", "SHORT_TERM", "LONG_TERM"];

/**
 * Proposed deadline "YYYY-MM-DD": the UTC day of `from` (the meeting date, else the incident date)
 * plus 7 / 30 / 90 days. Accepts a Date or a "YYYY-MM-DD" string.
 */
export function proposeDeadline(horizon: ActionHorizon, from: Date | string): string {
  const base = typeof from === "string" ? parseIsoDay(from.slice(0, 10)) : from;
  if (!base || Number.isNaN(base.getTime())) throw new RangeError(`Not a date: ${String(from)}`);
  return toIsoDay(addUtcDays(base, ACTION_HORIZONS[horizon].days));
}

export type DeadlineAction = { deadline: Date | string | null; status: ActionStatus };

/** Past its deadline (strictly before `today`, compared as UTC days) and neither DONE nor WONT_DO. */
export function isActionOverdue(action: DeadlineAction, today: Date | string): boolean {
  if (action.status === "DONE" || action.status === "WONT_DO") return false;
  const deadline = dayOf(action.deadline);
  const day = dayOf(today);
  return deadline !== null && day !== null && deadline < day;
}
