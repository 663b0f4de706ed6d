"use client";

import type { SectionProps } from "@/components/postmortem/section-props";
import { formatDuration } from "@/lib/domain/metrics";
import { SLA_BREACHED_LABELS } from "@/lib/domain/labels";
import { formatMoney } from "@/lib/domain/money";
import type { SlaBreached } from "@/lib/generated/prisma/enums";
import { CURRENCY_CHOICES, metricsFieldProblem, type MetricsFormValues } from "@/lib/validations/timeline";
import { SectionCard } from "@/components/postmortem/section-card";
import { toSaveState } from "@/components/postmortem/use-section-form";
import { useLiveRow } from "@/components/live/use-live-row";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  FIELD_LABELS,
  METRICS_FIELDS,
  describeSource,
  metricsFor,
  notApplicableField,
  overrideField,
  toMetricsForm,
  type MetricsField,
} from "@/components/postmortem/metrics/metric-values";

const cell = `${inputClass} px-2 py-1.5`;
const SLA = Object.keys(SLA_BREACHED_LABELS) as SlaBreached[];
// The amount is read in its currency, so the two always travel together.
const TOGETHER = [["revenueImpact", "revenueCurrency"]] as const;
const validate = (field: string, value: unknown, draftOf: (field: string) => unknown) =>
  metricsFieldProblem(field, value, draftOf("revenueCurrency"));

/** The template's Key Metrics table: time figures derived from the timeline's milestones, plus impact figures. */
export function MetricsSection({ doc, canEdit }: SectionProps) {
  // Typed figures save on a pause and when left, choices at once, through the live protocol (queued
  // offline, someone else's change taken when nothing is unsaved here, a conflict when it is).
  const row = useLiveRow({ entity: "postmortem", entityId: doc.id, values: toMetricsForm(doc), validate, together: TOGETHER });
  const values = Object.fromEntries(METRICS_FIELDS.map((f) => [f, row.value(f)])) as Partial<MetricsFormValues>;
  const { metrics, warnings, times } = metricsFor(doc, values);
  const state = toSaveState(row.rowStatus);

  const errorOf = (field: MetricsField) => {
    const status = row.status(field);
    return status.kind === "error" && !row.conflict(field) ? status.message : undefined;
  };
  const fieldProps = (field: MetricsField, label: string, now = false) => ({
    id: `metrics-${field}`,
    value: String(row.value(field) ?? ""),
    onChange: (e: { target: { value: string } }) => row.setValue(field, e.target.value, { now }),
    ...row.bind(field),
    "aria-label": label,
    "aria-invalid": !!errorOf(field),
    "aria-describedby": errorOf(field) ? `metrics-${field}-error` : undefined,
  });
  const error = (field: MetricsField) =>
    errorOf(field) ? (
      <span id={`metrics-${field}-error`} role="alert" className="block text-xs font-medium text-red-700">
        {errorOf(field)}
      </span>
    ) : null;
  const conflicts = METRICS_FIELDS.flatMap((field) => {
    const conflict = row.conflict(field);
    return conflict ? [{ field, theirs: conflict.theirs }] : [];
  });
  const revenue = doc.revenueImpactMinor === null ? "—" : formatMoney(BigInt(doc.revenueImpactMinor), doc.revenueCurrency);
  const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

  return (
    <SectionCard
      id="metrics"
      title="Key Metrics"
      state={canEdit ? state : undefined}
      description="Time figures come from the tagged timeline rows unless entered by hand or marked not applicable."
    >
      <form noValidate onSubmit={(e) => e.preventDefault()}>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm">
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className={th}>
                  Metric
                </th>
                <th scope="col" className={th}>
                  Value
                </th>
                {canEdit ? (
                  <th scope="col" className={th}>
                    Enter minutes
                  </th>
                ) : null}
                {canEdit ? (
                  <th scope="col" className={th}>
                    Not applicable
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {metrics.map((m) => (
                <tr key={m.key} data-testid={`metric-${m.key}`} className="align-top">
                  <th scope="row" className="px-2 py-2 text-left font-medium">
                    {m.label}
                  </th>
                  <td className="px-2 py-2">
                    <span data-testid={`metric-${m.key}-value`} className="font-semibold">
                      {m.minutes === null ? "—" : formatDuration(m.minutes)}
                    </span>
                    <span
                      data-testid={`metric-${m.key}-source`}
                      className={`block text-xs ${m.source === "missing" ? "text-amber-800" : "text-slate-500"}`}
                    >
                      {describeSource(m, times)}
                    </span>
                  </td>
                  {canEdit ? (
                    <td className="px-2 py-2 w-36">
                      <input
                        {...fieldProps(overrideField(m.key), `${m.label} in minutes`)}
                        className={cell}
                        inputMode="numeric"
                        placeholder="derived"
                        autoComplete="off"
                      />
                      {error(overrideField(m.key))}
                    </td>
                  ) : null}
                  {canEdit ? (
                    <td className="px-2 py-2">
                      <input
                        type="checkbox"
                        id={`metrics-${notApplicableField(m.key)}`}
                        aria-label={`${m.label} not applicable`}
                        checked={!!row.value(notApplicableField(m.key))}
                        onChange={(e) => row.setValue(notApplicableField(m.key), e.target.checked, { now: true })}
                        {...row.bind(notApplicableField(m.key))}
                        className="h-4 w-4 rounded border-slate-300"
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {warnings.some((w) => w.kind === "out_of_order") ? (
          <div className="mt-3">
            <Alert tone="warning" title="Milestones out of order">
              <ul className="list-disc pl-5">
                {warnings
                  .filter((w) => w.kind === "out_of_order")
                  .map((w) => (
                    <li key={w.message}>{w.message}</li>
                  ))}
              </ul>
            </Alert>
          </div>
        ) : null}
        {canEdit ? (
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <label className="block space-y-1 text-sm font-medium text-slate-800">
              <span>Users affected</span>
              <input {...fieldProps("usersAffected", "Users affected")} className={cell} inputMode="numeric" autoComplete="off" />
              {error("usersAffected")}
            </label>
            <label className="block space-y-1 text-sm font-medium text-slate-800">
              <span>Requests affected</span>
              <input {...fieldProps("requestsAffected", "Requests affected")} className={cell} inputMode="numeric" autoComplete="off" />
              {error("requestsAffected")}
            </label>
            <div className="space-y-1 text-sm">
              <span className="block font-medium text-slate-800">Revenue impact</span>
              <div className="flex gap-2">
                <select {...fieldProps("revenueCurrency", "Revenue impact currency", true)} className={`${cell} w-24`}>
                  {[...new Set([...CURRENCY_CHOICES, doc.revenueCurrency])].map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                <input
                  {...fieldProps("revenueImpact", "Revenue impact amount")}
                  className={cell}
                  inputMode="decimal"
                  placeholder="e.g. 12,500.00"
                  autoComplete="off"
                />
              </div>
              {error("revenueImpact")}
              {error("revenueCurrency")}
            </div>
            <fieldset className="space-y-1 text-sm">
              <legend className="font-medium text-slate-800">SLA breached?</legend>
              <div className="flex gap-4 pt-1">
                {SLA.map((v) => (
                  <label key={v} className="flex items-center gap-1.5">
                    <input
                      type="radio"
                      name="slaBreached"
                      value={v}
                      checked={row.value("slaBreached") === v}
                      onChange={() => row.setValue("slaBreached", v, { now: true })}
                      {...row.bind("slaBreached")}
                    />{" "}
                    {SLA_BREACHED_LABELS[v]}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        ) : (
          <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Users affected</dt>
              <dd>{doc.usersAffected?.toLocaleString("en-GB") ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Requests affected</dt>
              <dd>{doc.requestsAffected?.toLocaleString("en-GB") ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Revenue impact</dt>
              <dd>{revenue}</dd>
            </div>
            <div>
              <dt className="text-slate-500">SLA breached?</dt>
              <dd>{SLA_BREACHED_LABELS[doc.slaBreached]}</dd>
            </div>
          </dl>
        )}
        {conflicts.length > 0 ? (
          <div role="alert" className="mt-3 space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {conflicts.map(({ field, theirs }) => (
              <div key={field} className="flex flex-wrap items-center gap-2">
                <span>
                  {FIELD_LABELS[field]} was changed by someone else to <strong>“{String(theirs) || "(empty)"}”</strong>.
                </span>
                <Button size="sm" variant="secondary" onClick={() => row.useTheirs(field)}>
                  Use theirs
                </Button>
                <Button size="sm" variant="secondary" onClick={() => row.keepMine(field)}>
                  Keep mine
                </Button>
              </div>
            ))}
          </div>
        ) : null}
        {canEdit && METRICS_FIELDS.some(errorOf) ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            Check the highlighted field.
          </p>
        ) : null}
      </form>
    </SectionCard>
  );
}
