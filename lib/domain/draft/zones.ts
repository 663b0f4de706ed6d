// Time-zone offsets for the zones incident material names. Abbreviations are fixed offsets (PST is
// always −8, PDT −7); "PT", "ET", "CT", "MT" follow the US daylight-saving rule for the date; IANA names
// ("Europe/London") are resolved through Intl, which is pure (no clock, no I/O).

const FIXED: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  WEST: 60,
  EET: 120,
  EEST: 180,
  MSK: 180,
  GST: 240,
  SGT: 480,
  HKT: 480,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};

const US_GENERIC: Record<string, number> = { PT: -480, MT: -420, CT: -360, ET: -300 };

export const ZONE_ABBREVIATIONS = [...Object.keys(FIXED), ...Object.keys(US_GENERIC)].filter((z) => z !== "Z");

/** True when US daylight saving is in force at this UTC instant (2nd Sunday of March to 1st Sunday of November, 2:00 local). */
function usDaylightSaving(utcMs: number, standardOffset: number): boolean {
  const year = new Date(utcMs).getUTCFullYear();
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (n - 1) * 7;
  };
  const start = Date.UTC(year, 2, nthSunday(2, 2), 2) - standardOffset * 60_000;
  const end = Date.UTC(year, 10, nthSunday(10, 1), 2) - (standardOffset + 60) * 60_000;
  return utcMs >= start && utcMs < end;
}

// Building a formatter costs far more than using one; a transcript asks for the same zone on every line.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function ianaOffset(zone: string, utcMs: number): number | null {
  try {
    const parts = formatterFor(zone).formatToParts(new Date(utcMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
    return Math.round((local - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
  } catch {
    return null;
  }
}

/**
 * Minutes east of UTC for `zone` at about the given local wall-clock time (milliseconds as if it were
 * UTC), or null when the zone is unknown.
 */
export function zoneOffsetMinutes(zone: string, localMs: number): number | null {
  const name = zone.trim();
  const numeric = /^(?:UTC|GMT)?\s*([+-−])(\d{1,2})(?::?(\d{2}))?$/i.exec(name);
  if (numeric) {
    const sign = numeric[1] === "+" ? 1 : -1;
    return sign * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  }
  const upper = name.toUpperCase();
  if (upper in FIXED) return FIXED[upper];
  if (upper in US_GENERIC) {
    const standard = US_GENERIC[upper];
    return usDaylightSaving(localMs - standard * 60_000, standard) ? standard + 60 : standard;
  }
  if (!name.includes("/")) return null;
  const first = ianaOffset(name, localMs);
  if (first === null) return null;
  // One correction step: the offset at the UTC instant that this local time maps to.
  return ianaOffset(name, localMs - first * 60_000) ?? first;
}
