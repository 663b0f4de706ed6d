"use client";

import Link from "next/link";
import { useState } from "react";
import type { TrackerRow } from "@/lib/data/tracker";
import { ACTION_HORIZONS } from "@/lib/domain/deadlines";
import { ActionStatusBadge, OverdueBadge } from "@/components/postmortem/actions/status-badge";
import { TicketLink } from "@/components/postmortem/actions/ticket-link";
import { BulkBar, type SelectedRow } from "@/components/tracker/bulk-bar";
import { ColumnHeads } from "@/components/ui/table";

const cell = "px-3 py-2 align-top";

/** The tracker's rows with a checkbox each; viewers see the same table without selection. */
export function TrackerTable({
  rows,
  people,
  canChange,
}: {
  rows: TrackerRow[];
  people: { id: string; name: string }[];
  canChange: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const chosen: SelectedRow[] = rows
    .filter((r) => selected.has(r.id))
    .map((r) => ({ actionId: r.id, postmortemId: r.postmortemId, version: r.version, label: `${r.incidentKey} #${r.number}` }));

  // The bulk bar stays once it has been shown, so its result is still there when a change empties the list.
  const [hadRows, setHadRows] = useState(rows.length > 0);
  if (rows.length > 0 && !hadRows) setHadRows(true);

  return (
    <div className="space-y-3">
      {canChange && hadRows ? <BulkBar selected={chosen} people={people} onDone={() => setSelected(new Set())} /> : null}
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <p className="font-medium">No corrective actions match these filters.</p>
          <Link href="/tracker" className="mt-2 inline-block text-sm text-brand-600 hover:underline">
            Clear filters
          </Link>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="tracker-table">
            <ColumnHeads
              columns={[
                canChange && (
                  <input
                    type="checkbox"
                    aria-label="Select all actions on this page"
                    className="size-4"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))}
                  />
                ),
                "Postmortem",
                "Action",
                "Horizon",
                "Owner",
                "Deadline",
                "Status",
              ]}
            />
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id} data-testid="tracker-row" className={r.overdue ? "bg-red-50" : undefined}>
                  {canChange ? (
                    <td className={cell}>
                      <input
                        type="checkbox"
                        className="size-4"
                        checked={selected.has(r.id)}
                        onChange={() => toggle(r.id)}
                        aria-label={`Select ${r.incidentKey} action ${r.number}: ${r.action}`}
                      />
                    </td>
                  ) : null}
                  <td className={cell}>
                    <Link href={`/postmortems/${r.postmortemId}#actions`} className="font-mono text-xs text-brand-700 underline">
                      {r.incidentKey}
                    </Link>
                    <p className="text-xs text-slate-600">{r.incidentName}</p>
                    {r.teamName ? <p className="text-xs text-slate-500">{r.teamName}</p> : null}
                  </td>
                  <td className={cell}>
                    <span className="font-mono text-slate-500">#{r.number}</span> {r.action}
                    {r.ticket ? (
                      <div className="mt-1 text-xs">
                        <TicketLink ticket={r.ticket} />
                      </div>
                    ) : null}
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>{ACTION_HORIZONS[r.horizon].label}</td>
                  <td className={cell}>{r.ownerName ?? <span className="text-slate-500">No owner</span>}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    {r.deadline ?? "—"}
                    {r.overdue ? (
                      <div className="mt-1">
                        <OverdueBadge />
                      </div>
                    ) : null}
                  </td>
                  <td className={cell}>
                    <ActionStatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
