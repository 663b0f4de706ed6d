"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { addWhyAction, deleteWhyAction, updateWhyAction } from "@/app/(app)/postmortems/[id]/section-actions";
import { BlamelessHints } from "@/components/postmortem/blameless-hints";
import { WhyCoaching } from "@/components/assistant/why-coaching";
import type { SaveState } from "@/components/postmortem/section-card";
import { savedNow } from "@/components/postmortem/use-section-form";
import { Button } from "@/components/ui/button";
import { Textarea, describedBy } from "@/components/ui/field";
import type { WhyDto } from "@/lib/data/postmortem-document";
import { whyTextSchema } from "@/lib/validations/sections";

type Row = { id: string; text: string; baseText: string; version: number; error?: string; theirs?: string };

const fromServer = (w: WhyDto): Row => ({ id: w.id, text: w.text, baseText: w.text, version: w.version });

/** Server rows win unless this editor has unsaved text in that why; those keep their stale version. */
function merge(prev: Row[], whys: WhyDto[]): Row[] {
  return whys.map((w) => {
    const local = prev.find((r) => r.id === w.id);
    return local && local.text !== local.baseText ? local : fromServer(w);
  });
}

/**
 * The chain of whys. Each why saves on its own when it loses focus, with its row version, so attendees can
 * work on different whys at once; a stale save of the same why shows the other person's text.
 */
export function WhyChain({
  postmortemId,
  whys,
  canEdit,
  participantNames,
  onState,
}: {
  postmortemId: string;
  whys: WhyDto[];
  canEdit: boolean;
  participantNames: readonly string[];
  onState: (state: SaveState) => void;
}) {
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>(() => whys.map(fromServer));
  const serialized = JSON.stringify(whys);
  const [synced, setSynced] = useState(serialized);
  if (synced !== serialized) {
    setSynced(serialized);
    setRows((prev) => merge(prev, whys));
  }
  const patch = (id: string, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...change } : r)));

  async function save(row: Row) {
    const parsed = whyTextSchema.safeParse(row.text);
    if (!parsed.success) {
      patch(row.id, { error: parsed.error.issues[0]?.message });
      onState({ kind: "error", message: "Some fields need attention; nothing was saved." });
      return;
    }
    if (parsed.data === row.baseText.trim()) return;
    onState({ kind: "saving" });
    const result = await updateWhyAction({ postmortemId, whyId: row.id, text: row.text, version: row.version });
    if (result.ok) {
      patch(row.id, { baseText: row.text, version: result.data.version, error: undefined, theirs: undefined });
      onState(savedNow());
      router.refresh();
      return;
    }
    onState({ kind: "error", message: result.message });
    if (result.code === "CONFLICT") {
      const detail = result.detail as { text: string; version: number };
      patch(row.id, {
        version: detail.version, theirs: detail.text,
        error: `Someone else changed this why to “${detail.text || "(empty)"}”. Use theirs, or edit and leave the field to keep yours.`,
      });
    } else if (result.code === "DELETED") {
      setRows((rs) => rs.filter((r) => r.id !== row.id));
    } else {
      patch(row.id, { error: result.fieldErrors?.text?.[0] ?? result.message });
    }
  }

  async function add() {
    onState({ kind: "saving" });
    const result = await addWhyAction({ postmortemId, clientMutationId: crypto.randomUUID() });
    if (!result.ok) return onState({ kind: "error", message: result.message });
    setRows((rs) => (rs.some((r) => r.id === result.data.id) ? rs : [...rs, fromServer(result.data)]));
    onState(savedNow());
    router.refresh();
  }

  async function remove(row: Row) {
    onState({ kind: "saving" });
    const result = await deleteWhyAction({ postmortemId, whyId: row.id });
    if (!result.ok) return onState({ kind: "error", message: result.message });
    setRows((rs) => rs.filter((r) => r.id !== row.id));
    onState(savedNow());
    router.refresh();
  }

  if (!canEdit) {
    const filled = rows.filter((r) => r.text.trim());
    return filled.length === 0 ? (
      <p className="text-sm italic text-slate-500">No whys recorded yet.</p>
    ) : (
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        {filled.map((r) => <li key={r.id} className="whitespace-pre-wrap">{r.text}</li>)}
      </ol>
    );
  }

  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {rows.map((row, i) => {
          const id = `why-${row.id}`;
          return (
            <li key={row.id} className="space-y-1" data-testid="why-row">
              <div className="flex items-center justify-between gap-2">
                <label htmlFor={id} className="text-sm font-medium text-slate-800">Why {i + 1}?</label>
                <Button size="sm" variant="ghost" aria-label={`Delete why ${i + 1}`} onClick={() => void remove(row)}>
                  Delete
                </Button>
              </div>
              <Textarea id={id} rows={2} value={row.text} aria-invalid={!!row.error}
                aria-describedby={describedBy(id, row.error)}
                onChange={(e) => patch(row.id, { text: e.target.value })}
                onBlur={() => void save(row)} />
              {row.error ? <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">{row.error}</p> : null}
              {row.theirs !== undefined ? (
                <Button size="sm" variant="secondary"
                  onClick={() => patch(row.id, { text: row.theirs ?? "", baseText: row.theirs ?? "", theirs: undefined, error: undefined })}>
                  Use theirs
                </Button>
              ) : null}
              <BlamelessHints text={row.text} participantNames={participantNames} />
              <WhyCoaching postmortemId={postmortemId} text={row.text} participantNames={participantNames} />
            </li>
          );
        })}
      </ol>
      {rows.length === 0 ? <p className="text-sm italic text-slate-500">No whys yet.</p> : null}
      <Button size="sm" variant="secondary" onClick={() => void add()}>Add another why</Button>
    </div>
  );
}
