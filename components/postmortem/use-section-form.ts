"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { updateSectionAction } from "@/app/(app)/postmortems/[id]/section-actions";
import { applyFieldErrors } from "@/components/postmortems/form-errors";
import type { SaveState } from "@/components/postmortem/section-card";
import type { FieldErrors } from "@/lib/errors";
import { sectionFormSchema, type SectionInput, type SectionKey, type SectionUpdateInput } from "@/lib/validations/sections";

export type SectionFormApi = {
  /** Loosely typed so the shared field components can serve every section. */
  form: UseFormReturn<FieldValues>;
  section: SectionKey;
  canEdit: boolean;
  state: SaveState;
  save: () => Promise<void>;
  /** Fields someone else changed since this editor began, with their current value. */
  conflicts: Record<string, unknown>;
  acceptTheirs: (field: string) => void;
  errorOf: (field: string) => string | undefined;
  idOf: (field: string) => string;
};

/** A "saved" state stamped now (kept out of render so the React compiler sees no impure call there). */
export function savedNow(): SaveState {
  return { kind: "saved", at: Date.now() };
}

const same = (a: unknown, b: unknown) => (a ?? "") === (b ?? "");

function pick(values: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, values[k]]));
}

/** Server paths are "changes.summary"; the form's field is "summary". */
function toFormErrors(fieldErrors: FieldErrors | undefined): FieldErrors | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.replace(/^(changes|base)\./, ""), v]));
}

function preview(value: unknown): string {
  const text = value === "" || value == null ? "(empty)" : String(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/**
 * One field section's form: RHF over the section schema. Save sends only the fields that differ from the
 * values this editor began with (`changes` + `base`); a conflict names the field, shows the other
 * person's value and offers "Use theirs", and saving again after seeing it keeps yours.
 */
export function useSectionForm<K extends SectionKey>({
  section,
  postmortemId,
  values,
  canEdit,
}: {
  section: K;
  postmortemId: string;
  values: SectionInput<K>;
  canEdit: boolean;
}): SectionFormApi {
  const router = useRouter();
  const form = useForm<FieldValues>({
    resolver: zodResolver(sectionFormSchema(section) as never) as unknown as Resolver<FieldValues>,
    defaultValues: values as FieldValues,
  });
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [conflicts, setConflicts] = useState<Record<string, unknown>>({});
  const baseRef = useRef<Record<string, unknown>>(values as Record<string, unknown>);

  // New server values (after a save, or someone else's) replace the form only when nothing is unsaved here.
  // The form starts from these values already; resetting on mount would clear and re-fill the fields a
  // moment after load and could swallow what someone is already typing.
  const serialized = JSON.stringify(values);
  const appliedRef = useRef(serialized);
  useEffect(() => {
    if (serialized === appliedRef.current) return;
    appliedRef.current = serialized;
    const next = JSON.parse(serialized) as Record<string, unknown>;
    const current = form.getValues();
    const unsaved = Object.keys(current).some((k) => !same(current[k], baseRef.current[k]));
    if (unsaved) return;
    baseRef.current = next;
    form.reset(next);
  }, [serialized, form]);

  const onValid = async () => {
    const raw = form.getValues();
    const base = baseRef.current;
    const keys = Object.keys(raw).filter((k) => !same(raw[k], base[k]));
    if (keys.length === 0) {
      setState(savedNow());
      return;
    }
    setState({ kind: "saving" });
    const changes = pick(raw, keys);
    const result = await updateSectionAction({
      postmortemId, section, changes, base: pick(base, keys),
    } as SectionUpdateInput);
    if (result.ok) {
      baseRef.current = { ...base, ...changes };
      form.reset(baseRef.current, { keepValues: true });
      setConflicts({});
      setState(savedNow());
      router.refresh();
      return;
    }
    if (result.code === "CONFLICT") {
      const theirs = (result.detail ?? {}) as Record<string, unknown>;
      setConflicts(theirs);
      baseRef.current = { ...base, ...theirs };
      let first = true;
      for (const [field, value] of Object.entries(theirs)) {
        form.setError(field, {
          type: "conflict",
          message: `Someone else changed this to “${preview(value)}”. Use theirs, or save again to keep yours.`,
        }, { shouldFocus: first });
        first = false;
      }
    } else {
      applyFieldErrors(toFormErrors(result.fieldErrors), form.setError);
    }
    setState({ kind: "error", message: result.message });
  };
  const onInvalid = () => setState({ kind: "error", message: "Some fields need attention; nothing was saved." });

  return {
    form,
    section,
    canEdit,
    state,
    save: () => form.handleSubmit(onValid, onInvalid)(),
    conflicts,
    acceptTheirs: (field) => {
      const value = conflicts[field];
      form.resetField(field, { defaultValue: value });
      form.clearErrors(field);
      setConflicts((c) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== field)));
      baseRef.current = { ...baseRef.current, [field]: value };
    },
    errorOf: (field) => {
      const message = form.formState.errors[field]?.message;
      return typeof message === "string" ? message : undefined;
    },
    idOf: (field) => `${section}-${field}`,
  };
}
