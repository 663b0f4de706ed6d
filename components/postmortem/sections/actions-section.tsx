"use client";

import { useState } from "react";
import type { SectionProps } from "@/components/postmortem/section-props";
import { SectionCard, type SaveState } from "@/components/postmortem/section-card";
import { ACTION_HORIZON_ORDER, ACTION_HORIZONS } from "@/lib/domain/deadlines";
import { toIsoDay } from "@/lib/domain/dates";
import { TEMPLATE_INSTRUCTIONS } from "@/lib/domain/template";
import { ActionRow } from "@/components/postmortem/actions/action-row";
import { AddActionForm } from "@/components/postmortem/actions/add-action-form";
import { ColumnHeads } from "@/components/ui/table";

const GUIDANCE = TEMPLATE_INSTRUCTIONS.find((g) => g.id === "concrete-actions");

/** The template's three corrective-action tables; rows save on blur or change, each with its own state. */
export function ActionsSection({ doc, users, canEdit }: SectionProps) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [today] = useState(() => toIsoDay(new Date()));
  const from = doc.meetingDate ?? doc.incidentDate;

  return (
    <SectionCard
      id="actions"
      title="Corrective actions"
      state={state}
      description={
        GUIDANCE ? (
          <>
            <strong>{GUIDANCE.title}.</strong> {GUIDANCE.body}
          </>
        ) : undefined
      }
    >
      <div className="space-y-6">
        {ACTION_HORIZON_ORDER.map((horizon) => {
          const rows = doc.actions.filter((a) => a.horizon === horizon);
          const headingId = `actions-${horizon}-title`;
          return (
            <div key={horizon} className="space-y-2" data-testid={`actions-${horizon}`}>
              <h3 id={headingId} className="font-semibold">
                {ACTION_HORIZONS[horizon].heading}
              </h3>
              {rows.length === 0 ? (
                <p className="text-sm text-slate-500">No {ACTION_HORIZONS[horizon].label.toLowerCase()} actions yet.</p>
              ) : (
                <div className="overflow-x-auto">
                  <table aria-labelledby={headingId} className="w-full min-w-[40rem] border-collapse text-sm">
                    <ColumnHeads
                      tone="plain"
                      columns={["#", "Action", "Owner", "Deadline", "Status", "Ticket", canEdit && <span className="sr-only">Delete</span>]}
                    />
                    <tbody className="divide-y divide-slate-100">
                      {rows.map((a) => (
                        <ActionRow key={a.id} postmortemId={doc.id} action={a} users={users} canEdit={canEdit} today={today} />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {canEdit ? <AddActionForm postmortemId={doc.id} horizon={horizon} from={from} users={users} onState={setState} /> : null}
            </div>
          );
        })}
      </div>
    </SectionCard>
  );
}
