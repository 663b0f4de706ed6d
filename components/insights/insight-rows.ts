import type { Insights } from "@/lib/data/insights";
import { SEVERITIES } from "@/lib/domain/severity-policy";
import { AI_CAUSES } from "@/lib/domain/template";
import { FACTOR_CATEGORY_LABELS } from "@/lib/domain/labels";
import { ACTION_HORIZONS, ACTION_HORIZON_ORDER } from "@/lib/domain/deadlines";
import type { ChartRow } from "@/components/insights/chart-card";

// Shapes the insights figures into chart rows (one object per x value); the page passes them to ChartCard.

export function severityRows(i: Insights): ChartRow[] {
  const months = new Map<string, ChartRow>();
  for (const r of i.perMonth) {
    const row = months.get(r.month) ?? { month: r.month, ...Object.fromEntries(SEVERITIES.map((s) => [s.value, 0])) };
    row[r.severity] = r.count;
    months.set(r.month, row);
  }
  return [...months.values()];
}

export function metricRows(i: Insights): ChartRow[] {
  return i.metrics.map((m) => ({ ...m }));
}

export function aiCauseRows(i: Insights): ChartRow[] {
  const counts = new Map(i.aiCauses.map((c) => [c.kind, c.count]));
  return AI_CAUSES.map((c) => ({ cause: c.label, count: counts.get(c.kind) ?? 0 }));
}

export function factorRows(i: Insights): ChartRow[] {
  const counts = new Map(i.factors.map((f) => [f.category, f.count]));
  return Object.entries(FACTOR_CATEGORY_LABELS).map(([k, label]) => ({ category: label, count: counts.get(k as never) ?? 0 }));
}

export function reviewRows(i: Insights): ChartRow[] {
  return i.reviews.map((r) => ({ month: r.month, share: r.held > 0 ? (100 * r.within) / r.held : null, held: r.held, within: r.within }));
}

export function followThroughRows(i: Insights): ChartRow[] {
  const byHorizon = new Map(i.followThrough.map((f) => [f.horizon, f]));
  return ACTION_HORIZON_ORDER.map((h) => {
    const f = byHorizon.get(h);
    return {
      horizon: ACTION_HORIZONS[h].label,
      openOnTime: f ? f.open - f.overdue : 0,
      overdue: f?.overdue ?? 0,
      done: f?.done ?? 0,
      wontDo: f?.wontDo ?? 0,
    };
  });
}

export function repeatRows(i: Insights): ChartRow[] {
  return i.repeats.map((r) => ({ month: r.month, count: r.count }));
}
