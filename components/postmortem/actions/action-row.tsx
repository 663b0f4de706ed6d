"use client";

import { useState } from "react";
import type { ActionDto } from "@/lib/data/postmortem-document";
import type { UserOption } from "@/lib/data/users";
import { ACTION_STATUS_LABELS } from "@/lib/domain/labels";
import { isActionOverdue } from "@/lib/domain/deadlines";
import type { ActionStatus } from "@/lib/generated/prisma/enums";
import { Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SaveIndicator } from "@/components/postmortem/section-card";
import { CommentsButton } from "@/components/comments/comment-threads";
import { deleteActionAction } from "@/app/(app)/postmortems/[id]/action-actions";
import { ActionStatusBadge, OverdueBadge } from "./status-badge";
import { TicketLink } from "./ticket-link";
import { useActionRow, type RowErrors, type RowField } from "./use-action-row";

const STATUSES = Object.keys(ACTION_STATUS_LABELS) as ActionStatus[];
const cell = "px-2 py-2 align-top";

function ErrorText({ id, errors, field }: { id: string; errors: RowErrors; field: RowField }) {
  const message = errors[field];
  return message ? <p id={`${id}-${field}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">{message}</p> : null;
}

export function ActionRow({ postmortemId, action, users, canEdit, today }: {
  postmortemId: string; action: ActionDto; users: UserOption[]; canEdit: boolean; today: string;
}) {
  const row = useActionRow(postmortemId, action);
  const { values, errors } = row;
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const overdue = isActionOverdue(values, today);
  const id = `action-${action.id}`;
  const n = action.number;
  const a11y = (field: RowField) => ({
    "aria-invalid": !!errors[field],
    "aria-describedby": errors[field] ? `${id}-${field}-error` : undefined,
  });

  async function remove() {
    if (!window.confirm(`Delete action ${n}? Its number will not be reused.`)) return;
    const result = await deleteActionAction({ postmortemId, actionId: action.id });
    if (!result.ok) setDeleteError(result.message);
  }

  function changeStatus(status: ActionStatus) {
    row.set("status", status);
    // Won't do needs its reason first: the status is saved together with the reason on its blur.
    if (status === "WONT_DO" && !values.wontDoReason.trim()) return;
    void row.save(["status"], { status });
  }

  const ownerName = users.find((u) => u.id === values.ownerId)?.name ?? (values.ownerId === action.ownerId ? action.ownerName : null);

  if (!canEdit) {
    return (
      <tr data-testid="action-row" className={overdue ? "bg-red-50" : undefined}>
        <td className={`${cell} font-mono text-slate-500`}>{n}</td>
        <td className={cell}>
          <span className="whitespace-pre-wrap">{values.action}</span>
          {values.status === "WONT_DO" && values.wontDoReason ? (
            <p className="mt-1 text-xs text-slate-600">Won&apos;t do: {values.wontDoReason}</p>
          ) : null}
        </td>
        <td className={cell}>{ownerName ?? <span className="text-amber-700">No owner</span>}</td>
        <td className={`${cell} whitespace-nowrap`}>{values.deadline ?? "—"}</td>
        <td className={cell}>
          <div className="flex flex-wrap gap-1"><ActionStatusBadge status={values.status} />{overdue ? <OverdueBadge /> : null}</div>
        </td>
        <td className={cell}><TicketLink ticket={values.ticket} /></td>
      </tr>
    );
  }

  return (
    <tr data-testid="action-row" className={overdue ? "bg-red-50" : undefined}>
      <td className={`${cell} font-mono text-slate-500`}>
        {n}
        <div className="mt-1"><SaveIndicator state={row.state} /></div>
      </td>
      <td className={`${cell} min-w-56`}>
        <Input aria-label={`Action ${n}`} value={values.action} maxLength={500} {...a11y("action")}
          onChange={(e) => row.set("action", e.target.value)} onBlur={() => row.save(["action"])} />
        <ErrorText id={id} errors={errors} field="action" />
        {values.status === "WONT_DO" ? (
          <div className="mt-2">
            <Input aria-label={`Reason action ${n} won't be done`} placeholder="Why won't this be done?" value={values.wontDoReason}
              maxLength={1000} {...a11y("wontDoReason")} onChange={(e) => row.set("wontDoReason", e.target.value)}
              onBlur={() => row.save(["status", "wontDoReason"])} />
            <ErrorText id={id} errors={errors} field="wontDoReason" />
          </div>
        ) : null}
        {row.conflict ? (
          <div role="alert" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
            <p>Someone else changed this action meanwhile. Theirs: “{row.conflict.action}”, {row.conflict.ownerName ?? "no owner"},{" "}
              {row.conflict.deadline ?? "no deadline"}, {ACTION_STATUS_LABELS[row.conflict.status]}.</p>
            <div className="mt-1 flex gap-2">
              <Button size="sm" variant="secondary" onClick={row.acceptTheirs}>Use theirs</Button>
              <Button size="sm" variant="secondary" onClick={() => void row.keepMine()}>Keep mine</Button>
            </div>
          </div>
        ) : null}
      </td>
      <td className={`${cell} min-w-40`}>
        <Select aria-label={`Owner of action ${n}`} value={values.ownerId ?? ""} {...a11y("ownerId")}
          onChange={(e) => { const ownerId = e.target.value || null; row.set("ownerId", ownerId); void row.save(["ownerId"], { ownerId }); }}>
          <option value="">No owner</option>
          {values.ownerId && !users.some((u) => u.id === values.ownerId) ? (
            <option value={values.ownerId}>{action.ownerName ?? "Former user"}</option>
          ) : null}
          {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </Select>
        <ErrorText id={id} errors={errors} field="ownerId" />
      </td>
      <td className={`${cell} min-w-36`}>
        <Input type="date" aria-label={`Deadline of action ${n}`} value={values.deadline ?? ""} {...a11y("deadline")}
          onChange={(e) => row.set("deadline", e.target.value || null)} onBlur={() => row.save(["deadline"])} />
        <ErrorText id={id} errors={errors} field="deadline" />
        {overdue ? <div className="mt-1"><OverdueBadge /></div> : null}
      </td>
      <td className={`${cell} min-w-32`}>
        <Select aria-label={`Status of action ${n}`} value={values.status} {...a11y("status")}
          onChange={(e) => changeStatus(e.target.value as ActionStatus)}>
          {STATUSES.map((s) => <option key={s} value={s}>{ACTION_STATUS_LABELS[s]}</option>)}
        </Select>
        <ErrorText id={id} errors={errors} field="status" />
      </td>
      <td className={`${cell} min-w-36`}>
        <Input aria-label={`Ticket of action ${n}`} placeholder="SUP-123 or URL" value={values.ticket} maxLength={300} {...a11y("ticket")}
          onChange={(e) => row.set("ticket", e.target.value)} onBlur={() => row.save(["ticket"])} />
        <ErrorText id={id} errors={errors} field="ticket" />
        {values.ticket && values.ticket === row.server.ticket ? <div className="mt-1 text-xs"><TicketLink ticket={values.ticket} /></div> : null}
      </td>
      <td className={cell}>
        <CommentsButton anchor={`action:${row.server.id}`} label={`action ${n}`} />
        <Button size="sm" variant="ghost" aria-label={`Delete action ${n}`} onClick={() => void remove()}>Delete</Button>
        {deleteError ? <p role="alert" className="text-xs text-red-700">{deleteError}</p> : null}
      </td>
    </tr>
  );
}
