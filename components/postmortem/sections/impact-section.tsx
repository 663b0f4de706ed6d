"use client";

import { SectionCard } from "@/components/postmortem/section-card";
import type { SectionProps } from "@/components/postmortem/section-props";
import { useSectionForm, type SectionFormApi } from "@/components/postmortem/use-section-form";
import { ConflictNote, SectionForm } from "@/components/postmortem/sections/section-fields";
import { Input, Select, describedBy } from "@/components/ui/field";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { IMPACT_DIMENSIONS, IMPACT_LEVEL_LABELS } from "@/lib/domain/template";
import { ImpactLevel } from "@/lib/generated/prisma/enums";
import { ColumnHeads } from "@/components/ui/table";

type LevelKey = "customerLevel" | "reputationalLevel" | "dataSecurityLevel" | "complianceLevel";

const LEVELS = Object.values(ImpactLevel);

function FieldError({ api, name }: { api: SectionFormApi; name: string }) {
  const error = api.errorOf(name);
  return (
    <>
      {error ? (
        <p id={`${api.idOf(name)}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <ConflictNote api={api} name={name} />
    </>
  );
}

function LevelCell({ api, name, label }: { api: SectionFormApi; name: LevelKey; label: string }) {
  const value = String(api.value(name) ?? "");
  if (!api.canEdit)
    return <>{value ? IMPACT_LEVEL_LABELS[value as ImpactLevel] : <span className="italic text-slate-500">Not assessed</span>}</>;
  const id = api.idOf(name);
  const error = api.errorOf(name);
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label} level
      </label>
      <Select aria-invalid={!!error} aria-describedby={describedBy(id, error)} {...api.register(name, "select")}>
        <option value="">Not assessed</option>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {IMPACT_LEVEL_LABELS[l]}
          </option>
        ))}
      </Select>
      <FieldError api={api} name={name} />
    </>
  );
}

function DetailCell({ api, name, label }: { api: SectionFormApi; name: string; label: string }) {
  const value = String(api.value(name) ?? "");
  if (!api.canEdit) return <span className="whitespace-pre-wrap">{value || <span className="italic text-slate-500">—</span>}</span>;
  const id = api.idOf(name);
  const error = api.errorOf(name);
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label} detail
      </label>
      <Input aria-invalid={!!error} aria-describedby={describedBy(id, error)} {...api.register(name)} />
      <FieldError api={api} name={name} />
    </>
  );
}

export function ImpactSection({ doc, canEdit }: SectionProps) {
  const api = useSectionForm({
    section: "impact",
    postmortemId: doc.id,
    values: {
      customerLevel: doc.impact.customerLevel ?? "",
      customerDetail: doc.impact.customerDetail,
      revenueDetail: doc.impact.revenueDetail,
      reputationalLevel: doc.impact.reputationalLevel ?? "",
      reputationalDetail: doc.impact.reputationalDetail,
      dataSecurityLevel: doc.impact.dataSecurityLevel ?? "",
      dataSecurityDetail: doc.impact.dataSecurityDetail,
      complianceLevel: doc.impact.complianceLevel ?? "",
      complianceDetail: doc.impact.complianceDetail,
    },
    canEdit,
  });
  return (
    <SectionCard id="impact" title={SECTION_LABELS.impact} state={api.state}>
      <SectionForm api={api}>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <ColumnHeads tone="plain" columns={["Dimension", "Impact", "Detail"]} />
            <tbody className="divide-y divide-slate-100 align-top">
              {IMPACT_DIMENSIONS.map((d) => (
                <tr key={d.key}>
                  <th scope="row" className="py-2 pr-3 font-medium text-slate-800">
                    {d.label}
                  </th>
                  <td className="py-2 pr-3">
                    {d.key === "revenue" ? (
                      <span className="text-slate-600">£ amount in Key metrics</span>
                    ) : (
                      <LevelCell api={api} name={`${d.key}Level`} label={d.label} />
                    )}
                  </td>
                  <td className="py-2">
                    <DetailCell api={api} name={`${d.key}Detail`} label={d.label} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </SectionForm>
    </SectionCard>
  );
}
