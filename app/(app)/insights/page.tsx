import Link from "next/link";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getInsights } from "@/lib/data/insights";
import { browseOptions } from "@/lib/data/browse-options";
import { browseFiltersSchema, flattenParams, toQueryString } from "@/lib/validations/browse";
import { completionRate, formatShare } from "@/lib/domain/follow-through";
import { ACTION_HORIZONS } from "@/lib/domain/deadlines";
import { FilterForm } from "@/components/browse/filter-form";
import { ChartCard } from "@/components/insights/chart-card";
import { ColumnHeads } from "@/components/ui/table";
import {
  aiCauseRows,
  factorRows,
  followThroughRows,
  metricRows,
  repeatRows,
  reviewRows,
  severityRows,
} from "@/components/insights/insight-rows";

export const metadata: Metadata = { title: "Insights" };

const SEVERITY_SERIES = [
  { key: "CRITICAL", label: "Critical", color: "#b91c1c" },
  { key: "HIGH", label: "High", color: "#ea580c" },
  { key: "MEDIUM", label: "Medium", color: "#d97706" },
  { key: "LOW", label: "Low", color: "#64748b" },
];
const METRIC_SERIES = [
  { key: "detect", label: "Time to detect", color: "#2563eb" },
  { key: "acknowledge", label: "Time to acknowledge", color: "#7c3aed" },
  { key: "mitigate", label: "Time to mitigate", color: "#0d9488" },
  { key: "resolve", label: "Time to resolve", color: "#b91c1c" },
];
const FOLLOW_SERIES = [
  { key: "done", label: "Done", color: "#16a34a" },
  { key: "openOnTime", label: "Open, on time", color: "#2563eb" },
  { key: "overdue", label: "Overdue", color: "#b91c1c" },
  { key: "wontDo", label: "Won't do", color: "#94a3b8" },
];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <div className="text-2xl font-semibold" data-testid={testId}>
        {value}
      </div>
      <div className="text-xs text-slate-600">{label}</div>
    </div>
  );
}

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireUser();
  const filters = browseFiltersSchema.parse(flattenParams(await searchParams));
  const [insights, options] = await Promise.all([getInsights(user, filters), browseOptions(user)]);
  const held = insights.reviews.reduce((n, r) => n + r.held, 0);
  const within = insights.reviews.reduce((n, r) => n + r.within, 0);
  const actions = insights.followThrough.reduce(
    (a, f) => ({ done: a.done + f.done, total: a.total + f.total, wontDo: a.wontDo + f.wontDo }),
    { done: 0, total: 0, wontDo: 0 },
  );
  const repeats = insights.repeats.reduce((n, r) => n + r.count, 0);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Insights</h1>
          <p className="text-sm text-slate-600">
            What keeps failing, whether reviews happen within 48 hours, and whether actions get done.
          </p>
        </div>
        <Link
          href={`/postmortems${toQueryString(filters as Record<string, string | undefined>)}`}
          className="text-sm text-brand-600 hover:underline"
        >
          List these postmortems
        </Link>
      </div>
      <FilterForm path="/insights" filters={filters} options={options} />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Postmortems" value={insights.total.toLocaleString("en-GB")} testId="insight-total" />
        <Figure
          label={`Reviews held within 48 h (${within} of ${held})`}
          value={formatShare(held > 0 ? within / held : null)}
          testId="insight-within"
        />
        <Figure label="Corrective actions completed" value={formatShare(completionRate(actions))} testId="insight-completion" />
        <Figure label="Possible repeat incidents" value={repeats.toLocaleString("en-GB")} testId="insight-repeats" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          id="incidents-per-month"
          title="Incidents per month by severity"
          description="Postmortems by month of the incident."
          kind="stacked"
          data={severityRows(insights)}
          xKey="month"
          xLabel="Month"
          series={SEVERITY_SERIES}
        />
        <ChartCard
          id="median-times"
          title="Median times per month"
          description="From tagged timeline rows; overrides and N/A respected."
          kind="line"
          data={metricRows(insights)}
          xKey="month"
          xLabel="Month"
          series={METRIC_SERIES}
          format="minutes"
        />
        <ChartCard
          id="ai-causes"
          title="AI root causes"
          description="Postmortems with each item of the AI checklist ticked."
          kind="categories"
          data={aiCauseRows(insights)}
          xKey="cause"
          xLabel="AI root cause"
          series={[{ key: "count", label: "Postmortems", color: "#2563eb" }]}
        />
        <ChartCard
          id="factors"
          title="Contributing factors by category"
          description="Postmortems with a written factor in each category."
          kind="bar"
          data={factorRows(insights)}
          xKey="category"
          xLabel="Category"
          series={[{ key: "count", label: "Postmortems", color: "#7c3aed" }]}
        />
        <ChartCard
          id="reviews-within-48h"
          title="Reviews held within 48 hours"
          description="Share of held reviews (Critical, High, Medium) whose meeting was within 48 h of resolution."
          kind="bar"
          data={reviewRows(insights)}
          xKey="month"
          xLabel="Month"
          series={[{ key: "share", label: "Held within 48 h", color: "#16a34a" }]}
          format="percent"
        />
        <ChartCard
          id="follow-through"
          title="Follow-through by horizon"
          description="Corrective actions by status; overdue = past deadline and not done."
          kind="stacked"
          data={followThroughRows(insights)}
          xKey="horizon"
          xLabel="Horizon"
          series={FOLLOW_SERIES}
        />
        <ChartCard
          id="repeats"
          title="Possible repeat incidents"
          description="Same AI cause on the same AI system as an earlier published postmortem."
          kind="bar"
          data={repeatRows(insights)}
          xKey="month"
          xLabel="Month"
          series={[{ key: "count", label: "Repeat incidents", color: "#b91c1c" }]}
        />
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="completion-title">
          <h2 id="completion-title" className="font-semibold">
            Completion and lateness by horizon
          </h2>
          <table className="mt-2 min-w-full text-sm" data-testid="table-completion">
            <ColumnHeads
              tone="plain"
              columns={[
                "Horizon",
                { head: "Actions", className: "text-right" },
                { head: "Completion rate", className: "text-right" },
                { head: "Median days late", className: "text-right" },
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {insights.followThrough.map((f) => (
                <tr key={f.horizon}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {ACTION_HORIZONS[f.horizon].heading}
                  </th>
                  <td className="px-2 py-1 text-right">{f.total}</td>
                  <td className="px-2 py-1 text-right">{formatShare(completionRate(f))}</td>
                  <td className="px-2 py-1 text-right">{f.medianDaysLate === null ? "—" : f.medianDaysLate}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-500">
            Completion rate = done ÷ (all − won&apos;t do). Late = completed after, or still open past, the deadline.
          </p>
        </section>
      </div>
    </div>
  );
}
