import { describe, expect, it } from "vitest";
import type { Milestone } from "@/lib/generated/prisma/enums";
import { computeMetrics, formatDuration, milestoneTimes, type TimelineRow } from "./metrics";

const at = (hhmm: string, day = "2026-11-20") => new Date(`${day}T${hhmm}:00Z`);
const row = (milestone: Milestone | null, time: string | null, day?: string): TimelineRow => ({
  milestone,
  occurredAt: time ? at(time, day) : null,
});

const fullTimeline: TimelineRow[] = [
  row("FIRST_OCCURRENCE", "14:00"),
  row("DETECTED", "14:20"),
  row("ACKNOWLEDGED", "14:25"),
  row("DIAGNOSED", "14:50"),
  row("MITIGATED", "15:10"),
  row("RESOLVED", "16:05"),
  row(null, "13:00"),
];

const byKey = (rows: TimelineRow[], inputs = {}) => Object.fromEntries(computeMetrics(rows, inputs).metrics.map((m) => [m.key, m]));

describe("computeMetrics", () => {
  it("derives the five metrics in whole minutes from tagged rows", () => {
    const m = byKey(fullTimeline);
    expect(m.detect).toMatchObject({ label: "Time to detect", minutes: 20, source: "derived" });
    expect(m.acknowledge).toMatchObject({ label: "Time to acknowledge", minutes: 5, source: "derived" });
    expect(m.mitigate).toMatchObject({ label: "Time to mitigate", minutes: 50, source: "derived" });
    expect(m.resolve).toMatchObject({ label: "Time to resolve", minutes: 105, source: "derived" });
    expect(m.duration).toMatchObject({ label: "Total duration", minutes: 125, source: "derived" });
    expect(computeMetrics(fullTimeline).warnings).toEqual([]);
  });

  it("returns the metrics in the template's order", () => {
    expect(computeMetrics([]).metrics.map((m) => m.key)).toEqual(["detect", "acknowledge", "mitigate", "resolve", "duration"]);
  });

  it("uses the earliest timed row per milestone and ignores untimed ones", () => {
    const rows = [row("DETECTED", "14:40"), row("DETECTED", null), row("FIRST_OCCURRENCE", "14:00"), row("DETECTED", "14:10")];
    expect(milestoneTimes(rows).DETECTED).toEqual(at("14:10"));
    expect(byKey(rows).detect.minutes).toBe(10);
  });

  it("truncates seconds to whole minutes", () => {
    const rows = [
      { milestone: "FIRST_OCCURRENCE" as const, occurredAt: new Date("2026-11-20T14:00:00Z") },
      { milestone: "DETECTED" as const, occurredAt: new Date("2026-11-20T14:04:59Z") },
    ];
    expect(byKey(rows).detect.minutes).toBe(4);
  });

  it("marks a metric missing when a milestone has no time", () => {
    const m = byKey([row("DETECTED", "14:20"), row("RESOLVED", null)]);
    expect(m.detect).toMatchObject({ minutes: null, source: "missing" });
    expect(m.resolve).toMatchObject({ minutes: null, source: "missing" });
  });

  it("lets an override beat the derived figure and N/A beat both", () => {
    const m = byKey(fullTimeline, {
      overrides: { detect: 7, resolve: 200, mitigate: null },
      notApplicable: { resolve: true, acknowledge: true },
    });
    expect(m.detect).toMatchObject({ minutes: 7, source: "override" });
    expect(m.resolve).toMatchObject({ minutes: null, source: "not_applicable" });
    expect(m.acknowledge).toMatchObject({ minutes: null, source: "not_applicable" });
    expect(m.mitigate).toMatchObject({ minutes: 50, source: "derived" });
  });

  it("uses an override when nothing can be derived (near miss without a timeline)", () => {
    expect(byKey([], { overrides: { duration: 0 } }).duration).toMatchObject({ minutes: 0, source: "override" });
  });

  it("ignores negative or non-finite overrides", () => {
    const m = byKey(fullTimeline, { overrides: { detect: -5, acknowledge: Number.NaN } });
    expect(m.detect.source).toBe("derived");
    expect(m.acknowledge.source).toBe("derived");
  });

  it("flags out-of-order milestones with a readable message", () => {
    const { warnings } = computeMetrics([row("FIRST_OCCURRENCE", "14:20"), row("DETECTED", "14:05")]);
    expect(warnings).toContainEqual({
      kind: "out_of_order",
      milestone: "DETECTED",
      expectedAfter: "FIRST_OCCURRENCE",
      message: "Detected (14:05) is before First occurrence (14:20)",
    });
  });

  it("compares every pair of present milestones", () => {
    const rows = [row("FIRST_OCCURRENCE", "16:00"), row("DETECTED", "14:20"), row("RESOLVED", "15:00")];
    const pairs = computeMetrics(rows)
      .warnings.filter((w) => w.kind === "out_of_order")
      .map((w) => (w.kind === "out_of_order" ? `${w.milestone}<${w.expectedAfter}` : ""));
    expect(pairs).toEqual(["DETECTED<FIRST_OCCURRENCE", "RESOLVED<FIRST_OCCURRENCE"]);
  });

  it("allows equal times", () => {
    expect(computeMetrics([row("DETECTED", "14:20"), row("ACKNOWLEDGED", "14:20")]).warnings).toEqual([]);
  });

  it("includes the date when the pair spans midnight", () => {
    const { warnings } = computeMetrics([row("MITIGATED", "00:10", "2026-11-21"), row("RESOLVED", "23:50", "2026-11-20")]);
    expect(warnings[0].message).toBe("Resolved (2026-11-20 23:50) is before Mitigated (2026-11-21 00:10)");
  });

  it("flags a negative derived metric instead of showing it", () => {
    const result = computeMetrics([row("FIRST_OCCURRENCE", "14:20"), row("DETECTED", "14:05")]);
    const detect = result.metrics.find((m) => m.key === "detect");
    expect(detect).toMatchObject({ minutes: null, source: "missing" });
    expect(detect?.problem).toBe("Time to detect can't be calculated: Detected (14:05) is before First occurrence (14:20)");
    expect(result.warnings).toContainEqual({ kind: "negative_metric", metric: "detect", message: detect?.problem });
  });

  it("keeps an override even when the derived figure would be negative", () => {
    const m = byKey([row("FIRST_OCCURRENCE", "14:20"), row("DETECTED", "14:05")], { overrides: { detect: 3 } });
    expect(m.detect).toMatchObject({ minutes: 3, source: "override" });
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 min"],
    [45, "45 min"],
    [60, "1 h"],
    [125, "2 h 5 min"],
    [1440, "1 d"],
    [1440 + 180 + 7, "1 d 3 h"],
    [3 * 1440 + 59, "3 d"],
    [-90, "-1 h 30 min"],
    [44.6, "45 min"],
  ])("%s → %s", (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});
