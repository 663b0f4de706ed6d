"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { SectionProps } from "@/components/postmortem/section-props";
import { updateMetricsSectionAction } from "@/app/(app)/postmortems/[id]/timeline-actions";
import { formatDuration } from "@/lib/domain/metrics";
import { SLA_BREACHED_LABELS } from "@/lib/domain/labels";
import { formatMoney } from "@/lib/domain/money";
import type { SlaBreached } from "@/lib/generated/prisma/enums";
import type { ConflictDetail } from "@/lib/errors";
import { CURRENCY_CHOICES, metricsSectionSchema, type MetricsColumns, type MetricsFormValues } from "@/lib/validations/timeline";
import { SectionCard, type SaveState } from "@/components/postmortem/section-card";
import { withoutConflict } from "@/components/postmortem/conflicts";
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

const same = (a: unknown, b: unknown) => String(a ?? "").trim() === String(b ?? "").trim();
const cell = `${inputClass} px-2 py-1.5`;
const SLA = Object.keys(SLA_BREACHED_LABELS) as SlaBreached[];

// Typed fields save when left; selects, checkboxes and radios save as soon as they change.
const isTextInput = (target: EventTarget) => target instanceof HTMLInputElement && target.type !== "checkbox" && target.type !== "radio";

/** The template's Key Metrics table: time figures derived from the timeline's milestones, plus impact figures. */
export function MetricsSection({ doc, canEdit }: SectionProps) {
  const form = useForm<MetricsFormValues, unknown, MetricsColumns>({
    resolver: zodResolver(metricsSectionSchema),
    defaultValues: toMetricsForm(doc),
  });
  const { register, getValues, setValue, trigger, setError, clearErrors, control, formState } = form;
  const base = useRef<MetricsFormValues>(toMetricsForm(doc));
  // Rendered as the inputs' initial values too, so the server HTML already shows the figures before hydration.
  const [initial] = useState(() => toMetricsForm(doc));
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [conflicts, setConflicts] = useState<Partial<Record<MetricsField, unknown>>>({});
  const values = useWatch({ control }) as Partial<MetricsFormValues>;
  const { metrics, warnings, times } = metricsFor(doc, values);

  // Someone else's saved figures flow into every field this person has not touched.
  useEffect(() => {
    const next = toMetricsForm(doc);
    for (const field of METRICS_FIELDS) {
      if (same(next[field], base.current[field])) continue;
      const current = getValues(field);
      if (same(current, base.current[field]) || same(current, next[field])) {
        setValue(field, next[field] as never);
        base.current = { ...base.current, [field]: next[field] };
      }
    }
  }, [doc, getValues, setValue]);

  const save = useCallback(async () => {
    let fields = METRICS_FIELDS.filter((f) => !same(getValues(f), base.current[f]));
    if (fields.length === 0) return;
    // The amount is read in its currency, so the two always travel together.
    if (fields.includes("revenueImpact") || fields.includes("revenueCurrency")) {
      fields = [...new Set<MetricsField>([...fields, "revenueImpact", "revenueCurrency"])];
    }
    if (!(await trigger(fields))) {
      setState({ kind: "error", message: "Check the highlighted field." });
      return;
    }
    setState({ kind: "saving" });
    const pick = (source: MetricsFormValues) => Object.fromEntries(fields.map((f) => [f, source[f]]));
    const changes = pick(getValues());
    const task = queue.current.then(() =>
      updateMetricsSectionAction({ postmortemId: doc.id, changes, base: pick(base.current) }).catch(() => ({
        ok: false as const,
        code: "INTERNAL" as const,
        message: "The server could not be reached; nothing was saved.",
        fieldErrors: undefined,
        detail: undefined,
      })),
    );
    queue.current = task;
    const result = await task;
    if (result.ok) {
      base.current = { ...base.current, ...changes };
      setState({ kind: "saved", at: Date.now() });
      return;
    }
    setState({ kind: "error", message: result.message });
    if (result.code === "CONFLICT" && result.detail && typeof result.detail === "object") {
      setConflicts((c) => ({ ...c, ...(result.detail as ConflictDetail).theirs }));
    }
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = path.replace(/^changes\./, "") as MetricsField;
      if (METRICS_FIELDS.includes(field) && messages?.[0]) setError(field, { type: "server", message: messages[0] });
    }
  }, [doc.id, getValues, trigger, setError]);

  const resolve = (field: MetricsField, choice: "theirs" | "mine") => {
    base.current = { ...base.current, [field]: conflicts[field] };
    if (choice === "theirs") setValue(field, conflicts[field] as never);
    setConflicts((current) => withoutConflict(current, field));
    clearErrors(field);
    if (choice === "mine") void save();
  };

  const errors = formState.errors;
  const fieldProps = (field: MetricsField, label: string) => ({
    id: `metrics-${field}`,
    ...(typeof initial[field] === "boolean"
      ? { defaultChecked: initial[field] as boolean }
      : { defaultValue: String(initial[field] ?? "") }),
    "aria-label": label,
    "aria-invalid": !!errors[field],
    "aria-describedby": errors[field] ? `metrics-${field}-error` : undefined,
  });
  const error = (field: MetricsField) =>
    errors[field]?.message ? (
      <span id={`metrics-${field}-error`} role="alert" className="block text-xs font-medium text-red-700">
        {errors[field]?.message}
      </span>
    ) : null;
  const revenue = doc.revenueImpactMinor === null ? "—" : formatMoney(BigInt(doc.revenueImpactMinor), doc.revenueCurrency);
  const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

  return (
    <SectionCard
      id="metrics"
      title="Key Metrics"
      state={canEdit ? state : undefined}
      description="Time figures come from the tagged timeline rows unless entered by hand or marked not applicable."
    >
      <form
        noValidate
        onSubmit={(e) => e.preventDefault()}
        onBlur={(e) => {
          if (isTextInput(e.target)) void save();
        }}
        onChange={(e) => {
          if (!isTextInput(e.target)) void save();
        }}
      >
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
                        {...register(overrideField(m.key))}
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
                        {...register(notApplicableField(m.key))}
                        {...fieldProps(notApplicableField(m.key), `${m.label} not applicable`)}
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
              <input
                {...register("usersAffected")}
                {...fieldProps("usersAffected", "Users affected")}
                className={cell}
                inputMode="numeric"
                autoComplete="off"
              />
              {error("usersAffected")}
            </label>
            <label className="block space-y-1 text-sm font-medium text-slate-800">
              <span>Requests affected</span>
              <input
                {...register("requestsAffected")}
                {...fieldProps("requestsAffected", "Requests affected")}
                className={cell}
                inputMode="numeric"
                autoComplete="off"
              />
              {error("requestsAffected")}
            </label>
            <div className="space-y-1 text-sm">
              <span className="block font-medium text-slate-800">Revenue impact</span>
              <div className="flex gap-2">
                <select
                  {...register("revenueCurrency")}
                  {...fieldProps("revenueCurrency", "Revenue impact currency")}
                  className={`${cell} w-24`}
                >
                  {[...new Set([...CURRENCY_CHOICES, doc.revenueCurrency])].map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
                <input
                  {...register("revenueImpact")}
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
                    <input type="radio" value={v} {...register("slaBreached")} defaultChecked={initial.slaBreached === v} />{" "}
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
        {Object.keys(conflicts).length > 0 ? (
          <div role="alert" className="mt-3 space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {(Object.entries(conflicts) as [MetricsField, unknown][]).map(([field, theirs]) => (
              <div key={field} className="flex flex-wrap items-center gap-2">
                <span>
                  {FIELD_LABELS[field]} was changed by someone else to <strong>“{String(theirs) || "(empty)"}”</strong>.
                </span>
                <Button size="sm" variant="secondary" onClick={() => resolve(field, "theirs")}>
                  Use theirs
                </Button>
                <Button size="sm" variant="secondary" onClick={() => resolve(field, "mine")}>
                  Keep mine
                </Button>
              </div>
            ))}
          </div>
        ) : null}
        {canEdit && state.kind === "error" ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
      </form>
    </SectionCard>
  );
}
