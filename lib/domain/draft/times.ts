import { ZONE_ABBREVIATIONS } from "./zones";

// Recognises the timestamp a line of incident material starts with. Formats: ISO 8601 ("2024-01-29T16:17Z",
// "2024-01-29 16:17:05+01:00"), month names ("Jan 29, 2024 16:17", "29 Jan 2024 4:17 pm", "Jan 29 - 17:10
// PST"), US dates ("1/29/2024 16:17"), bare times ("16:17", "4:17 pm PST", "[16:17:05]"), Slack `ts`
// ("1706545020.000200") and relative offsets ("+5m", "T+1h30m", "+90s").

export type LineTime =
  | { type: "absolute"; day: string | null; msOfDay: number; zone: string | null; rest: string }
  | { type: "epoch"; ms: number; rest: string }
  | { type: "relative"; offsetMs: number; rest: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const ZONE = `(Z|[+-]\\d{2}:?\\d{2}|(?:UTC|GMT)[+-]\\d{1,2}(?::?\\d{2})?|${ZONE_ABBREVIATIONS.join("|")}|[A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)`;
const TIME = "(\\d{1,2})(?::(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?(?:\\s?([ap])\\.?m\\.?)?";

const LEAD = /^\s*(?:[-*•>]\s+|[[(])?\s*/;
const SLACK_TS = /^(\d{10})(?:\.(\d{1,6}))?(?![\d:])/;
const RELATIVE = /^T?\s*\+\s*(\d+)\s*(h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)?(?:\s*(\d+)\s*(m|mins?|minutes?))?(?![\p{L}\d])/iu;
const DATE_ISO = /^(\d{4})-(\d{2})-(\d{2})/;
const DATE_MDY = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`, "i");
const DATE_DMY = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?`, "i");
const DATE_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/;
const CONNECTOR = /^(?:T|,?\s+at\s+|,?\s*[-–—@]\s*|,\s*|\s+)/i;
const TIME_RE = new RegExp(`^${TIME}`, "i");
const ZONE_RE = new RegExp(`^\\s*\\(?${ZONE}\\)?(?![\\p{L}\\d])`, "u");
const TAIL = /^\s*[\])]?\s*(?:[-–—|:]\s+|[-–—|:]$|\t+|\s+|$)/;

const pad = (n: number) => String(n).padStart(2, "0");

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

function validDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m, d));
  if (m < 0 || date.getUTCMonth() !== m || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m + 1)}-${pad(d)}`;
}

type DatePart = { day: string | null; monthDay?: { m: number; d: number }; length: number };

function readDate(text: string): DatePart | null {
  let m = DATE_ISO.exec(text);
  if (m) {
    const day = validDay(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return day ? { day, length: m[0].length } : null;
  }
  m = DATE_MDY.exec(text);
  if (m) return monthDate(monthIndex(m[1]), Number(m[2]), m[3], m[0].length);
  m = DATE_DMY.exec(text);
  if (m) return monthDate(monthIndex(m[2]), Number(m[1]), m[3], m[0].length);
  m = DATE_US.exec(text);
  if (m) {
    const day = validDay(Number(m[3]), Number(m[1]) - 1, Number(m[2]));
    return day ? { day, length: m[0].length } : null;
  }
  return null;
}

function monthDate(month: number, day: number, year: string | undefined, length: number): DatePart | null {
  if (month < 0 || day < 1 || day > 31) return null;
  if (!year) return { day: null, monthDay: { m: month, d: day }, length };
  const iso = validDay(Number(year), month, day);
  return iso ? { day: iso, length } : null;
}

type TimePart = { msOfDay: number; length: number };

/** A clock time; a bare hour needs am/pm ("4pm"), so that plain numbers are never read as times. */
function readTime(text: string): TimePart | null {
  const m = TIME_RE.exec(text);
  if (!m || (m[2] === undefined && m[4] === undefined)) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  const seconds = Number(m[3] ?? 0);
  if (m[4]) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m[4].toLowerCase() === "p" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return { msOfDay: ((hours * 60 + minutes) * 60 + seconds) * 1000, length: m[0].length };
}

/** `rest` after the timestamp and its separator, or null when the timestamp runs into a word ("16:17abc"). */
function restAfter(text: string): string | null {
  const tail = TAIL.exec(text);
  return tail ? text.slice(tail[0].length) : null;
}

/** The timestamp at the start of `line`, or null when it does not start with one. */
export function readLineTime(line: string, currentYear?: number): LineTime | null {
  const lead = LEAD.exec(line)?.[0].length ?? 0;
  const text = line.slice(lead);

  const slack = SLACK_TS.exec(text);
  if (slack) {
    const rest = restAfter(text.slice(slack[0].length));
    if (rest !== null) return { type: "epoch", ms: Number(slack[1]) * 1000 + Math.floor(Number(`0.${slack[2] ?? 0}`) * 1000), rest };
  }

  const relative = RELATIVE.exec(text);
  if (relative) {
    const unit = (relative[2] ?? "m").toLowerCase()[0];
    const scale = unit === "h" ? 3_600_000 : unit === "s" ? 1000 : 60_000;
    const offsetMs = Number(relative[1]) * scale + Number(relative[3] ?? 0) * 60_000;
    const rest = restAfter(text.slice(relative[0].length));
    if (rest !== null) return { type: "relative", offsetMs, rest };
  }

  let position = 0;
  let day: string | null = null;
  const date = readDate(text);
  if (date) {
    position = date.length;
    day = date.day ?? (date.monthDay && currentYear ? validDay(currentYear, date.monthDay.m, date.monthDay.d) : null);
    const connector = CONNECTOR.exec(text.slice(position));
    if (connector) position += connector[0].length;
  }
  const time = readTime(text.slice(position));
  if (!time) return null;
  position += time.length;
  let zone: string | null = null;
  const zoneMatch = ZONE_RE.exec(text.slice(position));
  if (zoneMatch) {
    zone = zoneMatch[1];
    position += zoneMatch[0].length;
  }
  const rest = restAfter(text.slice(position));
  if (rest === null) return null;
  return { type: "absolute", day, msOfDay: time.msOfDay, zone, rest };
}

const EMBEDDED = new RegExp(`(?:since|at|from|around|about|~)\\s+${TIME}(?:\\s*${ZONE})?(?![\\p{L}\\d:])`, "iu");

/** A clock time written inside a sentence ("errors started at 15:58"), for "it began at …" lines. */
export function readEmbeddedTime(text: string): { msOfDay: number; zone: string | null } | null {
  const m = EMBEDDED.exec(text);
  if (!m) return null;
  const start = m[0].search(/\d/);
  const time = readTime(m[0].slice(start));
  if (!time) return null;
  return { msOfDay: time.msOfDay, zone: m[5] ?? null };
}
