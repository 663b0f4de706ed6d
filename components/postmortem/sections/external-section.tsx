"use client";

import { SectionCard } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { SectionCheckbox, SectionTextField } from "@/components/postmortem/sections/section-fields";
import { ExternalReleasePanel } from "@/components/sharing/external-release-panel";
import { Alert } from "@/components/ui/alert";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { TEMPLATE_FAQ } from "@/lib/domain/template";
import { EXTERNAL_PARTS } from "@/lib/domain/external-summary";

const FIELD_OF = { whatHappened: "externalSummary", whatWeDid: "externalWhatWeDid", prevention: "externalPrevention" } as const;

/** The FAQ's three-part external summary; it saves when a field is left or a box is ticked. */
export function ExternalSection({ doc, canEdit, externalRelease }: SectionProps) {
  const api = useSectionForm({
    section: "external",
    postmortemId: doc.id,
    values: {
      customerFacing: doc.customerFacing, externalSummary: doc.externalSummary, externalWhatWeDid: doc.externalWhatWeDid,
      externalPrevention: doc.externalPrevention, restricted: doc.restricted,
    },
    canEdit,
  });
  const customerFacing = !!api.form.watch("customerFacing");
  const save = () => void api.save();
  return (
    <SectionCard id="external-summary" title={SECTION_LABELS["external-summary"]} state={api.state}
      description={TEMPLATE_FAQ.externalSummary}>
      <form noValidate className="space-y-4" onBlur={save} onChange={(e) => {
          if (e.target instanceof HTMLInputElement && e.target.type === "checkbox") save();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}>
        <SectionCheckbox api={api} name="customerFacing" label="Customer-facing incident" />
        {customerFacing ? (
          EXTERNAL_PARTS.map((part) => (
            <SectionTextField key={part.key} api={api} name={FIELD_OF[part.key]} label={part.label} hint={part.hint} multiline rows={3} />
          ))
        ) : (
          <p className="text-sm text-slate-600">No external summary is needed unless customers were affected.</p>
        )}
        <SectionCheckbox api={api} name="restricted" label="Restricted (only participants can see it)"
          hint="Hides this postmortem from everyone except its participants and administrators." />
        {api.state.kind === "error" ? <Alert tone="error">{api.state.message}</Alert> : null}
      </form>
      {customerFacing && externalRelease ? <ExternalReleasePanel postmortemId={doc.id} release={externalRelease} /> : null}
    </SectionCard>
  );
}
