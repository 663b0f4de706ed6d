"use client";

import { useState } from "react";
import { addFactorAction, deleteFactorAction } from "@/app/(app)/postmortems/[id]/section-actions";
import { FieldConflictNote, FieldSaveNote } from "@/components/live/field-conflict";
import { PresenceMark } from "@/components/live/live-status-bar";
import { useLiveRow, useReportRowState } from "@/components/live/use-live-row";
import { BlamelessHints } from "@/components/postmortem/blameless-hints";
import { SectionCard, type SaveState } from "@/components/postmortem/section-card";
import { savedNow } from "@/components/postmortem/use-section-form";
import type { SectionProps } from "@/components/postmortem/section-props";
import { Button } from "@/components/ui/button";
import { Select, Textarea, describedBy } from "@/components/ui/field";
import type { FactorDto } from "@/lib/data/postmortem-document";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import { FACTOR_CATEGORY_LABELS } from "@/lib/domain/template";
import type { FactorCategory } from "@/lib/generated/prisma/enums";
import { factorFieldsSchema } from "@/lib/validations/sections";
import { ColumnHeads } from "@/components/ui/table";

const CATEGORIES = Object.keys(FACTOR_CATEGORY_LABELS) as FactorCategory[];

const validate = (field: string, value: unknown) => {
  const schema = factorFieldsSchema.shape[field as keyof typeof factorFieldsSchema.shape];
  const result = schema?.safeParse(value);
  return result && !result.success ? result.error.issues[0]?.message : undefined;
};

function FactorRow({
  factor,
  index,
  canEdit,
  names,
  onRemove,
  onState,
}: {
  factor: FactorDto;
  index: number;
  canEdit: boolean;
  names: readonly string[];
  onRemove: () => void;
  onState: (state: SaveState) => void;
}) {
  const row = useLiveRow({
    entity: "factor",
    entityId: factor.id,
    values: { category: factor.category, description: factor.description },
    validate,
  });
  useReportRowState(row, onState);
  const id = `factor-${factor.id}`;
  const description = String(row.value("description") ?? "");
  const category = String(row.value("category") ?? "") as FactorCategory;
  const status = row.status("description");
  const error = status.kind === "error" && !row.conflict("description") ? status.message : undefined;
  return (
    <tr data-testid="factor-row">
      <th scope="row" className="py-2 pr-3 font-medium text-slate-800">
        {index + 1}
      </th>
      <td className="py-2 pr-3">
        {canEdit ? (
          <>
            <Select
              aria-label={`Factor ${index + 1} category`}
              value={category}
              onChange={(e) => row.setValue("category", e.target.value, { now: true })}
              {...row.bind("category")}
            >
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {FACTOR_CATEGORY_LABELS[c]}
                </option>
              ))}
            </Select>
            <FieldSaveNote row={row} field="category" />
            <FieldConflictNote row={row} field="category" format={(v) => FACTOR_CATEGORY_LABELS[v as FactorCategory] ?? String(v)} />
          </>
        ) : (
          FACTOR_CATEGORY_LABELS[category]
        )}
      </td>
      <td className="space-y-1 py-2">
        {canEdit ? (
          <>
            <PresenceMark entity="factor" entityId={factor.id}>
              <Textarea
                id={id}
                rows={2}
                aria-label={`Factor ${index + 1} description`}
                value={description}
                aria-invalid={!!error}
                aria-describedby={describedBy(id, error)}
                onChange={(e) => row.setValue("description", e.target.value)}
                {...row.bind("description")}
              />
            </PresenceMark>
            <FieldSaveNote row={row} field="description" />
            <FieldConflictNote row={row} field="description" />
            <BlamelessHints text={description} participantNames={names} />
          </>
        ) : (
          <span className="whitespace-pre-wrap">{description}</span>
        )}
      </td>
      {canEdit ? (
        <td className="py-2 pl-2">
          <Button size="sm" variant="ghost" aria-label={`Delete factor ${index + 1}`} onClick={onRemove}>
            Delete
          </Button>
        </td>
      ) : null}
    </tr>
  );
}

/**
 * Contributing factors: each field saves on its own as the person types or chooses; factors added or
 * deleted by others appear and disappear in place.
 */
export function FactorsSection({ doc, canEdit }: SectionProps) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const names = doc.participants.map((p) => p.name);

  async function add() {
    setState({ kind: "saving" });
    const result = await addFactorAction({
      postmortemId: doc.id,
      clientMutationId: crypto.randomUUID(),
      category: "TECHNICAL",
      description: "",
    }).catch(() => null);
    setState(
      result?.ok ? savedNow() : { kind: "error", message: result?.message ?? "The server cannot be reached; the factor was not added." },
    );
  }

  async function remove(factor: FactorDto) {
    setState({ kind: "saving" });
    const result = await deleteFactorAction({ postmortemId: doc.id, factorId: factor.id }).catch(() => null);
    setState(
      result?.ok ? savedNow() : { kind: "error", message: result?.message ?? "The server cannot be reached; the factor was not deleted." },
    );
  }

  const visible = canEdit ? doc.factors : doc.factors.filter((f) => f.description.trim());
  return (
    <SectionCard
      id="factors"
      title={SECTION_LABELS.factors}
      state={state}
      description={canEdit ? "Conditions that made the incident more likely or worse. Changes save as you type." : undefined}
    >
      {visible.length === 0 ? (
        <p className="text-sm italic text-slate-500">No contributing factors recorded yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[30rem] text-left text-sm">
            <ColumnHeads
              tone="plain"
              columns={[
                "Factor",
                { head: "Category", className: "w-40" },
                "Description",
                canEdit && { head: <span className="sr-only">Actions</span>, className: "w-20" },
              ]}
            />
            <tbody className="divide-y divide-slate-100 align-top">
              {visible.map((factor, i) => (
                <FactorRow
                  key={factor.id}
                  factor={factor}
                  index={i}
                  canEdit={canEdit}
                  names={names}
                  onRemove={() => void remove(factor)}
                  onState={setState}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <div className="mt-3 space-y-2">
          {state.kind === "error" ? (
            <p role="alert" className="text-sm text-red-700">
              {state.message}
            </p>
          ) : null}
          <Button size="sm" variant="secondary" onClick={() => void add()}>
            Add factor
          </Button>
        </div>
      ) : null}
    </SectionCard>
  );
}
