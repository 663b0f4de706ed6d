"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { addFactorAction, deleteFactorAction, updateFactorAction } from "@/app/(app)/postmortems/[id]/section-actions";
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

type Values = { category: FactorCategory; description: string };
type Row = { id: string; values: Values; base: Values; error?: string; theirs?: Partial<Values> };

const CATEGORIES = Object.keys(FACTOR_CATEGORY_LABELS) as FactorCategory[];
const fromServer = (f: FactorDto): Row => {
  const values = { category: f.category, description: f.description };
  return { id: f.id, values, base: values };
};
const dirty = (r: Row) => r.values.category !== r.base.category || r.values.description !== r.base.description;

/** Contributing factors: each row saves when it loses focus, sending only what changed and what it changed from. */
export function FactorsSection({ doc, canEdit }: SectionProps) {
  const router = useRouter();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [rows, setRows] = useState<Row[]>(() => doc.factors.map(fromServer));
  const serialized = JSON.stringify(doc.factors);
  const [synced, setSynced] = useState(serialized);
  if (synced !== serialized) {
    setSynced(serialized);
    setRows((prev) => doc.factors.map((f) => {
      const local = prev.find((r) => r.id === f.id);
      return local && dirty(local) ? local : fromServer(f);
    }));
  }
  const patch = (id: string, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const names = doc.participants.map((p) => p.name);

  async function save(row: Row) {
    const parsed = factorFieldsSchema.safeParse(row.values);
    if (!parsed.success) {
      patch(row.id, { error: parsed.error.issues[0]?.message });
      return setState({ kind: "error", message: "Some fields need attention; nothing was saved." });
    }
    const keys = (["category", "description"] as const).filter((k) => row.values[k] !== row.base[k]);
    if (keys.length === 0) return;
    setState({ kind: "saving" });
    const changes = Object.fromEntries(keys.map((k) => [k, row.values[k]]));
    const base = Object.fromEntries(keys.map((k) => [k, row.base[k]]));
    const result = await updateFactorAction({ postmortemId: doc.id, factorId: row.id, changes, base });
    if (result.ok) {
      patch(row.id, { base: { ...row.base, ...changes }, error: undefined, theirs: undefined });
      setState(savedNow());
      return router.refresh();
    }
    setState({ kind: "error", message: result.message });
    if (result.code === "CONFLICT") {
      const theirs = result.detail as Partial<Values>;
      const shown = Object.values(theirs).map((v) => `“${v || "(empty)"}”`).join(", ");
      patch(row.id, {
        base: { ...row.base, ...theirs }, theirs,
        error: `Someone else changed this factor to ${shown}. Use theirs, or edit and leave the field to keep yours.`,
      });
    } else if (result.code === "DELETED") {
      setRows((rs) => rs.filter((r) => r.id !== row.id));
    } else {
      patch(row.id, { error: Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message });
    }
  }

  async function add() {
    setState({ kind: "saving" });
    const result = await addFactorAction({
      postmortemId: doc.id, clientMutationId: crypto.randomUUID(), category: "TECHNICAL", description: "",
    });
    if (!result.ok) return setState({ kind: "error", message: result.message });
    setRows((rs) => (rs.some((r) => r.id === result.data.id) ? rs : [...rs, fromServer(result.data)]));
    setState(savedNow());
    router.refresh();
  }

  async function remove(row: Row) {
    setState({ kind: "saving" });
    const result = await deleteFactorAction({ postmortemId: doc.id, factorId: row.id });
    if (!result.ok) return setState({ kind: "error", message: result.message });
    setRows((rs) => rs.filter((r) => r.id !== row.id));
    setState(savedNow());
    router.refresh();
  }

  const visible = canEdit ? rows : rows.filter((r) => r.values.description.trim());
  return (
    <SectionCard id="factors" title={SECTION_LABELS.factors} state={state}
      description={canEdit ? "Conditions that made the incident more likely or worse. Each row saves when you leave it." : undefined}>
      {visible.length === 0 ? (
        <p className="text-sm italic text-slate-500">No contributing factors recorded yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[30rem] text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Factor</th>
                <th scope="col" className="w-40 py-2 pr-3 font-medium">Category</th>
                <th scope="col" className="py-2 font-medium">Description</th>
                {canEdit ? <th scope="col" className="w-20 py-2"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {visible.map((row, i) => {
                const id = `factor-${row.id}`;
                return (
                  <tr key={row.id} data-testid="factor-row">
                    <th scope="row" className="py-2 pr-3 font-medium text-slate-800">{i + 1}</th>
                    <td className="py-2 pr-3">
                      {canEdit ? (
                        <Select aria-label={`Factor ${i + 1} category`} value={row.values.category}
                          onChange={(e) => {
                            const next = { ...row, values: { ...row.values, category: e.target.value as FactorCategory } };
                            setRows((rs) => rs.map((r) => (r.id === row.id ? next : r)));
                            void save(next);
                          }}>
                          {CATEGORIES.map((c) => <option key={c} value={c}>{FACTOR_CATEGORY_LABELS[c]}</option>)}
                        </Select>
                      ) : FACTOR_CATEGORY_LABELS[row.values.category]}
                    </td>
                    <td className="space-y-1 py-2">
                      {canEdit ? (
                        <>
                          <Textarea id={id} rows={2} aria-label={`Factor ${i + 1} description`} value={row.values.description}
                            aria-invalid={!!row.error} aria-describedby={describedBy(id, row.error)}
                            onChange={(e) => patch(row.id, { values: { ...row.values, description: e.target.value } })}
                            onBlur={() => void save(row)} />
                          {row.error ? <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">{row.error}</p> : null}
                          {row.theirs ? (
                            <Button size="sm" variant="secondary" onClick={() => {
                              const values = { ...row.values, ...row.theirs };
                              patch(row.id, { values, base: values, theirs: undefined, error: undefined });
                            }}>
                              Use theirs
                            </Button>
                          ) : null}
                          <BlamelessHints text={row.values.description} participantNames={names} />
                        </>
                      ) : <span className="whitespace-pre-wrap">{row.values.description}</span>}
                    </td>
                    {canEdit ? (
                      <td className="py-2 pl-2">
                        <Button size="sm" variant="ghost" aria-label={`Delete factor ${i + 1}`} onClick={() => void remove(row)}>
                          Delete
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <div className="mt-3 space-y-2">
          {state.kind === "error" ? <p role="alert" className="text-sm text-red-700">{state.message}</p> : null}
          <Button size="sm" variant="secondary" onClick={() => void add()}>Add factor</Button>
        </div>
      ) : null}
    </SectionCard>
  );
}
