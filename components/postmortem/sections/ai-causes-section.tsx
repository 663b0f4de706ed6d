"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { setAiCauseAction } from "@/app/(app)/postmortems/[id]/section-actions";
import { SectionCard, type SaveState } from "@/components/postmortem/section-card";
import { savedNow } from "@/components/postmortem/use-section-form";
import type { SectionProps } from "@/components/postmortem/section-props";
import { Button } from "@/components/ui/button";
import { Textarea, describedBy } from "@/components/ui/field";
import type { AiCauseDto } from "@/lib/data/postmortem-document";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { AI_CAUSES } from "@/lib/domain/template";
import type { AiCauseKind } from "@/lib/generated/prisma/enums";
import { TaxonomySuggestions } from "@/components/assistant/taxonomy-suggestions";

type Item = { checked: boolean; evidence: string; base: string; error?: string; theirs?: string };
type Items = Partial<Record<AiCauseKind, Item>>;

function fromServer(causes: AiCauseDto[], prev: Items = {}): Items {
  const items: Items = {};
  for (const c of causes) {
    const local = prev[c.kind];
    items[c.kind] = local && local.checked && local.evidence !== local.base ? local : { checked: true, evidence: c.evidence, base: c.evidence };
  }
  return items;
}

/** The template's AI checklist: ticking saves at once; each ticked item's evidence saves when you leave it. */
export function AiCausesSection({ doc, canEdit }: SectionProps) {
  const router = useRouter();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [items, setItems] = useState<Items>(() => fromServer(doc.aiCauses));
  const serialized = JSON.stringify(doc.aiCauses);
  const [synced, setSynced] = useState(serialized);
  if (synced !== serialized) {
    setSynced(serialized);
    setItems((prev) => fromServer(doc.aiCauses, prev));
  }
  const patch = (kind: AiCauseKind, change: Partial<Item>) =>
    setItems((all) => ({ ...all, [kind]: { checked: false, evidence: "", base: "", ...all[kind], ...change } }));

  async function send(kind: AiCauseKind, checked: boolean, item: Item | undefined, toggled: boolean) {
    setState({ kind: "saving" });
    const result = await setAiCauseAction({
      postmortemId: doc.id, kind, checked, evidence: checked ? item?.evidence ?? "" : "", baseEvidence: item?.base,
    });
    if (result.ok) {
      patch(kind, { checked, base: item?.evidence ?? "", evidence: item?.evidence ?? "", error: undefined, theirs: undefined });
      setState(savedNow());
      return router.refresh();
    }
    setState({ kind: "error", message: result.message });
    if (result.code === "CONFLICT") {
      const theirs = (result.detail as { evidence: string }).evidence;
      patch(kind, {
        base: theirs, theirs,
        error: `Someone else changed this evidence to “${theirs || "(empty)"}”. Use theirs, or edit and leave the field to keep yours.`,
      });
    } else {
      patch(kind, { ...(toggled ? { checked: !checked } : {}), error: result.fieldErrors?.evidence?.[0] ?? result.message });
    }
  }

  if (!canEdit) {
    const ticked = AI_CAUSES.filter((c) => items[c.kind]?.checked);
    return (
      <SectionCard id="ai-causes" title={SECTION_LABELS["ai-causes"]}>
        {ticked.length === 0 ? (
          <p className="text-sm italic text-slate-500">No AI-specific causes checked.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {ticked.map((c) => (
              <li key={c.kind}>
                <span className="font-medium">{c.label}</span> — {c.description}
                {items[c.kind]?.evidence ? <p className="whitespace-pre-wrap text-slate-700">{items[c.kind]?.evidence}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <TaxonomySuggestions doc={doc} />
      </SectionCard>
    );
  }

  return (
    <SectionCard id="ai-causes" title={SECTION_LABELS["ai-causes"]} state={state} description="Check if applicable.">
      {state.kind === "error" ? <p role="alert" className="mb-2 text-sm text-red-700">{state.message}</p> : null}
      <ul className="space-y-3">
        {AI_CAUSES.map((c) => {
          const item = items[c.kind];
          const boxId = `ai-cause-${c.kind}`;
          const evidenceId = `${boxId}-evidence`;
          return (
            <li key={c.kind} className="space-y-2">
              <label htmlFor={boxId} className="flex items-start gap-2 text-sm">
                <input id={boxId} type="checkbox" className="mt-0.5 size-4" checked={!!item?.checked}
                  onChange={(e) => {
                    patch(c.kind, { checked: e.target.checked });
                    void send(c.kind, e.target.checked, item, true);
                  }} />
                <span><span className="font-medium">{c.label}</span> — {c.description}</span>
              </label>
              {item?.checked ? (
                <div className="space-y-1 pl-6">
                  <label htmlFor={evidenceId} className="text-xs font-medium text-slate-700">Evidence for {c.label.toLowerCase()}</label>
                  <Textarea id={evidenceId} rows={2} value={item.evidence} aria-invalid={!!item.error}
                    aria-describedby={describedBy(evidenceId, item.error)}
                    placeholder="What points to this cause: a log, a diff, an eval run…"
                    onChange={(e) => patch(c.kind, { evidence: e.target.value })}
                    onBlur={() => {
                      if (item.evidence !== item.base) void send(c.kind, true, item, false);
                    }} />
                  {item.error ? <p id={`${evidenceId}-error`} role="alert" className="text-xs font-medium text-red-700">{item.error}</p> : null}
                  {item.theirs !== undefined ? (
                    <Button size="sm" variant="secondary"
                      onClick={() => patch(c.kind, { evidence: item.theirs ?? "", base: item.theirs ?? "", theirs: undefined, error: undefined })}>
                      Use theirs
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <TaxonomySuggestions doc={doc} />
    </SectionCard>
  );
}
