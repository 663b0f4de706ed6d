import { describe, expect, it } from "vitest";
import { inPeriod, parsePeriod, periodContaining, shiftPeriod } from "./report-period";

describe("report periods", () => {
  it("weeks run Monday to Monday (UTC) and carry their ISO week number", () => {
    const week = periodContaining("week", new Date("2026-12-03T15:00:00Z"));
    expect(week.start.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(week.end.toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(week.label).toBe("Week 49, 2026 (2026-11-30 to 2026-12-06)");
    expect(periodContaining("week", new Date("2026-12-06T23:59:00Z")).key).toBe("2026-11-30");
    expect(periodContaining("week", new Date("2027-01-01T00:00:00Z")).label).toMatch(/^Week 53, 2026/);
  });
  it("months are calendar months and shift across years", () => {
    const dec = periodContaining("month", new Date("2026-12-31T23:00:00Z"));
    expect(dec.label).toBe("December 2026");
    expect(shiftPeriod(dec, 1).label).toBe("January 2027");
    expect(shiftPeriod(periodContaining("week", new Date("2026-12-03T00:00:00Z")), -1).key).toBe("2026-11-23");
  });
  it("reads the URL value and falls back to the current period", () => {
    const now = new Date("2026-12-03T00:00:00Z");
    expect(parsePeriod("month", "2026-02", now).label).toBe("February 2026");
    expect(parsePeriod("week", "2026-02-30", now).key).toBe("2026-11-30");
    expect(parsePeriod("week", undefined, now).key).toBe("2026-11-30");
  });
  it("includes the start and excludes the end", () => {
    const week = periodContaining("week", new Date("2026-12-03T00:00:00Z"));
    expect(inPeriod(week, week.start)).toBe(true);
    expect(inPeriod(week, week.end)).toBe(false);
    expect(inPeriod(week, null)).toBe(false);
  });
});
