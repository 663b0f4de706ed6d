"use client";

import type { LiveRow } from "@/components/live/use-live-row";
import { Button } from "@/components/ui/button";
import type { SaveState } from "@/components/postmortem/section-card";
import { FIELD_LABELS, ROW_FIELDS } from "@/components/postmortem/timeline/row-values";

const STATUS_TEXT: Record<SaveState["kind"], string> = { idle: "", saving: "Saving…", saved: "Saved", error: "Not saved" };
const STATUS_TONE: Record<SaveState["kind"], string> = {
  idle: "text-slate-500",
  saving: "text-slate-500",
  saved: "text-green-700",
  error: "text-red-700",
};

/** Move / insert / delete buttons of one row, and its own save state. */
export function RowActions({
  n,
  count,
  status,
  onMoveUp,
  onMoveDown,
  onInsertBelow,
  onDelete,
  extra,
}: {
  n: number;
  count: number;
  status: SaveState;
  extra?: React.ReactNode;
  onMoveUp: () => void;
  onMoveDown: () => void;
  onInsertBelow: () => void;
  onDelete: () => void;
}) {
  return (
    <td className="p-1 whitespace-nowrap">
      <div className="flex items-center gap-0.5">
        <Button variant="ghost" size="sm" aria-label={`Move row ${n} up`} disabled={n === 1} onClick={onMoveUp}>
          ↑
        </Button>
        <Button variant="ghost" size="sm" aria-label={`Move row ${n} down`} disabled={n === count} onClick={onMoveDown}>
          ↓
        </Button>
        <Button variant="ghost" size="sm" aria-label={`Insert row below row ${n}`} onClick={onInsertBelow}>
          +
        </Button>
        <Button variant="ghost" size="sm" aria-label={`Delete row ${n}`} className="text-red-700" onClick={onDelete}>
          ✕
        </Button>
        {extra}
      </div>
      <span
        role="status"
        aria-live="polite"
        data-testid="row-save-state"
        title={status.kind === "error" ? status.message : undefined}
        className={`block px-2 text-[11px] font-medium ${STATUS_TONE[status.kind]}`}
      >
        {STATUS_TEXT[status.kind]}
      </span>
    </td>
  );
}

/** Someone else changed a cell this person was also changing: they choose, nothing is lost. */
export function RowConflicts({ n, row }: { n: number; row: LiveRow }) {
  const open = ROW_FIELDS.flatMap((field) => {
    const conflict = row.conflict(field);
    return conflict ? [{ field, conflict }] : [];
  });
  if (open.length === 0) return null;
  return (
    <tr data-testid="timeline-conflict">
      <td colSpan={7} className="px-2 pb-2">
        <div role="alert" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {open.map(({ field, conflict }) => (
            <div key={field} className="flex flex-wrap items-center gap-2">
              <span>
                {FIELD_LABELS[field]} of row {n} was changed by {conflict.by ?? "someone else"} to{" "}
                <strong className="break-all">
                  “{conflict.theirs === "" || conflict.theirs == null ? "(empty)" : String(conflict.theirs)}”
                </strong>
                .
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
      </td>
    </tr>
  );
}
