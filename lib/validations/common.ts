import { z } from "zod";

/** Trimmed text with a clear length message; "" allowed unless min > 0. */
export function text(max: number, label: string, min = 0) {
  const base = z.string({ error: `${label} must be text.` }).trim().max(max, `${label} must be at most ${max} characters.`);
  return min > 0 ? base.min(min, min === 1 ? `${label} is required.` : `${label} must be at least ${min} characters.`) : base;
}

export const idSchema = z.string().min(1).max(40).regex(/^[a-z0-9]+$/i, "Invalid id.");

export const optionalIdSchema = z
  .union([idSchema, z.literal(""), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(?:\.\d+)?Z?$/;

/** Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm[:ss]" as UTC, rejecting impossible dates like 2026-02-30. */
export function parseUtc(value: string): Date | null {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  const roundTrips =
    date.getUTCFullYear() === +y && date.getUTCMonth() === +mo - 1 && date.getUTCDate() === +d &&
    date.getUTCHours() === +h && date.getUTCMinutes() === +mi;
  if (!roundTrips || +y < 1990 || +y > 2100) return null;
  return date;
}

export function utcDateTime(label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .transform((v, ctx) => {
      const d = parseUtc(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message: `${label} is not a valid date and time.` });
        return z.NEVER;
      }
      return d;
    });
}

export function optionalUtcDateTime(label: string) {
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((v, ctx) => {
      if (v == null || v.trim() === "") return null;
      const d = parseUtc(v);
      if (!d) {
        ctx.addIssue({ code: "custom", message: `${label} is not a valid date and time.` });
        return z.NEVER;
      }
      return d;
    });
}

/** "YYYY-MM-DDTHH:mm" in UTC, the value format of the app's UTC date-time inputs. */
export function toUtcInput(date: Date | string | null | undefined): string {
  if (!date) return "";
  return new Date(date).toISOString().slice(0, 16);
}

export function toDateInput(date: Date | string | null | undefined): string {
  if (!date) return "";
  return new Date(date).toISOString().slice(0, 10);
}
