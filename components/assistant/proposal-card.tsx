"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { DraftItem } from "@/lib/validations/draft";
import { describeProposal, timelineTags, type Proposal } from "@/components/assistant/proposals";
import { ProposalEditor } from "@/components/assistant/proposal-editor";

const STATUS_TEXT = { accepted: "Accepted", rejected: "Rejected", saving: "Saving…", pending: "" } as const;

/** One proposal: what it says, the material line(s) it came from, and accept / edit / reject. */
export function ProposalCard({
  proposal,
  onAccept,
  onReject,
  onEdit,
  onUndoReject,
}: {
  proposal: Proposal;
  onAccept: () => void;
  onReject: () => void;
  onEdit: (item: DraftItem) => void;
  onUndoReject: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const label = describeProposal(proposal.item);
  const done = proposal.status === "accepted" || proposal.status === "rejected";
  return (
    <li
      data-testid="proposal"
      data-status={proposal.status}
      aria-label={label}
      className={`rounded-md border p-3 ${proposal.status === "accepted" ? "border-green-200 bg-green-50" : proposal.status === "rejected" ? "border-slate-200 bg-slate-50 opacity-70" : "border-slate-200 bg-white"}`}
    >
      <div className="flex flex-wrap items-start gap-2">
        <p
          className={`min-w-0 flex-1 break-words text-sm ${proposal.status === "rejected" ? "line-through" : ""}`}
          data-testid="proposal-text"
        >
          {label}
        </p>
        {proposal.item.type === "timeline"
          ? timelineTags(proposal.item).map((t) => (
              <Badge key={t} tone="blue">
                {t}
              </Badge>
            ))
          : null}
        {proposal.item.type === "timeline" && proposal.item.row.actor ? <Badge tone="slate">{proposal.item.row.actor}</Badge> : null}
        {STATUS_TEXT[proposal.status] ? (
          <span className="text-xs font-medium text-slate-600" data-testid="proposal-status">
            {STATUS_TEXT[proposal.status]}
          </span>
        ) : null}
      </div>
      <ul className="mt-1 space-y-0.5" aria-label="Source lines">
        {proposal.sources.map((s) => (
          <li key={s.line} className="font-mono text-xs break-words text-slate-500">
            <span className="text-slate-400">Line {s.line}:</span> {s.text}
          </li>
        ))}
      </ul>
      {proposal.error ? (
        <p role="alert" className="mt-1 text-xs font-medium text-red-700">
          {proposal.error}
        </p>
      ) : null}
      {editing ? (
        <ProposalEditor
          id={proposal.id}
          item={proposal.item}
          onCancel={() => setEditing(false)}
          onSave={(item) => {
            onEdit(item);
            setEditing(false);
          }}
        />
      ) : null}
      {!done && !editing ? (
        <div className="mt-2 flex gap-2">
          <Button size="sm" onClick={onAccept} disabled={proposal.status === "saving"}>
            Accept
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)} disabled={proposal.status === "saving"}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" onClick={onReject} disabled={proposal.status === "saving"}>
            Reject
          </Button>
        </div>
      ) : null}
      {proposal.status === "rejected" ? (
        <Button size="sm" variant="ghost" className="mt-1" onClick={onUndoReject}>
          Undo reject
        </Button>
      ) : null}
    </li>
  );
}
