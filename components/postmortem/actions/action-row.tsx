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
import { toSaveState } from "@/components/postmortem/use-section-form";
import { CommentsButton } from "@/components/comments/comment-threads";
import { deleteActionAction } from "@/app/(app)/postmortems/[id]/action-actions";
import { FieldConflictNote, FieldSaveNote } from "@/components/live/field-conflict";
import { useLiveRow, type LiveRow } from "@/components/live/use-live-row";
import { ActionStatusBadge, OverdueBadge } from "./status-badge";
import { TicketLink } from "./ticket-link";

const STATUSES = Object.keys(ACTION_STATUS_LABELS) as ActionStatus[];
const cell = "px-2 py-2 align-top";
const NULLABLE = new Set(["ownerId", "deadline"]);

const toWire = (field: string, value: unknown) => (NULLABLE.has(field) && value === "" ? null : value);

function Notes({ row, field }: { row: LiveRow; field: string }) {
  return (
    <>
      <FieldSaveNote row={row} field={field} />
      <FieldConflictNote row={row} field={field} />
    </>
  );
}

/**
 * One corrective action. Every field saves on its own (text on a pause and on leaving it, choices at
 * once) through the live protocol; "Won't do" waits for its reason and is saved right after it.
 */
export function ActionRow({
  postmortemId,
  action,
  users,
  canEdit,
  today,
}: {
  postmortemId: string;
  action: ActionDto;
  users: UserOption[];
  canEdit: boolean;
  today: string;
}) {
  const row = useLiveRow({
    entity: "correctiveAction",
    eventEntity: "action",
    entityId: action.id,
    toWire,
    values: {
      action: action.action,
      ownerId: action.ownerId ?? "",
      deadline: action.deadline ?? "",
      status: action.status,
      wontDoReason: action.wontDoReason,
      ticket: action.ticket,
    },
  });
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const text = (field: string) => String(row.value(field) ?? "");
  const status = text("status") as ActionStatus;
  const deadline = text("deadline") || null;
  const overdue = isActionOverdue({ deadline, status }, today);
  const n = action.number;
  const a11y = (field: string) => ({
    "aria-invalid": row.status(field).kind === "error",
    ...row.bind(field),
  });

  async function remove() {
    if (!window.confirm(`Delete action ${n}? Its number will not be reused.`)) return;
    const result = await deleteActionAction({ postmortemId, actionId: action.id }).catch(() => null);
    if (!result?.ok) setDeleteError(result?.message ?? "The server cannot be reached; the action was not deleted.");
  }

  function changeStatus(next: ActionStatus) {
    // Won't do needs its reason first: the status is saved right after the reason.
    row.setValue("status", next, { now: next !== "WONT_DO" || !!text("wontDoReason").trim(), hold: true });
  }

  const ownerId = text("ownerId");
  const ownerName = users.find((u) => u.id === ownerId)?.name ?? (ownerId === action.ownerId ? action.ownerName : null);

  if (!canEdit) {
    return (
      <tr data-testid="action-row" className={overdue ? "bg-red-50" : undefined}>
        <td className={`${cell} font-mono text-slate-500`}>{n}</td>
        <td className={cell}>
          <span className="whitespace-pre-wrap">{text("action")}</span>
          {status === "WONT_DO" && text("wontDoReason") ? (
            <p className="mt-1 text-xs text-slate-600">Won&apos;t do: {text("wontDoReason")}</p>
          ) : null}
        </td>
        <td className={cell}>{ownerName ?? <span className="text-amber-700">No owner</span>}</td>
        <td className={`${cell} whitespace-nowrap`}>{deadline ?? "—"}</td>
        <td className={cell}>
          <div className="flex flex-wrap gap-1">
            <ActionStatusBadge status={status} />
            {overdue ? <OverdueBadge /> : null}
          </div>
        </td>
        <td className={cell}>
          <TicketLink ticket={text("ticket")} />
        </td>
      </tr>
    );
  }

  return (
    <tr data-testid="action-row" className={overdue ? "bg-red-50" : undefined}>
      <td className={`${cell} font-mono text-slate-500`}>
        {n}
        <div className="mt-1">
          <SaveIndicator state={toSaveState(row.rowStatus)} />
        </div>
      </td>
      <td className={`${cell} min-w-56`}>
        <Input
          aria-label={`Action ${n}`}
          value={text("action")}
          maxLength={500}
          {...a11y("action")}
          onChange={(e) => row.setValue("action", e.target.value)}
        />
        <Notes row={row} field="action" />
        {status === "WONT_DO" ? (
          <div className="mt-2">
            <Input
              aria-label={`Reason action ${n} won't be done`}
              placeholder="Why won't this be done?"
              value={text("wontDoReason")}
              maxLength={1000}
              {...a11y("wontDoReason")}
              onChange={(e) => row.setValue("wontDoReason", e.target.value)}
              onBlur={() => {
                row.flush("wontDoReason");
                row.flush("status");
              }}
            />
            <Notes row={row} field="wontDoReason" />
          </div>
        ) : null}
      </td>
      <td className={`${cell} min-w-40`}>
        <Select
          aria-label={`Owner of action ${n}`}
          value={ownerId}
          {...a11y("ownerId")}
          onChange={(e) => row.setValue("ownerId", e.target.value, { now: true })}
        >
          <option value="">No owner</option>
          {ownerId && !users.some((u) => u.id === ownerId) ? <option value={ownerId}>{action.ownerName ?? "Former user"}</option> : null}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Notes row={row} field="ownerId" />
      </td>
      <td className={`${cell} min-w-36`}>
        <Input
          type="date"
          aria-label={`Deadline of action ${n}`}
          value={text("deadline")}
          {...a11y("deadline")}
          onChange={(e) => row.setValue("deadline", e.target.value)}
        />
        <Notes row={row} field="deadline" />
        {overdue ? (
          <div className="mt-1">
            <OverdueBadge />
          </div>
        ) : null}
      </td>
      <td className={`${cell} min-w-32`}>
        <Select
          aria-label={`Status of action ${n}`}
          value={status}
          {...a11y("status")}
          onChange={(e) => changeStatus(e.target.value as ActionStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        <Notes row={row} field="status" />
      </td>
      <td className={`${cell} min-w-36`}>
        <Input
          aria-label={`Ticket of action ${n}`}
          placeholder="SUP-123 or URL"
          value={text("ticket")}
          maxLength={300}
          {...a11y("ticket")}
          onChange={(e) => row.setValue("ticket", e.target.value)}
        />
        <Notes row={row} field="ticket" />
        {text("ticket") && text("ticket") === action.ticket ? (
          <div className="mt-1 text-xs">
            <TicketLink ticket={text("ticket")} />
          </div>
        ) : null}
      </td>
      <td className={cell}>
        <CommentsButton anchor={`action:${action.id}`} label={`action ${n}`} />
        <Button size="sm" variant="ghost" aria-label={`Delete action ${n}`} onClick={() => void remove()}>
          Delete
        </Button>
        {deleteError ? (
          <p role="alert" className="text-xs text-red-700">
            {deleteError}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
