"use client";

import { useId, useState } from "react";
import type { LiveRow } from "@/components/live/use-live-row";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import { listFieldHistoryAction } from "@/app/(app)/postmortems/[id]/meeting-actions";
import type { FieldChange } from "@/lib/data/field-history";
import { formatUtcDateTime } from "@/lib/domain/dates";
import { diffWords, wantsDiff } from "@/lib/domain/text-diff";
import { Button } from "@/components/ui/button";

type HistoryEntity = "postmortem" | "impact" | "timeline" | "why" | "action";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Values a person can put back as they were typed: text, choices, numbers, yes/no (not instants). */
function restorable(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === "string") return !ISO_INSTANT.test(value);
  return typeof value === "number" || typeof value === "boolean";
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The earlier values of a row's fields (or one field) with who set them and when, newest first; long
 * text reads as a word diff. "Restore" puts an earlier value back through the row's own autosave, so it
 * is an ordinary edit: checked against the current value, logged as its own event, live for everyone.
 */
export function FieldHistoryButton({
  row,
  fields,
  labels,
  label,
}: {
  row: LiveRow;
  fields: readonly string[];
  labels?: Record<string, string>;
  label: string;
}) {
  const [changes, setChanges] = useState<FieldChange[] | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const panelId = useId();
  const live = useLiveDoc();

  async function load() {
    setError(null);
    try {
      const result = await listFieldHistoryAction({
        postmortemId: live.postmortemId,
        entity: row.entity as HistoryEntity,
        entityId: row.entityId,
        fields: [...fields],
      });
      if (result.ok) setChanges(result.data);
      else setError(result.message);
    } catch {
      setError("The server cannot be reached; try again.");
    }
  }

  function toggle() {
    setOpen(!open);
    setRestored(null);
    if (!open) void load();
  }

  function restore(change: FieldChange, value: unknown) {
    row.setValue(change.field, value ?? "", { now: true });
    setRestored(`Restored ${labels?.[change.field] ?? change.field} to the value from ${formatUtcDateTime(new Date(change.at))} UTC.`);
  }

  return (
    <span className="no-print relative inline-block">
      <Button
        size="sm"
        variant="ghost"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        data-testid="history-button"
        title={`History of ${label}`}
      >
        {/* Named "History" (not after the field) so the field's own label names only the field. */}
        <span className="text-xs">History</span>
      </Button>
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label={`History of ${label}`}
          data-testid="field-history"
          className="absolute right-0 z-20 mt-1 max-h-96 w-[min(28rem,calc(100vw-2rem))] space-y-2 overflow-y-auto rounded-lg border border-slate-200 bg-white p-3 text-left text-sm shadow-lg"
        >
          {error ? (
            <p role="alert" className="font-medium text-red-700">
              {error}
            </p>
          ) : null}
          {restored ? (
            <p role="status" className="text-green-700">
              {restored}
            </p>
          ) : null}
          {changes === null && !error ? <p className="text-slate-500">Loading…</p> : null}
          {changes?.length === 0 ? (
            <p className="text-slate-500">No earlier values: this has not been changed since it was created.</p>
          ) : null}
          <ol className="divide-y divide-slate-100">
            {changes?.map((c) => (
              <li key={c.seq} className="py-2" data-testid="field-change">
                <p className="flex flex-wrap gap-x-2 text-xs text-slate-600">
                  <span className="font-medium text-slate-900">{c.actorName ?? "Someone"}</span>
                  <span>changed {labels?.[c.field] ?? c.field}</span>
                  <time dateTime={c.at} className="ml-auto">
                    {formatUtcDateTime(new Date(c.at))} UTC
                  </time>
                </p>
                <ChangeText before={c.before} after={c.after} />
                {restorable(c.before) && String(c.before ?? "") !== String(row.value(c.field) ?? "") ? (
                  <Button size="sm" variant="secondary" className="mt-1" onClick={() => restore(c, c.before)}>
                    Restore the earlier value
                  </Button>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </span>
  );
}

function ChangeText({ before, after }: { before: unknown; after: unknown }) {
  if (wantsDiff(before, after)) {
    return (
      <p className="mt-1 whitespace-pre-wrap break-words text-xs" data-testid="text-diff">
        {diffWords(String(before), String(after)).map((part, i) =>
          part.kind === "same" ? (
            <span key={i}>{part.text}</span>
          ) : part.kind === "removed" ? (
            <del key={i} className="bg-red-100 text-red-900">
              {part.text}
            </del>
          ) : (
            <ins key={i} className="bg-green-100 text-green-900 no-underline">
              {part.text}
            </ins>
          ),
        )}
      </p>
    );
  }
  return (
    <p className="mt-1 break-words text-xs">
      <del className="text-slate-500">{shown(before)}</del> → <span className="text-slate-900">{shown(after)}</span>
    </p>
  );
}
