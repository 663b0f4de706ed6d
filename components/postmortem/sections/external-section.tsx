"use client";

import { SectionCard } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { ReadOnlyValue, SectionCheckbox, SectionForm, SectionTextField } from "@/components/postmortem/sections/section-fields";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { TEMPLATE_FAQ } from "@/lib/domain/template";

export function ExternalSection({ doc, canEdit }: SectionProps) {
  const api = useSectionForm({
    section: "external",
    postmortemId: doc.id,
    values: { customerFacing: doc.customerFacing, externalSummary: doc.externalSummary, restricted: doc.restricted },
    canEdit,
  });
  const customerFacing = !!api.value("customerFacing");
  return (
    <SectionCard id="external-summary" title={SECTION_LABELS["external-summary"]} state={api.state}
      description={TEMPLATE_FAQ.externalSummary}>
      <SectionForm api={api}>
        <SectionCheckbox api={api} name="customerFacing" label="Customer-facing incident" />
        {customerFacing ? (
          <SectionTextField api={api} name="externalSummary" label="External summary" multiline rows={5}
            hint="What happened, what we did, how we are preventing recurrence." />
        ) : (
          <p className="text-sm text-slate-600">
            No external summary is needed unless customers were affected.
          </p>
        )}
        {doc.permissions.changeAccess ? (
          <SectionCheckbox api={api} name="restricted" label="Restricted (only participants can see it)"
            hint="Hides this postmortem from everyone except its participants and administrators." />
        ) : (
          <ReadOnlyValue label="Restricted (only participants can see it)" value={doc.restricted ? "Yes" : "No"} />
        )}
      </SectionForm>
    </SectionCard>
  );
}
