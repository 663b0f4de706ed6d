"use client";

import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { updateTimelineEntryAction } from "@/app/(app)/postmortems/[id]/timeline-actions";
import type { ActionResult } from "@/lib/errors";
import type { TimelineWrite } from "@/lib/data/timeline";
import { AI_EVENT_KINDS, EVENT_KIND_LABELS, MILESTONE_LABELS } from "@/lib/domain/labels";
import type { EventKind, Milestone } from "@/lib/generated/prisma/enums";
import {
  expandTimeCell, timelineFieldsSchema, type TimelineField, type TimelineFields, type TimelineFieldsInput,
} from "@/lib/validations/timeline";
import { inputClass } from "@/components/ui/field";
import type { SaveState } from "@/components/postmortem/section-card";
import { LocalTime } from "@/components/postmortem/timeline/local-time";
import { withoutConflict } from "@/components/postmortem/conflicts";
import { RowActions, RowConflicts } from "@/components/postmortem/timeline/row-parts";
import { FIELD_LABELS, ROW_FIELDS, focusCell, pick, sameCell, toRowValues } from "@/components/postmortem/timeline/row-values";
import type { ViewRow } from "@/components/postmortem/timeline/use-timeline";

type Run = <T>(key: string | null, task: (id: string | null) => Promise<ActionResult<T>>) => Promise<ActionResult<T>>;

export type TimelineRowProps = {
  view: ViewRow;
  index: number;
  count: number;
  postmortemId: string;
  incidentDate: string;
  focusOnMount: boolean;
  run: Run;
  onAddBelow: (key: string) => void;
  onDelete: (key: string, label: string) => void;
  onMove: (key: string, direction: -1 | 1) => void;
  onPasteLines: (text: string) => void;
};

const cell = `${inputClass} px-2 py-1.5`;
const MILESTONES = Object.keys(MILESTONE_LABELS) as Milestone[];
const KINDS = Object.keys(EVENT_KIND_LABELS) as EventKind[];

/**
 * One editable row: each text cell saves the row's changed fields when it loses focus and each select
 * when it changes (both caught on the row, after react-hook-form has taken the value),
 * with the value each had when editing began, so someone else's edit to another cell is never overwritten.
 */
export function TimelineRow(props: TimelineRowProps) {
  const { view, index, postmortemId, incidentDate, run } = props;
  const n = index + 1;
  const form = useForm<TimelineFieldsInput, unknown, TimelineFields>({
    resolver: zodResolver(timelineFieldsSchema),
    defaultValues: toRowValues(view.server),
  });
  const { register, getValues, setValue, trigger, setError, clearErrors, formState } = form;
  const base = useRef<TimelineFieldsInput>(toRowValues(view.server));
  // Rendered as the inputs' initial values too, so the server HTML already shows the row before hydration.
  const [initial] = useState(() => toRowValues(view.server));
  const timeRef = useRef<HTMLInputElement | null>(null);
  const [status, setStatus] = useState<SaveState>({ kind: "idle" });
  const [conflicts, setConflicts] = useState<Partial<Record<TimelineField, string>>>({});
  const version = view.server?.version ?? 1;

  // Someone else's saved change flows into every cell this person has not touched.
  const server = view.server;
  useEffect(() => {
    if (!server) return;
    const next = toRowValues(server);
    for (const field of ROW_FIELDS) {
      if (sameCell(next[field], base.current[field])) continue;
      const current = getValues(field);
      if (sameCell(current, base.current[field]) || sameCell(current, next[field])) {
        setValue(field, next[field]);
        base.current = { ...base.current, [field]: next[field] };
      }
    }
  }, [server, getValues, setValue]);

  useEffect(() => {
    if (props.focusOnMount) timeRef.current?.focus();
    // Only a row that has just been added takes the focus, once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const changedFields = useCallback(
    () => ROW_FIELDS.filter((f) => !sameCell(getValues(f), base.current[f])),
    [getValues],
  );

  const save = useCallback(async () => {
    const time = getValues("occurredAt") ?? "";
    const expanded = expandTimeCell(time, incidentDate);
    if (expanded !== time) setValue("occurredAt", expanded);
    const fields = changedFields();
    if (fields.length === 0) return;
    if (!(await trigger(fields))) {
      setStatus({ kind: "error", message: "Check the highlighted cell." });
      return;
    }
    setStatus({ kind: "saving" });
    const result = await run(view.key, async (id): Promise<ActionResult<TimelineWrite | null>> => {
      const now = changedFields();
      if (now.length === 0) return { ok: true, data: null };
      const changes = pick(getValues(), now);
      const answer = await updateTimelineEntryAction({
        postmortemId, entryId: id as string, version, changes, base: pick(base.current, now),
      });
      if (answer.ok) base.current = { ...base.current, ...changes };
      return answer;
    });
    if (result.ok) {
      setStatus({ kind: "saved", at: Date.now() });
      return;
    }
    setStatus({ kind: "error", message: result.message });
    if (result.code === "CONFLICT" && result.detail && typeof result.detail === "object") {
      setConflicts((c) => ({ ...c, ...(result.detail as Partial<Record<TimelineField, string>>) }));
    }
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = path.replace(/^changes\./, "") as TimelineField;
      if (ROW_FIELDS.includes(field) && messages?.[0]) setError(field, { type: "server", message: messages[0] });
    }
  }, [getValues, setValue, incidentDate, changedFields, trigger, run, view.key, postmortemId, version, setError]);

  const resolveConflict = (field: TimelineField, choice: "theirs" | "mine") => {
    const theirs = conflicts[field] ?? "";
    base.current = { ...base.current, [field]: theirs };
    if (choice === "theirs") setValue(field, theirs as never);
    setConflicts((current) => withoutConflict(current, field));
    clearErrors(field);
    if (choice === "mine") void save();
    else if (Object.keys(conflicts).length <= 1) setStatus({ kind: "idle" });
  };

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    const target = event.target as HTMLElement;
    const column = target.dataset.cell;
    if (!column || event.nativeEvent.isComposing) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void save();
      props.onAddBelow(view.key);
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && target.tagName === "INPUT") {
      if (focusCell(target, column, event.key === "ArrowDown" ? n + 1 : n - 1)) event.preventDefault();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const text = event.clipboardData.getData("text");
    if (!/\r|\n/.test(text.trim())) return;
    event.preventDefault();
    props.onPasteLines(text);
  }

  const errors = formState.errors;
  const id = (field: TimelineField) => `tl-${view.key}-${field}`;
  const errorText = (field: TimelineField) => errors[field]?.message;
  const aria = (field: TimelineField, extra?: string) => ({
    id: id(field),
    "aria-label": `${FIELD_LABELS[field]} of row ${n}`,
    "aria-invalid": !!errors[field],
    "aria-describedby": [errorText(field) ? `${id(field)}-error` : null, extra].filter(Boolean).join(" ") || undefined,
    "data-cell": field,
    "data-row-index": n,
    defaultValue: initial[field] ?? "",
  });
  const errorLine = (field: TimelineField) =>
    errorText(field) ? <span id={`${id(field)}-error`} role="alert" className="block text-xs font-medium text-red-700">{errorText(field)}</span> : null;
  const time = register("occurredAt");
  const [milestone, kind, timeValue] = useWatch({ control: form.control, name: ["milestone", "kind", "occurredAt"] });

  return (
    <>
      <tr data-testid="timeline-row" data-row-key={view.key} onKeyDown={onKeyDown}
        onBlur={(e) => { if (e.target.tagName === "INPUT") void save(); }}
        onChange={(e) => { if (e.target.tagName === "SELECT") void save(); }}
        className={`align-top ${status.kind === "error" ? "bg-red-50/60" : ""}`}>
        <td className="p-1 min-w-44">
          <input {...time} ref={(el) => { time.ref(el); timeRef.current = el; }} {...aria("occurredAt", `${id("occurredAt")}-local`)}
            className={`${cell} font-mono`} placeholder="HH:mm" autoComplete="off" inputMode="numeric" onPaste={onPaste} />
          {errorLine("occurredAt")}
          <LocalTime id={`${id("occurredAt")}-local`} value={expandTimeCell(timeValue ?? "", incidentDate)} />
        </td>
        <td className="p-1 min-w-40">
          <input {...register("event")} {...aria("event")} className={cell} autoComplete="off" onPaste={onPaste}
            placeholder={milestone ? MILESTONE_LABELS[milestone as Milestone] : "What happened"} />
          {errorLine("event")}
        </td>
        <td className="p-1 min-w-28">
          <input {...register("actor")} {...aria("actor")} className={cell} autoComplete="off" placeholder="System / team" />
          {errorLine("actor")}
        </td>
        <td className="p-1 min-w-32">
          <input {...register("notes")} {...aria("notes")} className={cell} autoComplete="off" />
          {errorLine("notes")}
        </td>
        <td className="p-1 min-w-36">
          <select {...register("milestone")} {...aria("milestone")} className={cell}>
            <option value="">—</option>
            {MILESTONES.map((m) => <option key={m} value={m}>{MILESTONE_LABELS[m]}</option>)}
          </select>
          {errorLine("milestone")}
        </td>
        <td className="p-1 min-w-36">
          <select {...register("kind")} {...aria("kind")}
            className={`${cell} ${AI_EVENT_KINDS.includes(kind as EventKind) ? "border-violet-300 bg-violet-50" : ""}`}>
            <optgroup label="General">
              {KINDS.filter((k) => !AI_EVENT_KINDS.includes(k)).map((k) => <option key={k} value={k}>{EVENT_KIND_LABELS[k]}</option>)}
            </optgroup>
            <optgroup label="AI system">
              {AI_EVENT_KINDS.map((k) => <option key={k} value={k}>{EVENT_KIND_LABELS[k]}</option>)}
            </optgroup>
          </select>
          {errorLine("kind")}
        </td>
        <RowActions n={n} count={props.count} status={status}
          onMoveUp={() => props.onMove(view.key, -1)} onMoveDown={() => props.onMove(view.key, 1)}
          onInsertBelow={() => props.onAddBelow(view.key)}
          onDelete={() => props.onDelete(view.key, getValues("event")?.trim() || `Row ${n}`)} />
      </tr>
      {Object.keys(conflicts).length > 0 ? (
        <RowConflicts n={n} conflicts={conflicts} onResolve={resolveConflict} />
      ) : null}
    </>
  );
}
