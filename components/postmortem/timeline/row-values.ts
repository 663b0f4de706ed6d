import type { TimelineRowDto } from "@/lib/data/postmortem-document";
import type { TimelineField, TimelineFieldsInput } from "@/lib/validations/timeline";
import { toTimeCell } from "@/lib/validations/timeline";

export const ROW_FIELDS: readonly TimelineField[] = ["occurredAt", "event", "actor", "notes", "milestone", "kind"];

export const FIELD_LABELS: Record<TimelineField, string> = {
  occurredAt: "Time (UTC)",
  event: "Event",
  actor: "Actor",
  notes: "Notes",
  milestone: "Milestone",
  kind: "Kind",
};

/** What a row's editor holds: strings for the cells, "" for no time or no milestone. */
export function toRowValues(row: TimelineRowDto | null): TimelineFieldsInput {
  if (!row) return { occurredAt: "", event: "", actor: "", notes: "", milestone: "", kind: "NOTE" };
  return {
    occurredAt: toTimeCell(row.occurredAt),
    event: row.event,
    actor: row.actor,
    notes: row.notes,
    milestone: row.milestone ?? "",
    kind: row.kind,
  };
}

/** Cell values compared as the person sees them (null and "" are the same empty cell). */
export const sameCell = (a: unknown, b: unknown) => String(a ?? "").trim() === String(b ?? "").trim();

export function pick(values: TimelineFieldsInput, fields: readonly TimelineField[]): Partial<TimelineFieldsInput> {
  return Object.fromEntries(fields.map((f) => [f, values[f] ?? ""])) as Partial<TimelineFieldsInput>;
}

/** Moves focus to the same column of the row `step` rows away (ArrowUp / ArrowDown between rows). */
export function focusCell(from: HTMLElement, column: string, rowIndex: number): boolean {
  const target = from.closest("table")?.querySelector<HTMLElement>(`[data-cell="${column}"][data-row-index="${rowIndex}"]`);
  if (!target) return false;
  target.focus();
  if (target instanceof HTMLInputElement) target.select();
  return true;
}
