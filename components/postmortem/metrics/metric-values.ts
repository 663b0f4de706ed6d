import type { MetricKey, PostmortemDocument } from "@/lib/data/postmortem-document";
import { METRIC_DEFINITIONS, MILESTONE_SHORT_LABELS, computeMetrics, milestoneTimes, type Metric } from "@/lib/domain/metrics";
import { toAmountInput, type MetricsFormValues } from "@/lib/validations/timeline";

export type MetricsField = keyof MetricsFormValues;

export const overrideField = (key: MetricKey) => `${key}OverrideMin` as const;
export const notApplicableField = (key: MetricKey) => `${key}NotApplicable` as const;

export const METRICS_FIELDS: MetricsField[] = [
  "usersAffected",
  "requestsAffected",
  "revenueImpact",
  "revenueCurrency",
  "slaBreached",
  ...METRIC_DEFINITIONS.flatMap((d) => [overrideField(d.key), notApplicableField(d.key)]),
];

export const FIELD_LABELS: Record<MetricsField, string> = {
  usersAffected: "Users affected",
  requestsAffected: "Requests affected",
  revenueImpact: "Revenue impact",
  revenueCurrency: "Currency",
  slaBreached: "SLA breached?",
  ...Object.fromEntries(
    METRIC_DEFINITIONS.flatMap((d) => [
      [overrideField(d.key), `${d.label} (entered minutes)`],
      [notApplicableField(d.key), `${d.label}: not applicable`],
    ]),
  ),
} as Record<MetricsField, string>;

/** The section's form values from the stored document: numbers as text, the amount in its currency. */
export function toMetricsForm(doc: PostmortemDocument): MetricsFormValues {
  const values: Record<string, unknown> = {
    usersAffected: doc.usersAffected === null ? "" : String(doc.usersAffected),
    requestsAffected: doc.requestsAffected === null ? "" : String(doc.requestsAffected),
    revenueImpact: toAmountInput(doc.revenueImpactMinor, doc.revenueCurrency),
    revenueCurrency: doc.revenueCurrency,
    slaBreached: doc.slaBreached,
  };
  for (const d of METRIC_DEFINITIONS) {
    const o = doc.overrides[d.key];
    values[overrideField(d.key)] = o.minutes === null ? "" : String(o.minutes);
    values[notApplicableField(d.key)] = o.notApplicable;
  }
  return values as MetricsFormValues;
}

const minutesOf = (value: unknown): number | null => {
  const text = String(value ?? "").trim();
  return /^\d+$/.test(text) ? Number(text) : null;
};

/** The five figures as the form currently stands (overrides typed but not yet saved count too). */
export function metricsFor(doc: PostmortemDocument, values: Partial<MetricsFormValues>) {
  const rows = doc.timeline.map((r) => ({ occurredAt: r.occurredAt ? new Date(r.occurredAt) : null, milestone: r.milestone }));
  const overrides: Partial<Record<MetricKey, number | null>> = {};
  const notApplicable: Partial<Record<MetricKey, boolean>> = {};
  for (const d of METRIC_DEFINITIONS) {
    overrides[d.key] = minutesOf(values[overrideField(d.key)]);
    notApplicable[d.key] = Boolean(values[notApplicableField(d.key)]);
  }
  return { ...computeMetrics(rows, { overrides, notApplicable }), times: milestoneTimes(rows) };
}

/** Where a figure comes from, in the words the page shows next to it. */
export function describeSource(metric: Metric, times: ReturnType<typeof milestoneTimes>): string {
  switch (metric.source) {
    case "derived":
      return "derived from timeline";
    case "override":
      return "entered";
    case "not_applicable":
      return "not applicable";
    case "missing": {
      if (metric.problem) return metric.problem;
      const definition = METRIC_DEFINITIONS.find((d) => d.key === metric.key);
      const needed = definition ? [definition.from, definition.to].filter((m) => !times[m]).map((m) => MILESTONE_SHORT_LABELS[m]) : [];
      return needed.length > 0 ? `missing: needs ${needed.join(" and ")} time${needed.length > 1 ? "s" : ""}` : "missing";
    }
  }
}
