import { z } from "zod";

// C0 control characters other than tab, line feed and carriage return (NUL cannot even be stored by
// PostgreSQL): pasted text carries them by accident, and they are never meaningful in a postmortem.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "");
}

/** Trimmed text without control characters, with a clear length message; "" allowed unless min > 0. */
export function text(max: number, label: string, min = 0) {
  const base = z.string().trim().max(max, `${label} must be at most ${max} characters.`);
  const checked = min > 0 ? base.min(min, min === 1 ? `${label} is required.` : `${label} must be at least ${min} characters.`) : base;
  return z
    .string({ error: `${label} must be text.` })
    .transform(stripControlCharacters)
    .pipe(checked);
}

export const idSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+$/i, "Invalid id.");

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
    date.getUTCFullYear() === +y &&
    date.getUTCMonth() === +mo - 1 &&
    date.getUTCDate() === +d &&
    date.getUTCHours() === +h &&
    date.getUTCMinutes() === +mi;
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
