"use client";

import { Button } from "@/components/ui/button";
import type { LiveRow } from "@/components/live/use-live-row";

function preview(value: unknown): string {
  const text = value === "" || value == null ? "(empty)" : String(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/**
 * Someone else changed a field this person was editing: their value, and the choice of which stays.
 * Nothing is lost either way: "Keep mine" saves this person's text over theirs (their version stays in
 * the history), "Use theirs" puts their value in the field.
 */
export function FieldConflictNote({ row, field, format = preview }: { row: LiveRow; field: string; format?: (v: unknown) => string }) {
  const conflict = row.conflict(field);
  if (!conflict) return null;
  return (
    <div
      role="alert"
      data-testid="field-conflict"
      className="mt-1 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950"
    >
      <p>
        {conflict.by ? `${conflict.by} changed this` : "Someone else changed this"} to “{format(conflict.theirs)}” while you were editing.
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" onClick={() => row.keepMine(field)}>
          Keep mine
        </Button>
        <Button size="sm" variant="secondary" onClick={() => row.useTheirs(field)}>
          Use theirs
        </Button>
      </div>
    </div>
  );
}

/** A field's own save state, for fields edited outside a section card (rows, cells). */
export function FieldSaveNote({ row, field }: { row: LiveRow; field: string }) {
  const status = row.status(field);
  if (status.kind !== "error" || row.conflict(field)) return null;
  return (
    <p role="alert" className="mt-1 text-xs font-medium text-red-700" data-testid="field-error">
      {status.message}
    </p>
  );
}
