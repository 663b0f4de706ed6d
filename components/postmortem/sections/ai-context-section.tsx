"use client";

import { SectionCard } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { SectionForm, SectionTextField } from "@/components/postmortem/sections/section-fields";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";

export function AiContextSection({ doc, canEdit }: SectionProps) {
  const api = useSectionForm({
    section: "aiContext",
    postmortemId: doc.id,
    values: {
      aiProvider: doc.aiProvider,
      aiModel: doc.aiModel,
      aiPromptVersion: doc.aiPromptVersion,
      aiGuardrails: doc.aiGuardrails,
      aiDataSnapshot: doc.aiDataSnapshot,
      evalScoreBefore: doc.evalScoreBefore ?? "",
      evalScoreAfter: doc.evalScoreAfter ?? "",
    },
    canEdit,
  });
  return (
    <SectionCard
      id="ai-context"
      title={SECTION_LABELS["ai-context"]}
      state={api.state}
      description="Which AI system was involved, in enough detail to reproduce what it did."
    >
      <SectionForm api={api}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SectionTextField api={api} name="aiProvider" label="Provider" placeholder="e.g. OpenAI, Anthropic, in-house" />
          <SectionTextField api={api} name="aiModel" label="Model and version" placeholder="e.g. gpt-4o-2024-08-06" />
        </div>
        <SectionTextField
          api={api}
          name="aiPromptVersion"
          label="Prompt/template version or hash"
          placeholder="e.g. support-v14 or a1b2c3d"
        />
        <SectionTextField
          api={api}
          name="aiGuardrails"
          label="Guardrails"
          multiline
          rows={2}
          hint="Filters, validators or policies in place when the incident happened."
        />
        <SectionTextField
          api={api}
          name="aiDataSnapshot"
          label="Data or retrieval snapshot"
          multiline
          rows={2}
          hint="Index, dataset or knowledge-base version the system was using."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SectionTextField api={api} name="evalScoreBefore" label="Evaluation score before" placeholder="e.g. 0.92" hint="0 to 9999.999" />
          <SectionTextField api={api} name="evalScoreAfter" label="Evaluation score after" placeholder="e.g. 0.71" hint="0 to 9999.999" />
        </div>
      </SectionForm>
    </SectionCard>
  );
}
