"use client";

import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from "react";
import { AI_EVENT_KINDS, EVENT_KIND_LABELS, MILESTONE_LABELS } from "@/lib/domain/labels";
import type { EventKind, Milestone } from "@/lib/generated/prisma/enums";
import { expandTimeCell, timelineFieldsSchema, toTimeCell, type TimelineField } from "@/lib/validations/timeline";
import { inputClass } from "@/components/ui/field";
import { LocalTime } from "@/components/postmortem/timeline/local-time";
import { RowActions, RowConflicts } from "@/components/postmortem/timeline/row-parts";
import { FIELD_LABELS, ROW_FIELDS, focusCell, toRowValues } from "@/components/postmortem/timeline/row-values";
import type { ViewRow } from "@/components/postmortem/timeline/use-timeline";
import { useLiveRow } from "@/components/live/use-live-row";
import { toSaveState } from "@/components/postmortem/use-section-form";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import { FieldHistoryButton } from "@/components/history/field-history";
import { CommentsButton } from "@/components/comments/comment-threads";

export type TimelineRowProps = {
  view: ViewRow;
  index: number;
  count: number;
  incidentDate: string;
  focusOnMount: boolean;
  onAddBelow: (key: string) => void;
  onDelete: (key: string, label: string) => void;
  onMove: (key: string, direction: -1 | 1) => void;
  onPasteLines: (text: string) => void;
};

const cell = `${inputClass} px-2 py-1.5`;
// Event and notes grow with their text (wrapping) instead of cutting it off in a one-line box.
const growing = `${cell} field-sizing-content min-h-[2.25rem] resize-none`;
const MILESTONES = Object.keys(MILESTONE_LABELS) as Milestone[];
const KINDS = Object.keys(EVENT_KIND_LABELS) as EventKind[];
const SELECTS = new Set<TimelineField>(["milestone", "kind"]);

/**
 * One editable row: every cell saves on its own (text on a pause and on leaving it, selects at once),
 * with the value it had when editing began, so two people typing in different cells of the row both
 * keep their text, and someone else's change to the cell being typed in becomes a visible conflict.
 * A row just added is editable at once: its edits wait in the outbox behind its create.
 */
export function TimelineRow(props: TimelineRowProps) {
  const { view, index, incidentDate } = props;
  const rowId = view.id;
  const n = index + 1;
  const live = useLiveDoc();
  const row = useLiveRow({
    entity: "timeline",
    entityId: rowId,
    values: toRowValues(view.server),
    fromEvent: (field, after) => (field === "occurredAt" ? toTimeCell(after as string | null) : (after ?? "")),
    toWire: (field, value) => (field === "occurredAt" ? expandTimeCell(String(value ?? ""), incidentDate) : value),
    validate: (field, value) => {
      const schema = timelineFieldsSchema.shape[field as TimelineField];
      const wire = field === "occurredAt" ? expandTimeCell(String(value ?? ""), incidentDate) : value;
      const result = schema?.safeParse(wire);
      return result && !result.success ? result.error.issues[0]?.message : undefined;
    },
  });
  const timeRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (props.focusOnMount) timeRef.current?.focus();
    // Only a row that has just been added takes the focus, once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    const target = event.target as HTMLElement;
    const column = target.dataset.cell;
    if (!column || event.nativeEvent.isComposing) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      ROW_FIELDS.forEach((f) => row.flush(f));
      props.onAddBelow(view.key);
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && target.tagName === "INPUT") {
      if (focusCell(target, column, event.key === "ArrowDown" ? n + 1 : n - 1)) event.preventDefault();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) {
    const text = event.clipboardData.getData("text");
    if (!/\r|\n/.test(text.trim())) return;
    event.preventDefault();
    props.onPasteLines(text);
  }

  const id = (field: TimelineField) => `tl-${view.key}-${field}`;
  const errorText = (field: TimelineField) => {
    const status = row.status(field);
    return status.kind === "error" && !row.conflict(field) ? status.message : undefined;
  };
  const control = (field: TimelineField, extra?: string) => ({
    id: id(field),
    "aria-label": `${FIELD_LABELS[field]} of row ${n}`,
    "aria-invalid": !!errorText(field),
    "aria-describedby": [errorText(field) ? `${id(field)}-error` : null, extra].filter(Boolean).join(" ") || undefined,
    "data-cell": field,
    "data-row-index": n,
    value: String(row.value(field) ?? ""),
    onChange: (e: { target: { value: string } }) => row.setValue(field, e.target.value, { now: SELECTS.has(field) }),
    ...row.bind(field),
  });
  const errorLine = (field: TimelineField) =>
    errorText(field) ? (
      <span id={`${id(field)}-error`} role="alert" className="block text-xs font-medium text-red-700">
        {errorText(field)}
      </span>
    ) : null;
  const milestone = String(row.value("milestone") ?? "");
  const kind = String(row.value("kind") ?? "");
  const editors = live.presence.filter((p) => p.tabId !== live.tabId && p.focus?.entity === "timeline" && p.focus.entityId === rowId);
  const outline = editors[0] ? { outline: `2px solid ${editors[0].color}`, outlineOffset: -2 } : undefined;

  return (
    <>
      <tr
        data-testid="timeline-row"
        data-row-key={view.key}
        data-row-id={rowId}
        onKeyDown={onKeyDown}
        style={outline}
        data-editors={editors.map((p) => p.name).join(", ") || undefined}
        className={`align-top ${row.rowStatus.kind === "error" ? "bg-red-50/60" : ""}`}
      >
        <td className="p-1 min-w-44">
          <input
            ref={timeRef}
            {...control("occurredAt", `${id("occurredAt")}-local`)}
            className={`${cell} font-mono`}
            placeholder="HH:mm"
            autoComplete="off"
            inputMode="numeric"
            onPaste={onPaste}
          />
          {errorLine("occurredAt")}
          <LocalTime id={`${id("occurredAt")}-local`} value={expandTimeCell(String(row.value("occurredAt") ?? ""), incidentDate)} />
          {editors.length > 0 ? (
            <span
              className="mt-0.5 inline-block rounded px-1.5 text-[11px] font-medium text-white"
              data-testid="row-editors"
              style={{ background: editors[0].color }}
            >
              {editors.map((p) => p.name).join(", ")}
            </span>
          ) : null}
        </td>
        <td className="p-1 min-w-40">
          <textarea
            {...control("event")}
            className={growing}
            rows={1}
            autoComplete="off"
            onPaste={onPaste}
            placeholder={milestone ? MILESTONE_LABELS[milestone as Milestone] : "What happened"}
          />
          {errorLine("event")}
        </td>
        <td className="p-1 min-w-28">
          <input {...control("actor")} className={cell} autoComplete="off" placeholder="System / team" />
          {errorLine("actor")}
        </td>
        <td className="p-1 min-w-32">
          <textarea {...control("notes")} className={growing} rows={1} autoComplete="off" />
          {errorLine("notes")}
        </td>
        <td className="p-1 min-w-36">
          <select {...control("milestone")} className={cell}>
            <option value="">—</option>
            {MILESTONES.map((m) => (
              <option key={m} value={m}>
                {MILESTONE_LABELS[m]}
              </option>
            ))}
          </select>
          {errorLine("milestone")}
        </td>
        <td className="p-1 min-w-36">
          <select
            {...control("kind")}
            className={`${cell} ${AI_EVENT_KINDS.includes(kind as EventKind) ? "border-violet-300 bg-violet-50" : ""}`}
          >
            <optgroup label="General">
              {KINDS.filter((k) => !AI_EVENT_KINDS.includes(k)).map((k) => (
                <option key={k} value={k}>
                  {EVENT_KIND_LABELS[k]}
                </option>
              ))}
            </optgroup>
            <optgroup label="AI system">
              {AI_EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {EVENT_KIND_LABELS[k]}
                </option>
              ))}
            </optgroup>
          </select>
          {errorLine("kind")}
        </td>
        <RowActions
          n={n}
          count={props.count}
          status={toSaveState(row.rowStatus)}
          onMoveUp={() => props.onMove(view.key, -1)}
          onMoveDown={() => props.onMove(view.key, 1)}
          onInsertBelow={() => props.onAddBelow(view.key)}
          onDelete={() => props.onDelete(view.key, String(row.value("event") ?? "").trim() || `Row ${n}`)}
          extra={
            <>
              <FieldHistoryButton row={row} fields={ROW_FIELDS} labels={FIELD_LABELS} label={`row ${n}`} />
              <CommentsButton anchor={`timeline:${rowId}`} label={`row ${n}`} />
            </>
          }
        />
      </tr>
      <RowConflicts n={n} row={row} />
    </>
  );
}
