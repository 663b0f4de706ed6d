"use client";

import { useState } from "react";
import { SectionCard, type SaveState } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { SectionForm, SectionSelectField, SectionTextField } from "@/components/postmortem/sections/section-fields";
import { WhyChain } from "@/components/postmortem/sections/why-chain";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { ROOT_CAUSE_CATEGORY_LABELS, TEMPLATE_INSTRUCTIONS } from "@/lib/domain/template";

const FIVE_WHYS = TEMPLATE_INSTRUCTIONS.find((g) => g.id === "five-whys");
const CATEGORY_OPTIONS = Object.entries(ROOT_CAUSE_CATEGORY_LABELS).map(([value, label]) => ({ value, label }));

/** Whichever of the two editors is busy or failing is what the section reports. */
function combine(a: SaveState, b: SaveState): SaveState {
  for (const kind of ["saving", "error"] as const) {
    if (a.kind === kind) return a;
    if (b.kind === kind) return b;
  }
  if (a.kind === "saved" && b.kind === "saved") return a.at > b.at ? a : b;
  return a.kind === "saved" ? a : b;
}

export function RootCauseSection({ doc, canEdit }: SectionProps) {
  const api = useSectionForm({
    section: "rootCause",
    postmortemId: doc.id,
    values: { problemStatement: doc.problemStatement, rootCause: doc.rootCause, rootCauseCategory: doc.rootCauseCategory ?? "" },
    canEdit,
  });
  const [whyState, setWhyState] = useState<SaveState>({ kind: "idle" });
  const names = doc.participants.map((p) => p.name);
  return (
    <SectionCard id="root-cause" title={SECTION_LABELS["root-cause"]} state={combine(api.state, whyState)} description={FIVE_WHYS?.body}>
      <SectionForm api={api}>
        <SectionTextField
          api={api}
          name="problemStatement"
          label="Problem"
          multiline
          rows={2}
          blamelessNames={names}
          hint="The problem as customers or the system saw it."
        />
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">5 Whys</legend>
          {canEdit ? <p className="text-xs text-slate-500">Each why saves as you type.</p> : null}
          <WhyChain postmortemId={doc.id} whys={doc.whys} canEdit={canEdit} participantNames={names} onState={setWhyState} />
        </fieldset>
        <SectionTextField
          api={api}
          name="rootCause"
          label="Root cause"
          multiline
          rows={3}
          blamelessNames={names}
          hint="A systemic cause that suggests a process or system improvement."
        />
        <SectionSelectField
          api={api}
          name="rootCauseCategory"
          label="Root cause category"
          options={CATEGORY_OPTIONS}
          emptyLabel="Choose a category"
          className="sm:max-w-xs"
        />
      </SectionForm>
    </SectionCard>
  );
}
