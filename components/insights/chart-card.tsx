"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type LegendPayload,
} from "recharts";
import { csvCell } from "@/lib/domain/exports-csv";
import { formatDuration } from "@/lib/domain/metrics";
import { ColumnHeads } from "@/components/ui/table";

export type Series = { key: string; label: string; color: string };
export type ChartRow = Record<string, string | number | null>;
export type ValueFormat = "count" | "minutes" | "percent" | "days";

function format(value: string | number | null | undefined, kind: ValueFormat): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (kind === "minutes") return formatDuration(value);
  if (kind === "percent") return `${Math.round(value)}%`;
  if (kind === "days") return `${Math.round(value * 10) / 10} d`;
  return value.toLocaleString("en-GB");
}

function download(filename: string, xLabel: string, xKey: string, series: Series[], data: ChartRow[]) {
  const lines = [[xLabel, ...series.map((s) => s.label)], ...data.map((row) => [row[xKey], ...series.map((s) => row[s.key])])];
  const csv = lines.map((cells) => cells.map((c) => csvCell(c ?? "")).join(",")).join("\r\n") + "\r\n";
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * One chart with its data as a table (the accessible alternative, also what screen readers get) and a
 * CSV download of exactly that table.
 */
export function ChartCard({
  id,
  title,
  description,
  kind,
  data,
  xKey,
  xLabel,
  series,
  format: valueFormat = "count",
}: {
  id: string;
  title: string;
  description: string;
  /** `categories`: horizontal bars, one labelled row per category (every label readable at any width). */
  kind: "bar" | "stacked" | "line" | "categories";
  data: ChartRow[];
  xKey: string;
  xLabel: string;
  series: Series[];
  format?: ValueFormat;
}) {
  // Axis ticks stay short (one line); the table and tooltip give the exact duration.
  const tick = (v: number) =>
    valueFormat === "minutes" ? (v >= 60 ? `${Math.round(v / 6) / 10} h` : `${v} min`) : valueFormat === "percent" ? `${v}%` : String(v);
  // Legend items in the order of the series (Critical before High…), not recharts' alphabetical default.
  const legendOrder = (item: LegendPayload) => series.findIndex((s) => s.key === item.dataKey);
  const tooltip = (v: unknown) => format(typeof v === "number" ? v : null, valueFormat);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="font-semibold">
            {title}
          </h2>
          <p className="text-xs text-slate-600">{description}</p>
        </div>
        <button
          type="button"
          className="text-sm text-brand-600 hover:underline no-print"
          onClick={() => download(`${id}.csv`, xLabel, xKey, series, data)}
        >
          Download CSV
        </button>
      </div>
      {data.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500">No data for these filters.</p>
      ) : (
        <>
          <div className="h-64" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              {kind === "line" ? (
                <LineChart data={data} margin={{ left: 8, right: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                  <XAxis dataKey={xKey} fontSize={12} />
                  <YAxis fontSize={12} tickFormatter={tick} width={70} />
                  <Tooltip formatter={tooltip} />
                  <Legend itemSorter={legendOrder} />
                  {series.map((s) => (
                    <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} dot={false} connectNulls isAnimationActive={false} />
                  ))}
                </LineChart>
              ) : (
                <BarChart data={data} margin={{ left: 8, right: 8 }} layout={kind === "categories" ? "vertical" : "horizontal"}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                  {kind === "categories" ? (
                    <>
                      <XAxis type="number" fontSize={12} tickFormatter={tick} allowDecimals={false} />
                      <YAxis type="category" dataKey={xKey} fontSize={12} width={150} interval={0} />
                    </>
                  ) : (
                    <>
                      <XAxis dataKey={xKey} fontSize={12} />
                      <YAxis fontSize={12} tickFormatter={tick} width={50} allowDecimals={false} />
                    </>
                  )}
                  <Tooltip formatter={tooltip} />
                  {series.length > 1 ? <Legend itemSorter={legendOrder} /> : null}
                  {series.map((s) => (
                    <Bar
                      key={s.key}
                      dataKey={s.key}
                      name={s.label}
                      fill={s.color}
                      stackId={kind === "stacked" ? "a" : undefined}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              )}
            </ResponsiveContainer>
          </div>
          <details className="mt-2 text-sm" open={data.length <= 3}>
            <summary className="cursor-pointer text-slate-700">Show as table</summary>
            <div className="mt-2 max-h-72 overflow-auto">
              <table className="min-w-full text-sm" data-testid={`table-${id}`}>
                <caption className="sr-only">{title}</caption>
                <ColumnHeads tone="plain" columns={[xLabel, ...series.map((s) => ({ head: s.label, className: "text-right" }))]} />
                <tbody className="divide-y divide-slate-100">
                  {data.map((row) => (
                    <tr key={String(row[xKey])}>
                      <th scope="row" className="px-2 py-1 text-left font-normal">
                        {row[xKey]}
                      </th>
                      {series.map((s) => (
                        <td key={s.key} className="px-2 py-1 text-right tabular-nums">
                          {format(row[s.key], valueFormat)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
