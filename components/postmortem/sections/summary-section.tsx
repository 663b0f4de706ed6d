"use client";

import { SectionCard } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { SectionForm, SectionTextField } from "@/components/postmortem/sections/section-fields";
import { countSentences, SUMMARY_MAX_SENTENCES } from "@/lib/domain/completeness";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { SUMMARY_PROMPT } from "@/lib/domain/template";

export function SummarySection({ doc, canEdit }: SectionProps) {
  const api = useSectionForm({ section: "summary", postmortemId: doc.id, values: { summary: doc.summary }, canEdit });
  const sentences = countSentences(String(api.value("summary") ?? ""));
  return (
    <SectionCard id="summary" title={SECTION_LABELS.summary} state={api.state}>
      <SectionForm api={api}>
        <SectionTextField
          api={api}
          name="summary"
          label={SUMMARY_PROMPT}
          multiline
          rows={4}
          blamelessNames={doc.participants.map((p) => p.name)}
        />
        {canEdit ? (
          <p className="text-xs text-slate-600" aria-live="polite" data-testid="summary-sentences">
            {sentences === 1 ? "1 sentence" : `${sentences} sentences`}
            {sentences > SUMMARY_MAX_SENTENCES
              ? ` — the template asks for 2-3; consider moving detail into the timeline or root cause.`
              : ""}
          </p>
        ) : null}
      </SectionForm>
    </SectionCard>
  );
}
