"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ACTION_STATUS_LABELS } from "@/lib/domain/labels";
import type { ActionStatus } from "@/lib/generated/prisma/enums";
import { Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { bulkUpdateActionsAction } from "@/app/(app)/tracker/actions";

export type SelectedRow = { actionId: string; postmortemId: string; version: number; label: string };

/** Changes the status and/or owner of every selected action; refusals are listed per action. */
export function BulkBar({
  selected,
  people,
  onDone,
}: {
  selected: SelectedRow[];
  people: { id: string; name: string }[];
  onDone: () => void;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<ActionStatus | "">("");
  const [ownerId, setOwnerId] = useState("");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string; details?: string[] } | null>(null);
  const [pending, startTransition] = useTransition();

  function apply() {
    setMessage(null);
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof bulkUpdateActionsAction>>;
      try {
        result = await bulkUpdateActionsAction({
          rows: selected.map(({ actionId, postmortemId, version }) => ({ actionId, postmortemId, version })),
          status: status || undefined,
          ownerId: ownerId || undefined,
          wontDoReason: status === "WONT_DO" ? reason : undefined,
        });
      } catch {
        setMessage({ tone: "error", text: "The server could not be reached; nothing changed. Check your connection and try again." });
        return;
      }
      if (!result.ok) {
        const field = Object.values(result.fieldErrors ?? {})[0]?.[0];
        setMessage({ tone: "error", text: field ?? result.message });
        return;
      }
      const { updated, failed } = result.data;
      const labels = new Map(selected.map((s) => [s.actionId, s.label]));
      setMessage({
        tone: failed.length > 0 ? "error" : "success",
        text: `${updated} ${updated === 1 ? "action" : "actions"} updated${failed.length > 0 ? `, ${failed.length} not changed:` : "."}`,
        details: failed.map((f) => `${labels.get(f.actionId) ?? f.actionId}: ${f.message}`),
      });
      onDone();
      router.refresh();
    });
  }

  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 no-print" data-testid="bulk-bar">
      <div className="flex flex-wrap items-end gap-3">
        <p className="text-sm font-medium" aria-live="polite">
          {selected.length} selected
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor="bulk-status" className="text-xs font-medium text-slate-600">
            New status
          </label>
          <Select id="bulk-status" value={status} onChange={(e) => setStatus(e.target.value as ActionStatus | "")}>
            <option value="">Keep status</option>
            {Object.entries(ACTION_STATUS_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </div>
        {status === "WONT_DO" ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="bulk-reason" className="text-xs font-medium text-slate-600">
              Reason for Won&apos;t do
            </label>
            <Input id="bulk-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="bulk-owner" className="text-xs font-medium text-slate-600">
            New owner
          </label>
          <Select id="bulk-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">Keep owner</option>
            <option value="none">No owner</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <Button onClick={apply} disabled={pending || selected.length === 0 || (!status && !ownerId)}>
          {pending ? "Applying…" : "Apply to selected"}
        </Button>
      </div>
      {message ? (
        <Alert tone={message.tone}>
          <span data-testid="bulk-result">{message.text}</span>
          {message.details && message.details.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
