"use client";

import { useState } from "react";
import type { ActionDto } from "@/lib/data/postmortem-document";
import type { SaveState } from "@/components/postmortem/section-card";
import type { UpdateActionChanges } from "@/lib/validations/actions";
import { updateActionAction } from "@/app/(app)/postmortems/[id]/action-actions";

export type RowValues = UpdateActionChanges;
export type RowField = keyof RowValues;
export type RowErrors = Partial<Record<RowField, string>>;

export const toValues = (a: ActionDto): RowValues => ({
  action: a.action, horizon: a.horizon, ownerId: a.ownerId, deadline: a.deadline, status: a.status,
  wontDoReason: a.wontDoReason, ticket: a.ticket,
});

export const savedNow = (): SaveState => ({ kind: "saved", at: Date.now() });

const FIELDS: RowField[] = ["action", "horizon", "ownerId", "deadline", "status", "wontDoReason", "ticket"];

/**
 * One action row's editing state. `server` is the last row the server confirmed: it is both the `base`
 * sent with an edit and what the row falls back to. New props replace it unless the user has unsaved
 * edits in the row; a conflict keeps the user's value visible next to the current one.
 */
export function useActionRow(postmortemId: string, action: ActionDto) {
  const [server, setServer] = useState(action);
  const [values, setValues] = useState<RowValues>(() => toValues(action));
  const [errors, setErrors] = useState<RowErrors>({});
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState<ActionDto | null>(null);

  const current = toValues(server);
  const dirtyFields = FIELDS.filter((f) => values[f] !== current[f]);
  if (action.version > server.version && dirtyFields.length === 0 && !conflict) {
    setServer(action);
    setValues(toValues(action));
  }

  async function save(fields: RowField[], overrides: Partial<RowValues> = {}, from: ActionDto = server) {
    const next = { ...values, ...overrides };
    const base = toValues(from);
    const changed = fields.filter((f) => next[f] !== base[f]);
    if (changed.length === 0) return;
    const changes = Object.fromEntries(changed.map((f) => [f, next[f]])) as Partial<RowValues>;
    const baseValues = Object.fromEntries(changed.map((f) => [f, base[f]])) as Partial<RowValues>;
    setState({ kind: "saving" });
    const result = await updateActionAction({ postmortemId, actionId: action.id, version: from.version, changes, base: baseValues });
    if (result.ok) {
      setServer(result.data);
      setValues((v) => ({ ...v, ...Object.fromEntries(changed.map((f) => [f, toValues(result.data)[f]])) }));
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !changed.includes(k as RowField))));
      setConflict(null);
      setState(savedNow());
      return;
    }
    if (result.code === "CONFLICT") {
      const detail = result.detail as { current?: ActionDto } | undefined;
      if (detail?.current) setConflict(detail.current);
    }
    const fieldErrors: RowErrors = {};
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
      const field = key.replace(/^changes\./, "") as RowField;
      if (messages?.[0]) fieldErrors[field] = messages[0];
    }
    setErrors((e) => ({ ...e, ...fieldErrors }));
    setState({ kind: "error", message: result.message });
  }

  function set<F extends RowField>(field: F, value: RowValues[F]) {
    setValues((v) => ({ ...v, [field]: value }));
  }

  /** Take the other person's version of the row and drop the local edits. */
  function acceptTheirs() {
    if (!conflict) return;
    setServer(conflict);
    setValues(toValues(conflict));
    setConflict(null);
    setErrors({});
    setState({ kind: "idle" });
  }

  /** Re-apply the local edits on top of the other person's version. */
  async function keepMine() {
    if (!conflict) return;
    const theirs = conflict;
    setServer(theirs);
    setConflict(null);
    await save(FIELDS, {}, theirs);
  }

  return { server, values, errors, state, conflict, set, save, acceptTheirs, keepMine };
}
