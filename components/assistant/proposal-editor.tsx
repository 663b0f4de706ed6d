"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { EventKind, ImpactLevel, Milestone } from "@/lib/generated/prisma/enums";
import { EVENT_KIND_LABELS, IMPACT_LEVEL_LABELS, MILESTONE_LABELS } from "@/lib/domain/template";
import { formatUtcDateTime, parseIsoDay } from "@/lib/domain/dates";
import type { DraftItem } from "@/lib/validations/draft";

// Editing a proposal before accepting it: the fields that item writes, nothing more.

const TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;

function parseTime(value: string): string | null | undefined {
  if (!value.trim()) return null;
  const m = TIME.exec(value.trim());
  const day = m ? parseIsoDay(m[1]) : null;
  if (!m || !day || Number(m[2]) > 23 || Number(m[3]) > 59) return undefined;
  return new Date(day.getTime() + (Number(m[2]) * 60 + Number(m[3])) * 60_000).toISOString();
}

export function ProposalEditor({
  id,
  item,
  onSave,
  onCancel,
}: {
  id: string;
  item: DraftItem;
  onSave: (item: DraftItem) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<DraftItem>(item);
  const [time, setTime] = useState(item.type === "timeline" && item.row.occurredAt ? formatUtcDateTime(new Date(item.row.occurredAt)) : "");
  const [error, setError] = useState<string | null>(null);
  const f = (name: string) => `${id}-${name}`;

  function save(event: React.FormEvent) {
    event.preventDefault();
    if (draft.type === "timeline") {
      const occurredAt = parseTime(time);
      if (occurredAt === undefined) return setError("Enter the time as YYYY-MM-DD HH:mm (UTC), or leave it empty.");
      if (!draft.row.event.trim()) return setError("The event cannot be empty.");
      return onSave({ ...draft, row: { ...draft.row, occurredAt } });
    }
    onSave(draft);
  }

  return (
    <form onSubmit={save} className="mt-2 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label="Edit proposal">
      {draft.type === "timeline" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={f("time")} label="Time (UTC)" error={error ?? undefined}>
            <Input id={f("time")} value={time} placeholder="YYYY-MM-DD HH:mm" onChange={(e) => setTime(e.target.value)} />
          </Field>
          <Field id={f("actor")} label="Actor">
            <Input
              id={f("actor")}
              value={draft.row.actor}
              maxLength={200}
              onChange={(e) => setDraft({ ...draft, row: { ...draft.row, actor: e.target.value } })}
            />
          </Field>
          <Field id={f("event")} label="Event" className="sm:col-span-2">
            <Input
              id={f("event")}
              value={draft.row.event}
              maxLength={500}
              onChange={(e) => setDraft({ ...draft, row: { ...draft.row, event: e.target.value } })}
            />
          </Field>
          <Field id={f("milestone")} label="Milestone">
            <Select
              id={f("milestone")}
              value={draft.row.milestone ?? ""}
              onChange={(e) => setDraft({ ...draft, row: { ...draft.row, milestone: (e.target.value || null) as Milestone | null } })}
            >
              <option value="">None</option>
              {Object.values(Milestone).map((m) => (
                <option key={m} value={m}>
                  {MILESTONE_LABELS[m]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={f("kind")} label="Event kind">
            <Select
              id={f("kind")}
              value={draft.row.kind}
              onChange={(e) => setDraft({ ...draft, row: { ...draft.row, kind: e.target.value as EventKind } })}
            >
              {Object.values(EventKind).map((k) => (
                <option key={k} value={k}>
                  {EVENT_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      ) : null}
      {draft.type === "summary" ? (
        <Field id={f("summary")} label="Summary">
          <Textarea
            id={f("summary")}
            value={draft.text}
            maxLength={2000}
            rows={4}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
          />
        </Field>
      ) : null}
      {draft.type === "impact" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={f("value")} label="Value">
            {/Level$/.test(draft.hint.field) ? (
              <Select
                id={f("value")}
                value={draft.hint.value}
                onChange={(e) => setDraft({ ...draft, hint: { ...draft.hint, value: e.target.value } })}
              >
                {Object.values(ImpactLevel).map((l) => (
                  <option key={l} value={l}>
                    {IMPACT_LEVEL_LABELS[l]}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                id={f("value")}
                value={draft.hint.value}
                maxLength={1000}
                onChange={(e) => setDraft({ ...draft, hint: { ...draft.hint, value: e.target.value } })}
              />
            )}
          </Field>
          {/Level$/.test(draft.hint.field) ? (
            <Field id={f("detail")} label="Detail">
              <Input
                id={f("detail")}
                value={draft.hint.detail}
                maxLength={1000}
                onChange={(e) => setDraft({ ...draft, hint: { ...draft.hint, detail: e.target.value } })}
              />
            </Field>
          ) : null}
        </div>
      ) : null}
      {draft.type === "aiCause" ? (
        <Field id={f("evidence")} label="Evidence">
          <Textarea
            id={f("evidence")}
            value={draft.cause.evidence}
            maxLength={2000}
            onChange={(e) => setDraft({ ...draft, cause: { ...draft.cause, evidence: e.target.value } })}
          />
        </Field>
      ) : null}
      {draft.type === "aiContext" ? (
        <Field id={f("value")} label="Value">
          <Input
            id={f("value")}
            value={draft.context.value}
            maxLength={200}
            onChange={(e) => setDraft({ ...draft, context: { ...draft.context, value: e.target.value } })}
          />
        </Field>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm">
          Save changes
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
