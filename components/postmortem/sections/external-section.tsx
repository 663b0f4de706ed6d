"use client";

import { SectionCard } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { ReadOnlyValue, SectionCheckbox, SectionForm, SectionTextField } from "@/components/postmortem/sections/section-fields";
import { ExternalReleasePanel } from "@/components/sharing/external-release-panel";
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
      customerFacing: doc.customerFacing,
      externalSummary: doc.externalSummary,
      externalWhatWeDid: doc.externalWhatWeDid,
      externalPrevention: doc.externalPrevention,
      restricted: doc.restricted,
    },
    canEdit,
  });
  const customerFacing = !!api.value("customerFacing");
  return (
    <SectionCard
      id="external-summary"
      title={SECTION_LABELS["external-summary"]}
      state={api.state}
      description={TEMPLATE_FAQ.externalSummary}
    >
      <SectionForm api={api}>
        <SectionCheckbox api={api} name="customerFacing" label="Customer-facing incident" />
        {customerFacing ? (
          EXTERNAL_PARTS.map((part) => (
            <SectionTextField key={part.key} api={api} name={FIELD_OF[part.key]} label={part.label} hint={part.hint} multiline rows={3} />
          ))
        ) : (
          <p className="text-sm text-slate-600">No external summary is needed unless customers were affected.</p>
        )}
        {doc.permissions.changeAccess ? (
          <SectionCheckbox
            api={api}
            name="restricted"
            label="Restricted (only participants can see it)"
            hint="Hides this postmortem from everyone except its participants and administrators."
          />
        ) : (
          <ReadOnlyValue label="Restricted (only participants can see it)" value={doc.restricted ? "Yes" : "No"} />
        )}
      </SectionForm>
      {customerFacing && externalRelease ? <ExternalReleasePanel postmortemId={doc.id} release={externalRelease} /> : null}
    </SectionCard>
  );
}
