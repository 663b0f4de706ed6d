"use client";

import { useState } from "react";
import { SectionCard, type SaveState } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm } from "@/components/postmortem/use-section-form";
import { ReadOnlyValue, SectionForm, SectionSelectField, SectionTextField } from "@/components/postmortem/sections/section-fields";
import { ParticipantsEditor } from "@/components/postmortem/sections/participants-editor";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { formatUtcDateTime } from "@/lib/domain/dates";
import { toUtcInput } from "@/lib/validations/common";

const showUtc = (value: string) => `${formatUtcDateTime(new Date(`${value}Z`))} UTC`;

export function DetailsSection({ doc, users, canEdit }: SectionProps) {
  const api = useSectionForm({
    section: "details",
    postmortemId: doc.id,
    values: {
      incidentKey: doc.incidentKey,
      incidentName: doc.incidentName,
      incidentDate: toUtcInput(doc.incidentDate),
      meetingDate: toUtcInput(doc.meetingDate),
      teamId: doc.teamId ?? "",
      facilitatorId: doc.facilitatorId ?? "",
    },
    canEdit,
  });
  const [participantState, setParticipantState] = useState<SaveState>({ kind: "idle" });
  const state = participantState.kind === "saving" || participantState.kind === "error" ? participantState : api.state;
  // A facilitator who has since been disabled is still shown as the current choice.
  const facilitatorOptions = users.map((u) => ({ value: u.id, label: u.name }));
  if (doc.facilitatorId && !users.some((u) => u.id === doc.facilitatorId)) {
    facilitatorOptions.unshift({ value: doc.facilitatorId, label: doc.facilitatorName ?? "Former user" });
  }
  return (
    <SectionCard id="details" title={SECTION_LABELS.details} state={state}>
      <SectionForm api={api}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SectionTextField api={api} name="incidentKey" label="Incident ID" />
          <SectionTextField api={api} name="incidentName" label="Incident name" />
          <SectionTextField api={api} name="incidentDate" label="Date of incident (UTC)" type="datetime-local" display={showUtc} />
          <SectionTextField
            api={api}
            name="meetingDate"
            label="Post-mortem date (UTC)"
            type="datetime-local"
            display={showUtc}
            hint="When the review meeting is or was held."
          />
          {doc.permissions.changeFacilitator ? (
            <SectionSelectField
              api={api}
              name="facilitatorId"
              label="Post-mortem facilitator"
              options={facilitatorOptions}
              emptyLabel={doc.facilitatorId ? undefined : "Choose a facilitator"}
            />
          ) : (
            <ReadOnlyValue label="Post-mortem facilitator" value={doc.facilitatorName ?? "Not chosen yet"} />
          )}
          <ReadOnlyValue label="Owning team" value={doc.teamName ?? "No team"} />
        </div>
      </SectionForm>
      <div className="mt-6">
        <ParticipantsEditor
          postmortemId={doc.id}
          participants={doc.participants}
          users={users}
          facilitatorId={doc.facilitatorId}
          canEdit={canEdit && (!doc.restricted || doc.permissions.changeAccess)}
          onState={setParticipantState}
        />
      </div>
    </SectionCard>
  );
}
