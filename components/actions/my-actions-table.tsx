"use client";

import Link from "next/link";
import { useState } from "react";
import type { MyActionItem } from "@/lib/data/actions";
import { ACTION_HORIZONS } from "@/lib/domain/deadlines";
import { ACTION_STATUS_LABELS } from "@/lib/domain/labels";
import type { ActionStatus } from "@/lib/generated/prisma/enums";
import { Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SaveIndicator, type SaveState } from "@/components/postmortem/section-card";
import { OverdueBadge } from "@/components/postmortem/actions/status-badge";
import { TicketLink } from "@/components/postmortem/actions/ticket-link";
import { savedNow } from "@/components/postmortem/use-section-form";
import { setMyActionStatusAction } from "@/app/(app)/actions/actions";
import { ColumnHeads } from "@/components/ui/table";

const STATUSES = Object.keys(ACTION_STATUS_LABELS) as ActionStatus[];
const cell = "px-3 py-2 align-top";

function MyActionRow({ item }: { item: MyActionItem }) {
  const [version, setVersion] = useState(item.version);
  const [status, setStatus] = useState<ActionStatus>(item.status);
  const [saved, setSaved] = useState<ActionStatus>(item.status);
  const [reason, setReason] = useState(item.wontDoReason);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  // A newer version from the server (after this save's refresh, or someone else's edit) is taken in place,
  // so the row keeps showing "Saved" instead of being remounted.
  const [seenVersion, setSeenVersion] = useState(item.version);
  if (item.version !== seenVersion) {
    setSeenVersion(item.version);
    setVersion(item.version);
    setStatus(item.status);
    setSaved(item.status);
    setReason(item.wontDoReason);
  }
  const [error, setError] = useState<string | null>(null);
  const errorId = `my-action-${item.id}-error`;

  async function save(next: ActionStatus, wontDoReason?: string) {
    setState({ kind: "saving" });
    setError(null);
    const result = await setMyActionStatusAction({ actionId: item.id, status: next, wontDoReason, version });
    if (result.ok) {
      setVersion(result.data.version);
      setSaved(result.data.status);
      setStatus(result.data.status);
      setState(savedNow());
      return;
    }
    const message = result.fieldErrors?.wontDoReason?.[0] ?? result.message;
    setError(result.code === "CONFLICT" ? `${message} Reload the page to see the latest.` : message);
    setState({ kind: "error", message });
  }

  function change(next: ActionStatus) {
    setStatus(next);
    // Won't do asks for the reason first; it is saved with the reason.
    if (next !== "WONT_DO") void save(next);
  }

  return (
    <tr data-testid="my-action-row" className={item.overdue && (saved === "OPEN" || saved === "IN_PROGRESS") ? "bg-red-50" : undefined}>
      <td className={cell}>
        <Link href={`/postmortems/${item.postmortemId}#actions`} className="font-mono text-xs text-brand-700 underline">
          {item.incidentKey}
        </Link>
        <p className="text-xs text-slate-600">{item.incidentName}</p>
      </td>
      <td className={cell}>
        <span className="font-mono text-slate-500">#{item.number}</span> {item.action}
        {item.ticket ? (
          <div className="mt-1 text-xs">
            <TicketLink ticket={item.ticket} />
          </div>
        ) : null}
      </td>
      <td className={`${cell} whitespace-nowrap`}>{ACTION_HORIZONS[item.horizon].label}</td>
      <td className={`${cell} whitespace-nowrap`}>
        {item.deadline ?? "—"}
        {item.overdue && (saved === "OPEN" || saved === "IN_PROGRESS") ? (
          <div className="mt-1">
            <OverdueBadge />
          </div>
        ) : null}
      </td>
      <td className={`${cell} min-w-44`}>
        <Select
          aria-label={`Status of ${item.incidentKey} action ${item.number}`}
          value={status}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => change(e.target.value as ActionStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        {status === "WONT_DO" && saved !== "WONT_DO" ? (
          <form
            className="mt-2 space-y-1"
            onSubmit={(e) => {
              e.preventDefault();
              void save("WONT_DO", reason);
            }}
          >
            <Input
              aria-label={`Why ${item.incidentKey} action ${item.number} won't be done`}
              placeholder="Reason (required)"
              value={reason}
              maxLength={1000}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="flex gap-2">
              <Button type="submit" size="sm">
                Save
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setStatus(saved)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : null}
        {error ? (
          <p id={errorId} role="alert" className="mt-1 text-xs font-medium text-red-700">
            {error}
          </p>
        ) : null}
        <SaveIndicator state={state} />
      </td>
    </tr>
  );
}

/** The signed-in user's actions across postmortems, with the status changeable in place. */
export function MyActionsTable({ actions }: { actions: MyActionItem[] }) {
  if (actions.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="my-actions-empty">
        <p className="font-medium">No corrective actions are assigned to you.</p>
        <p className="mt-1 text-sm text-slate-600">When a postmortem names you as the owner of an action, it shows up here.</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[44rem] border-collapse text-sm" data-testid="my-actions-table">
        <caption className="sr-only">My corrective actions, overdue first</caption>
        <ColumnHeads tone="plain" columns={["Postmortem", "Action", "Horizon", "Deadline", "Status"]} />
        <tbody className="divide-y divide-slate-100">
          {actions.map((a) => (
            <MyActionRow key={a.id} item={a} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
