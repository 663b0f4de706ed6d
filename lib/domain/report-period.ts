import { addUtcDays, parseIsoDay, toIsoDay } from "./dates";

// Follow-up report periods: "Review progress in weekly team meetings. Report completion status in monthly
// governance reviews." Weeks are ISO weeks (Monday 00:00 UTC to the next Monday); months are calendar months.

export type PeriodKind = "week" | "month";
export type ReportPeriod = { kind: PeriodKind; start: Date; end: Date; label: string; key: string };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function isoWeek(monday: Date): { year: number; week: number } {
  const thursday = addUtcDays(monday, 3);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  return { year, week: Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1 };
}

/** The week or month containing `anchor` (UTC). */
export function periodContaining(kind: PeriodKind, anchor: Date): ReportPeriod {
  if (kind === "week") {
    const start = addUtcDays(anchor, -((anchor.getUTCDay() + 6) % 7));
    const end = addUtcDays(start, 7);
    const { year, week } = isoWeek(start);
    const last = addUtcDays(end, -1);
    return { kind, start, end, key: toIsoDay(start), label: `Week ${week}, ${year} (${toIsoDay(start)} to ${toIsoDay(last)})` };
  }
  const start = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), 1));
  const end = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + 1, 1));
  return { kind, start, end, key: toIsoDay(start).slice(0, 7), label: `${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}` };
}

/** The period before or after `period`. */
export function shiftPeriod(period: ReportPeriod, steps: number): ReportPeriod {
  if (period.kind === "week") return periodContaining("week", addUtcDays(period.start, 7 * steps));
  return periodContaining("month", new Date(Date.UTC(period.start.getUTCFullYear(), period.start.getUTCMonth() + steps, 1)));
}

/**
 * Reads the `period` URL value: "YYYY-MM-DD" (any day of the wanted week) or "YYYY-MM" for months.
 * Anything else, or a missing value, is the period containing `now`.
 */
export function parsePeriod(kind: PeriodKind, value: string | undefined, now: Date): ReportPeriod {
  const day = value ? parseIsoDay(kind === "month" && /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value) : null;
  return periodContaining(kind, day ?? now);
}

/** Whether `date` falls inside [start, end). */
export function inPeriod(period: ReportPeriod, date: Date | null): boolean {
  return date !== null && date.getTime() >= period.start.getTime() && date.getTime() < period.end.getTime();
}
