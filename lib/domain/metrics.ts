import type { Milestone } from "@/lib/generated/prisma/enums";
import { formatUtcDateTime, formatUtcTime, toIsoDay } from "./dates";

/** The least a timeline row must carry for milestone maths. Deleted rows must be filtered by the caller. */
export type TimelineRow = { occurredAt: Date | null; milestone: Milestone | null };

/** Keys match the Postmortem columns: `detectOverrideMin`, `detectNotApplicable`, … */
export type MetricKey = "detect" | "acknowledge" | "mitigate" | "resolve" | "duration";
export type MetricSource = "derived" | "override" | "not_applicable" | "missing";

export type Metric = {
  key: MetricKey;
  label: string;
  minutes: number | null;
  source: MetricSource;
  /** Set when the figure could have been derived but the milestones are in the wrong order. */
  problem?: string;
};

export type MetricOverrides = Partial<Record<MetricKey, number | null | undefined>>;
export type MetricNotApplicable = Partial<Record<MetricKey, boolean | null | undefined>>;
export type MetricInputs = { overrides?: MetricOverrides; notApplicable?: MetricNotApplicable };

export type MilestoneWarning =
  | { kind: "out_of_order"; milestone: Milestone; expectedAfter: Milestone; message: string }
  | { kind: "negative_metric"; metric: MetricKey; message: string };

export type MetricsResult = { metrics: Metric[]; warnings: MilestoneWarning[] };

/** The order the template's timeline implies; ties are allowed. */
export const MILESTONE_ORDER: readonly Milestone[] = [
  "FIRST_OCCURRENCE",
  "DETECTED",
  "ACKNOWLEDGED",
  "DIAGNOSED",
  "MITIGATED",
  "RESOLVED",
  "ROOT_CAUSE_CONFIRMED",
  "POSTMORTEM_SCHEDULED",
];

// Short names for warnings; the long template wording lives in template.ts.
export const MILESTONE_SHORT_LABELS: Record<Milestone, string> = {
  FIRST_OCCURRENCE: "First occurrence",
  DETECTED: "Detected",
  ACKNOWLEDGED: "Acknowledged",
  DIAGNOSED: "Diagnosed",
  MITIGATED: "Mitigated",
  RESOLVED: "Resolved",
  ROOT_CAUSE_CONFIRMED: "Root cause confirmed",
  POSTMORTEM_SCHEDULED: "Post-mortem scheduled",
};

export const METRIC_DEFINITIONS: readonly { key: MetricKey; label: string; from: Milestone; to: Milestone }[] = [
  { key: "detect", label: "Time to detect", from: "FIRST_OCCURRENCE", to: "DETECTED" },
  { key: "acknowledge", label: "Time to acknowledge", from: "DETECTED", to: "ACKNOWLEDGED" },
  { key: "mitigate", label: "Time to mitigate", from: "DETECTED", to: "MITIGATED" },
  { key: "resolve", label: "Time to resolve", from: "DETECTED", to: "RESOLVED" },
  { key: "duration", label: "Total duration", from: "FIRST_OCCURRENCE", to: "RESOLVED" },
];

/** Earliest timed row per milestone: a milestone is reached the first time it is recorded. */
export function milestoneTimes(rows: readonly TimelineRow[]): Partial<Record<Milestone, Date>> {
  const times: Partial<Record<Milestone, Date>> = {};
  for (const row of rows) {
    if (!row.milestone || !row.occurredAt || Number.isNaN(row.occurredAt.getTime())) continue;
    const current = times[row.milestone];
    if (!current || row.occurredAt < current) times[row.milestone] = row.occurredAt;
  }
  return times;
}

// Times on one day read as "14:05"; across midnight the date is needed to make sense of the pair.
function describePair(a: Date, b: Date): [string, string] {
  if (toIsoDay(a) === toIsoDay(b)) return [formatUtcTime(a), formatUtcTime(b)];
  return [formatUtcDateTime(a), formatUtcDateTime(b)];
}

function orderMessage(early: Milestone, earlyAt: Date, late: Milestone, lateAt: Date): string {
  const [e, l] = describePair(earlyAt, lateAt);
  return `${MILESTONE_SHORT_LABELS[early]} (${e}) is before ${MILESTONE_SHORT_LABELS[late]} (${l})`;
}

/** Every pair of recorded milestones whose times contradict MILESTONE_ORDER. */
export function milestoneOrderWarnings(times: Partial<Record<Milestone, Date>>): MilestoneWarning[] {
  const warnings: MilestoneWarning[] = [];
  MILESTONE_ORDER.forEach((before, i) => {
    const beforeAt = times[before];
    if (!beforeAt) return;
    for (const after of MILESTONE_ORDER.slice(i + 1)) {
      const afterAt = times[after];
      if (afterAt && afterAt < beforeAt) {
        warnings.push({
          kind: "out_of_order",
          milestone: after,
          expectedAfter: before,
          message: orderMessage(after, afterAt, before, beforeAt),
        });
      }
    }
  });
  return warnings;
}

function validOverride(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * The five key time metrics. Precedence: "not applicable" (near misses) beats a hand-entered override,
 * which beats the figure derived from the timeline. Derived figures are whole minutes, truncated.
 * A derived figure that would be negative is never shown: the metric is "missing" with a `problem`.
 */
export function computeMetrics(rows: readonly TimelineRow[], inputs: MetricInputs = {}): MetricsResult {
  const times = milestoneTimes(rows);
  const warnings = milestoneOrderWarnings(times);
  const metrics = METRIC_DEFINITIONS.map(({ key, label, from, to }): Metric => {
    if (inputs.notApplicable?.[key]) return { key, label, minutes: null, source: "not_applicable" };
    const override = inputs.overrides?.[key];
    if (validOverride(override)) return { key, label, minutes: Math.round(override), source: "override" };
    const fromAt = times[from];
    const toAt = times[to];
    if (!fromAt || !toAt) return { key, label, minutes: null, source: "missing" };
    const ms = toAt.getTime() - fromAt.getTime();
    if (ms < 0) {
      const problem = `${label} can't be calculated: ${orderMessage(to, toAt, from, fromAt)}`;
      warnings.push({ kind: "negative_metric", metric: key, message: problem });
      return { key, label, minutes: null, source: "missing", problem };
    }
    return { key, label, minutes: Math.floor(ms / 60_000), source: "derived" };
  });
  return { metrics, warnings };
}

/** "45 min", "2 h 5 min", "2 h", "1 d 3 h" (days drop the minutes: nobody needs them at that scale). */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) return "—";
  const sign = minutes < 0 ? "-" : "";
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days > 0) return sign + (hours > 0 ? `${days} d ${hours} h` : `${days} d`);
  if (hours > 0) return sign + (mins > 0 ? `${hours} h ${mins} min` : `${hours} h`);
  return `${sign}${mins} min`;
}
