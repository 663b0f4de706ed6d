import { describe, expect, it } from "vitest";
import { orderKeyBetween, parseTimelinePaste, sortTimeline, spreadOrderKeys } from "./timeline-paste";

const iso = (rows: { occurredAt: Date | null; event: string }[]) => rows.map((r) => [r.occurredAt?.toISOString() ?? null, r.event]);

describe("parseTimelinePaste", () => {
  it.each([
    ["14:05\tAlert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["14:05  Alert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["14:05 - Alert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["14:05 – Alert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["14:05 Alert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["14:05:30  Alert fired", "2026-11-20T14:05:30.000Z", "Alert fired"],
    ["9:05  Standup", "2026-11-20T09:05:00.000Z", "Standup"],
    ["2:05 pm  Vendor email", "2026-11-20T14:05:00.000Z", "Vendor email"],
    ["12:10 AM  Batch job", "2026-11-20T00:10:00.000Z", "Batch job"],
    ["14:05 UTC  Alert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["2026-11-19 23:55  Model deploy", "2026-11-19T23:55:00.000Z", "Model deploy"],
    ["2026-11-21T14:05Z  Alert", "2026-11-21T14:05:00.000Z", "Alert"],
    ["2026-11-21T14:05:09.123Z\tAlert", "2026-11-21T14:05:09.000Z", "Alert"],
    ["2026-11-21T15:05+01:00  Alert", "2026-11-21T14:05:00.000Z", "Alert"],
    ["[14:05] Alert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["14:05: Alert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["- 14:05 | Alert fired", "2026-11-20T14:05:00.000Z", "Alert fired"],
    ["14:05", "2026-11-20T14:05:00.000Z", ""],
  ])("%j", (line, time, event) => {
    expect(iso(parseTimelinePaste(line, "2026-11-20"))).toEqual([[time, event]]);
  });

  it.each([
    ["Vendor pushed a model update", "Vendor pushed a model update"],
    ["25:00  Not a time", "25:00  Not a time"],
    ["14:65  Not a time", "14:65  Not a time"],
    ["2026-02-30 14:00  Not a day", "2026-02-30 14:00  Not a day"],
    ["14:05pm  Not a time", "14:05pm  Not a time"],
    ["1405 Alert", "1405 Alert"],
    ["3.5% error rate", "3.5% error rate"],
    ["- a bullet without a time", "a bullet without a time"],
  ])("keeps %j as a row without a time", (line, event) => {
    expect(iso(parseTimelinePaste(line, "2026-11-20"))).toEqual([[null, event]]);
  });

  it("skips blank lines, handles CRLF and keeps the pasted order", () => {
    const text = "14:05\tAlert\r\n\r\n   \r\nnote without time\r\n14:00\tEarlier event\n";
    expect(iso(parseTimelinePaste(text, new Date("2026-11-20T18:30:00Z")))).toEqual([
      ["2026-11-20T14:05:00.000Z", "Alert"],
      [null, "note without time"],
      ["2026-11-20T14:00:00.000Z", "Earlier event"],
    ]);
  });

  it("rolls bare times over midnight and follows the latest dated line", () => {
    const text = ["23:50  Drift alert", "00:10  Rollback", "2026-12-01 09:00  Vendor call", "09:30  Fix shipped"].join("\n");
    expect(iso(parseTimelinePaste(text, "2026-11-20"))).toEqual([
      ["2026-11-20T23:50:00.000Z", "Drift alert"],
      ["2026-11-21T00:10:00.000Z", "Rollback"],
      ["2026-12-01T09:00:00.000Z", "Vendor call"],
      ["2026-12-01T09:30:00.000Z", "Fix shipped"],
    ]);
  });

  it("refuses an unusable base date", () => {
    expect(() => parseTimelinePaste("14:05 x", "yesterday")).toThrow(RangeError);
  });
});

describe("orderKeyBetween", () => {
  it("finds keys between, before, after and alone", () => {
    expect(orderKeyBetween(1, 2)).toBe(1.5);
    expect(orderKeyBetween(null, 1)).toBe(0);
    expect(orderKeyBetween(3, null)).toBe(4);
    expect(orderKeyBetween(null, null)).toBe(1);
  });

  it("keeps halving until there is no room, then asks for a renumbering", () => {
    let hi = 2;
    let steps = 0;
    expect(() => {
      for (;;) {
        hi = orderKeyBetween(1, hi);
        steps++;
      }
    }).toThrow(/renumber/);
    expect(steps).toBeGreaterThan(40);
  });

  it("refuses neighbours in the wrong order", () => {
    expect(() => orderKeyBetween(2, 1)).toThrow(RangeError);
    expect(() => orderKeyBetween(1, 1)).toThrow(RangeError);
  });

  it("spreads fresh keys", () => {
    expect(spreadOrderKeys(3)).toEqual([1, 2, 3]);
  });
});

describe("sortTimeline", () => {
  const r = (id: string, orderKey: number, hhmm: string | null) => ({
    id,
    orderKey,
    occurredAt: hhmm ? new Date(`2026-11-20T${hhmm}:00Z`) : null,
  });

  it("orders timed rows by time and keeps untimed rows under the row they follow", () => {
    const rows = [
      r("top-note", 1, null),
      r("b", 2, "14:20"),
      r("note-on-b", 3, null),
      r("a", 4, "14:00"),
      r("c", 5, "15:00"),
      r("note-on-c", 6, null),
    ];
    expect(sortTimeline(rows).map((x) => x.id)).toEqual(["top-note", "a", "b", "note-on-b", "c", "note-on-c"]);
  });

  it("uses the order keys, not the array order, and keeps ties stable", () => {
    const rows = [r("late-key", 9, "14:00"), r("early-key", 1, "14:00"), r("untimed", 5, null)];
    expect(sortTimeline(rows).map((x) => x.id)).toEqual(["early-key", "untimed", "late-key"]);
  });

  it("leaves a timeline with no times as it is", () => {
    const rows = [r("x", 1, null), r("y", 2, null)];
    expect(sortTimeline(rows).map((x) => x.id)).toEqual(["x", "y"]);
  });

  it("does not mutate its input", () => {
    const rows = [r("b", 1, "15:00"), r("a", 2, "14:00")];
    sortTimeline(rows);
    expect(rows.map((x) => x.id)).toEqual(["b", "a"]);
  });
});
