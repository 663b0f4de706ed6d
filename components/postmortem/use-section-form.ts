"use client";

import type { ChangeEvent } from "react";
import type { SaveState } from "@/components/postmortem/section-card";
import { useLiveRow, type FieldStatus, type LiveRow } from "@/components/live/use-live-row";
import { SECTION_SCHEMAS, type SectionInput, type SectionKey } from "@/lib/validations/sections";
import { toUtcInput } from "@/lib/validations/common";

export type SectionFormApi = {
  section: SectionKey;
  canEdit: boolean;
  row: LiveRow;
  value: (field: string) => unknown;
  /** Props of a control bound to a field: controlled value, autosave on pause and on leaving. */
  register: (field: string, kind?: "text" | "select" | "checkbox") => Record<string, unknown>;
  state: SaveState;
  errorOf: (field: string) => string | undefined;
  idOf: (field: string) => string;
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A stored value from the log as the section's controls hold it (instants as UTC datetime-local text). */
function fromEvent(_field: string, after: unknown): unknown {
  if (after === null || after === undefined) return "";
  if (typeof after === "string" && ISO_INSTANT.test(after)) return toUtcInput(after);
  return after;
}

export function toSaveState(status: FieldStatus): SaveState {
  if (status.kind === "waiting") return { kind: "saving" };
  if (status.kind === "saved") return { kind: "saved", at: 0 };
  return status;
}

/**
 * One field section (its fields are columns of the postmortem, or of its impact assessment). Every field
 * autosaves on its own through the live protocol, checked first by the section's schema; there is no
 * Save button.
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
  const shape = SECTION_SCHEMAS[section].shape as Record<
    string,
    { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }
  >;
  const row = useLiveRow({
    entity: section === "impact" ? "impact" : "postmortem",
    entityId: postmortemId,
    values: values as Record<string, unknown>,
    fromEvent,
    validate: (field, value) => {
      const result = shape[field]?.safeParse(value);
      return result && !result.success ? result.error?.issues[0]?.message : undefined;
    },
  });
  const idOf = (field: string) => `${section}-${field}`;
  return {
    section,
    canEdit,
    row,
    value: row.value,
    register: (field, kind = "text") => {
      const common = { id: idOf(field), name: field, ...row.bind(field) };
      if (kind === "checkbox") {
        return {
          ...common,
          checked: !!row.value(field),
          onChange: (e: ChangeEvent<HTMLInputElement>) => row.setValue(field, e.target.checked, { now: true }),
        };
      }
      return {
        ...common,
        value: String(row.value(field) ?? ""),
        onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
          row.setValue(field, e.target.value, { now: kind === "select" }),
      };
    },
    state: toSaveState(row.rowStatus),
    errorOf: (field) => {
      const status = row.status(field);
      return status.kind === "error" && !row.conflict(field) ? status.message : undefined;
    },
    idOf,
  };
}

/** A "saved" state stamped now (kept out of render so the React compiler sees no impure call there). */
export function savedNow(): SaveState {
  return { kind: "saved", at: Date.now() };
}
