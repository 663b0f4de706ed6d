"use client";

import { SectionCard } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { ConflictNote, SectionForm } from "@/components/postmortem/sections/section-fields";
import { SeverityOptions } from "@/components/postmortems/severity-options";
import { SECTION_LABELS, SEVERITY_DESCRIPTIONS, SEVERITY_LABELS, reviewPolicyFor } from "@/lib/domain/severity-policy";
import { Severity } from "@/lib/generated/prisma/enums";

export function SeveritySection({ doc, canEdit }: SectionProps) {
  const api = useSectionForm({ section: "severity", postmortemId: doc.id, values: { severity: doc.severity }, canEdit });
  const selected = (api.value("severity") as Severity | undefined) ?? doc.severity;
  const policy = reviewPolicyFor(selected);
  return (
    <SectionCard id="severity" title={SECTION_LABELS.severity} state={api.state}>
      <SectionForm api={api}>
        {canEdit ? (
          <>
            <SeverityOptions
              name="severity"
              register={() => api.register("severity", "select")}
              error={api.errorOf("severity")}
              selected={selected}
            />
            <ConflictNote api={api} name="severity" />
          </>
        ) : (
          <p className="text-sm">
            <span className="font-medium">{SEVERITY_LABELS[selected]}</span>
            <span className="text-slate-600"> — {SEVERITY_DESCRIPTIONS[selected]}</span>
          </p>
        )}
        <div className="rounded-md bg-slate-50 p-3 text-sm" data-testid="review-type">
          <p className="font-medium">Review type: {policy.label}</p>
          <p className="text-slate-600">{policy.description}</p>
        </div>
      </SectionForm>
    </SectionCard>
  );
}
