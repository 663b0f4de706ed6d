"use client";

import { useState } from "react";
import type { HistoryItem } from "@/lib/data/lifecycle";
import { formatUtcDateTime } from "@/lib/domain/dates";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { listHistoryAction } from "@/app/(app)/postmortems/[id]/lifecycle-actions";

const MAX_VALUE = 160;

/** A stored before/after value as plain text (React escapes it; nothing is ever rendered as HTML). */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

const FIELD_LABELS: Record<string, string> = {
  ownerId: "owner",
  wontDoReason: "won't-do reason",
  completedAt: "completed at",
  deletedAt: "deleted",
  publishedAt: "published at",
  occurredAt: "time",
  meetingDate: "post-mortem date",
  incidentDate: "date of incident",
};

function describe(item: HistoryItem): string {
  if (item.field === null) return item.after === null ? `deleted ${item.subject}` : `created ${item.subject}`;
  if (item.field === "deletedAt") return `deleted ${item.subject}`;
  return `changed ${item.subject} · ${FIELD_LABELS[item.field] ?? item.field}`;
}

/** Who changed what and when: loaded when opened, newest first, older pages on demand. */
export function HistoryPanel({ postmortemId }: { postmortemId: string }) {
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load(before?: number) {
    setLoading(true);
    setError(null);
    const result = await listHistoryAction({ postmortemId, before });
    setLoading(false);
    if (!result.ok) return setError(result.message);
    setItems((prev) => (before && prev ? [...prev, ...result.data.items] : result.data.items));
    setNextBefore(result.data.nextBefore);
  }

  return (
    <details
      className="no-print rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="history-panel"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) void load();
      }}
    >
      <summary className="cursor-pointer font-semibold">History</summary>
      <div className="mt-3 space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {items === null && loading ? <p className="text-sm text-slate-500">Loading…</p> : null}
        {items && items.length === 0 ? <p className="text-sm text-slate-500">No changes recorded yet.</p> : null}
        {items && items.length > 0 ? (
          <ol className="divide-y divide-slate-100 text-sm">
            {items.map((item) => (
              <li key={item.seq} className="py-2" data-testid="history-item">
                <p className="flex flex-wrap gap-x-2 text-slate-600">
                  <span className="font-medium text-slate-900">{item.actorName ?? "Someone"}</span>
                  <span>{describe(item)}</span>
                  {item.origin === "assistant" ? (
                    <span className="text-violet-700" data-testid="history-origin">
                      · drafted by the assistant, accepted by {item.actorName ?? "someone"}
                    </span>
                  ) : null}
                  <time dateTime={item.at} className="ml-auto text-xs">
                    {formatUtcDateTime(new Date(item.at))} UTC
                  </time>
                </p>
                {item.field !== "deletedAt" && (item.field !== null || item.after !== null) ? (
                  <p className="mt-0.5 break-words text-xs text-slate-600">
                    {item.field !== null ? (
                      <>
                        <span className="line-through decoration-slate-400">{valueText(item.before)}</span> →{" "}
                      </>
                    ) : null}
                    <span>{valueText(item.after)}</span>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
        {nextBefore !== null ? (
          <Button size="sm" variant="secondary" disabled={loading} onClick={() => void load(nextBefore)}>
            {loading ? "Loading…" : "Load older"}
          </Button>
        ) : null}
      </div>
    </details>
  );
}
