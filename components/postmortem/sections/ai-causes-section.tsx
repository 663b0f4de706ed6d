"use client";

import { useState } from "react";
import { setAiCauseAction } from "@/app/(app)/postmortems/[id]/section-actions";
import { SectionCard, type SaveState } from "@/components/postmortem/section-card";
import { savedNow } from "@/components/postmortem/use-section-form";
import type { SectionProps } from "@/components/postmortem/section-props";
import { FieldConflictNote, FieldSaveNote } from "@/components/live/field-conflict";
import { PresenceMark } from "@/components/live/live-status-bar";
import { useLiveRow, useReportRowState } from "@/components/live/use-live-row";
import { Textarea, describedBy } from "@/components/ui/field";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { AI_CAUSES } from "@/lib/domain/template";
import type { AiCauseKind } from "@/lib/generated/prisma/enums";
import { text } from "@/lib/validations/common";
import { TaxonomySuggestions } from "@/components/assistant/taxonomy-suggestions";

const evidenceSchema = text(2000, "Evidence");
const validate = (_field: string, value: unknown) => {
  const result = evidenceSchema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
};

/** The evidence of one ticked item: saves as the person types, like every other field. */
function Evidence({
  kind,
  label,
  evidence,
  onState,
}: {
  kind: AiCauseKind;
  label: string;
  evidence: string;
  onState: (state: SaveState) => void;
}) {
  const row = useLiveRow({ entity: "aiCause", entityId: kind, values: { evidence }, validate });
  useReportRowState(row, onState);
  const id = `ai-cause-${kind}-evidence`;
  const status = row.status("evidence");
  const error = status.kind === "error" && !row.conflict("evidence") ? status.message : undefined;
  return (
    <div className="space-y-1 pl-6">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        Evidence for {label.toLowerCase()}
      </label>
      <PresenceMark entity="aiCause" entityId={kind}>
        <Textarea
          id={id}
          rows={2}
          value={String(row.value("evidence") ?? "")}
          aria-invalid={!!error}
          aria-describedby={describedBy(id, error)}
          placeholder="What points to this cause: a log, a diff, an eval run…"
          onChange={(e) => row.setValue("evidence", e.target.value)}
          {...row.bind("evidence")}
        />
      </PresenceMark>
      <FieldSaveNote row={row} field="evidence" />
      <FieldConflictNote row={row} field="evidence" />
    </div>
  );
}

/** The template's AI checklist: ticking saves at once; each ticked item's evidence saves as it is typed. */
export function AiCausesSection({ doc, canEdit }: SectionProps) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const causes = new Map(doc.aiCauses.map((c) => [c.kind, c]));
  // A tick shows at once; it gives way to the document once the live event has brought the same value.
  const [ticking, setTicking] = useState<Partial<Record<AiCauseKind, boolean>>>({});
  const isChecked = (kind: AiCauseKind) => ticking[kind] ?? causes.has(kind);
  const settled = Object.entries(ticking).filter(([kind, checked]) => causes.has(kind as AiCauseKind) === checked);
  if (settled.length > 0) setTicking((t) => Object.fromEntries(Object.entries(t).filter(([kind]) => !settled.some(([k]) => k === kind))));

  async function toggle(kind: AiCauseKind, checked: boolean) {
    setTicking((t) => ({ ...t, [kind]: checked }));
    setState({ kind: "saving" });
    const result = await setAiCauseAction({
      postmortemId: doc.id,
      kind,
      checked,
      evidence: causes.get(kind)?.evidence ?? "",
      clientMutationId: crypto.randomUUID(),
    }).catch(() => null);
    if (!result?.ok) setTicking((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== kind)));
    setState(result?.ok ? savedNow() : { kind: "error", message: result?.message ?? "The server cannot be reached; nothing was saved." });
  }

  if (!canEdit) {
    const ticked = AI_CAUSES.filter((c) => causes.has(c.kind));
    return (
      <SectionCard id="ai-causes" title={SECTION_LABELS["ai-causes"]}>
        {ticked.length === 0 ? (
          <p className="text-sm italic text-slate-500">No AI-specific causes checked.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {ticked.map((c) => (
              <li key={c.kind}>
                <span className="font-medium">{c.label}</span> — {c.description}
                {causes.get(c.kind)?.evidence ? <p className="whitespace-pre-wrap text-slate-700">{causes.get(c.kind)?.evidence}</p> : null}
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
      {state.kind === "error" ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <ul className="space-y-3">
        {AI_CAUSES.map((c) => {
          const cause = causes.get(c.kind);
          const boxId = `ai-cause-${c.kind}`;
          return (
            <li key={c.kind} className="space-y-2">
              <label htmlFor={boxId} className="flex items-start gap-2 text-sm">
                <input
                  id={boxId}
                  type="checkbox"
                  className="mt-0.5 size-4"
                  checked={isChecked(c.kind)}
                  onChange={(e) => void toggle(c.kind, e.target.checked)}
                />
                <span>
                  <span className="font-medium">{c.label}</span> — {c.description}
                </span>
              </label>
              {cause ? <Evidence kind={c.kind} label={c.label} evidence={cause.evidence} onState={setState} /> : null}
            </li>
          );
        })}
      </ul>
      <TaxonomySuggestions doc={doc} />
    </SectionCard>
  );
}
