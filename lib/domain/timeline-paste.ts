import { parseIsoDay, toIsoDay } from "./dates";

export type PastedRow = { occurredAt: Date | null; event: string };

const MS_PER_DAY = 86_400_000;
// A bare time this much earlier than the previous one is read as "after midnight", not as a step back.
const ROLLOVER_MS = 12 * 3_600_000;

// Date part, optional; "T" or space before the time; seconds and fractions optional; "Z", "UTC" or an
// offset optional; a closing "]" or a ":" may follow ("[14:05]", "14:05:"). Then the separator: tab,
// two+ spaces, " - " (or en/em dash, "|", ":"), or one space.
const LINE =
  /^(?:(\d{4}-\d{2}-\d{2})[T ])?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s?([ap])\.?m\.?)?(?:\s?(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?[\]:]?(?=\s|$)(?:\t+|\s{2,}|\s+[-–—|:]\s+|\s+[-–—|:]$|\s|$)/i;

const BULLET = /^\s*(?:[-*•]\s+|\[(?=[^\]]*\d:\d))/;

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

type ParsedTime = { day: string | null; msOfDay: number; offset: number; rest: string };

function parseLineTime(line: string): ParsedTime | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const [whole, day, hh, mm, ss, meridiem, zone] = m;
  let hours = Number(hh);
  const minutes = Number(mm);
  const seconds = ss ? Number(ss) : 0;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  if (day && !parseIsoDay(day)) return null;
  return {
    day: day ?? null,
    msOfDay: ((hours * 60 + minutes) * 60 + seconds) * 1000,
    offset: offsetMinutes(zone),
    rest: line.slice(whole.length),
  };
}

/**
 * Parses pasted lines of "time  text" into timeline rows. Times may be "14:05", "14:05:30", "2:05 pm",
 * "2026-11-20 14:05", "2026-11-20T14:05Z" or carry an offset ("+01:00"); everything is converted to
 * UTC. Bare times use the base date (a Date's UTC day or "YYYY-MM-DD"), then the date of the latest
 * dated line, and roll over to the next day when they jump back by more than 12 hours (a log that runs
 * past midnight). Lines without a readable time become rows without a time; blank lines are skipped;
 * a leading bullet ("- ", "* ", "• ") or "[" is ignored.
 */
export function parseTimelinePaste(text: string, baseDate: Date | string): PastedRow[] {
  const base = typeof baseDate === "string" ? parseIsoDay(baseDate.slice(0, 10)) : baseDate;
  if (!base || Number.isNaN(base.getTime())) throw new RangeError(`Not a date: ${String(baseDate)}`);
  let day = toIsoDay(base);
  let previous: number | null = null;
  const rows: PastedRow[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (!raw.trim()) continue;
    const line = raw.replace(BULLET, "").trim();
    const parsed = parseLineTime(line);
    if (!parsed) {
      rows.push({ occurredAt: null, event: line });
      continue;
    }
    if (parsed.day) day = parsed.day;
    const dayStart = (parseIsoDay(day) as Date).getTime();
    let at = dayStart + parsed.msOfDay - parsed.offset * 60_000;
    if (!parsed.day && previous !== null && previous - at > ROLLOVER_MS) {
      at += MS_PER_DAY;
      day = toIsoDay(new Date(dayStart + MS_PER_DAY));
    }
    previous = at;
    const event = parsed.rest.replace(/^[-–—|:]\s+/, "").trim();
    rows.push({ occurredAt: new Date(at), event });
  }
  return rows;
}

/**
 * An order key strictly between `before` and `after` (null = no neighbour on that side). Keys are
 * floats, so after ~50 halvings between the same pair there is no room left: that throws, and the
 * caller should renumber the rows (see `spreadOrderKeys`).
 */
export function orderKeyBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1;
  if (before === null) return (after as number) - 1;
  if (after === null) return before + 1;
  if (!(before < after)) throw new RangeError(`Order keys out of order: ${before} ≥ ${after}`);
  const key = before + (after - before) / 2;
  if (!(key > before && key < after)) throw new RangeError("No room between these order keys; renumber the rows");
  return key;
}

/** Fresh evenly spaced keys 1, 2, 3… for `count` rows. */
export function spreadOrderKeys(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

type Sortable = { occurredAt: Date | null; orderKey: number };

/**
 * Time order where times exist, without scattering untimed rows. Rule: rows are taken in order-key
 * order; each untimed row stays attached to the timed row above it (untimed rows before the first
 * timed row stay at the top). The groups are ordered by their timed row's time; equal times keep
 * their order-key order. A note written under an event therefore moves with that event.
 */
export function sortTimeline<T extends Sortable>(rows: readonly T[]): T[] {
  const byKey = [...rows].sort((a, b) => a.orderKey - b.orderKey);
  const head: T[] = [];
  const groups: { at: number; index: number; rows: T[] }[] = [];
  for (const row of byKey) {
    if (row.occurredAt) groups.push({ at: row.occurredAt.getTime(), index: groups.length, rows: [row] });
    else if (groups.length) groups[groups.length - 1].rows.push(row);
    else head.push(row);
  }
  groups.sort((a, b) => a.at - b.at || a.index - b.index);
  return [...head, ...groups.flatMap((g) => g.rows)];
}
