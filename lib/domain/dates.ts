// UTC-only date helpers. Incident times are stored and shown in UTC (the template's "Time (UTC)"),
// so nothing here may depend on the server's or the browser's time zone.

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, "0");

/** "2026-11-20" for the UTC calendar day of `date`. */
export function toIsoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Midnight UTC of a "YYYY-MM-DD" string, or null when it is not a real calendar day. */
export function parseIsoDay(day: string): Date | null {
  const m = ISO_DAY.exec(day.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC silently rolls 2026-02-31 over into March; a typo must not become a different day.
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** A Date or a "YYYY-MM-DD" string reduced to its UTC calendar day, or null when unusable. */
export function dayOf(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  if (typeof value === "string") {
    const parsed = parseIsoDay(value.slice(0, 10));
    return parsed ? toIsoDay(parsed) : null;
  }
  return Number.isNaN(value.getTime()) ? null : toIsoDay(value);
}

/** Midnight UTC of the day `days` after the UTC day of `date`. */
export function addUtcDays(date: Date, days: number): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return new Date(midnight + days * MS_PER_DAY);
}

/** "14:05" (UTC). */
export function formatUtcTime(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** "2026-11-20 14:05" (UTC). */
export function formatUtcDateTime(date: Date): string {
  return `${toIsoDay(date)} ${formatUtcTime(date)}`;
}
