"use client";

import type { ReactNode } from "react";
import { Field, Input, Select, Textarea, describedBy } from "@/components/ui/field";
import { BlamelessHints } from "@/components/postmortem/blameless-hints";
import type { SectionFormApi } from "@/components/postmortem/use-section-form";
import { FieldConflictNote } from "@/components/live/field-conflict";
import { PresenceMark } from "@/components/live/live-status-bar";
import { FieldHistoryButton } from "@/components/history/field-history";

// Field building blocks shared by the field sections: editable controls wired to the section form, or the
// plain stored value when the reader may not edit.

export function ReadOnlyValue({ label, value, multiline }: { label: ReactNode; value: ReactNode; multiline?: boolean }) {
  const empty = value === null || value === undefined || value === "";
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-800">{label}</p>
      <p className={`text-sm ${empty ? "italic text-slate-500" : "text-slate-900"} ${multiline ? "whitespace-pre-wrap" : ""}`}>
        {empty ? "Not recorded" : value}
      </p>
    </div>
  );
}

/** Someone else's change to a field this person was editing, with "Keep mine" / "Use theirs". */
export function ConflictNote({ api, name }: { api: SectionFormApi; name: string }) {
  return <FieldConflictNote row={api.row} field={name} />;
}

/** Outlines the field while someone else is in it. */
function Mark({ api, name, children }: { api: SectionFormApi; name: string; children: ReactNode }) {
  return (
    <PresenceMark entity={api.row.entity} entityId={api.row.entityId} field={name}>
      {children}
    </PresenceMark>
  );
}

export function SectionTextField({
  api,
  name,
  label,
  hint,
  multiline,
  rows = 3,
  type = "text",
  placeholder,
  blamelessNames,
  className,
  display,
}: {
  api: SectionFormApi;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
  type?: "text" | "datetime-local";
  placeholder?: string;
  /** Show blameless-language hints for this text, with these participant names. */
  blamelessNames?: readonly string[];
  className?: string;
  /** How the stored value reads when it cannot be edited. */
  display?: (value: string) => ReactNode;
}) {
  const value = String(api.value(name) ?? "");
  if (!api.canEdit) {
    return (
      <div className={className}>
        <ReadOnlyValue label={label} value={value && display ? display(value) : value} multiline={multiline} />
      </div>
    );
  }
  const id = api.idOf(name);
  const error = api.errorOf(name);
  const common = {
    placeholder,
    "aria-invalid": !!error,
    "aria-describedby": describedBy(id, error, !!hint),
    ...api.register(name),
  };
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <Mark api={api} name={name}>
        {multiline ? <Textarea rows={rows} {...common} /> : <Input type={type} {...common} />}
      </Mark>
      <ConflictNote api={api} name={name} />
      {multiline ? <FieldHistoryButton row={api.row} fields={[name]} label={typeof label === "string" ? label : name} /> : null}
      {blamelessNames ? <BlamelessHints text={value} participantNames={blamelessNames} /> : null}
    </Field>
  );
}

export function SectionSelectField({
  api,
  name,
  label,
  options,
  emptyLabel,
  className,
}: {
  api: SectionFormApi;
  name: string;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  /** The label of the "not set" choice; without it a value is required. */
  emptyLabel?: string;
  className?: string;
}) {
  const value = String(api.value(name) ?? "");
  if (!api.canEdit) {
    return (
      <div className={className}>
        <ReadOnlyValue label={label} value={options.find((o) => o.value === value)?.label ?? ""} />
      </div>
    );
  }
  const id = api.idOf(name);
  const error = api.errorOf(name);
  return (
    <Field id={id} label={label} error={error} className={className}>
      <Mark api={api} name={name}>
        <Select aria-invalid={!!error} aria-describedby={describedBy(id, error)} {...api.register(name, "select")}>
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Mark>
      <ConflictNote api={api} name={name} />
    </Field>
  );
}

export function SectionCheckbox({ api, name, label, hint }: { api: SectionFormApi; name: string; label: string; hint?: string }) {
  const checked = !!api.value(name);
  if (!api.canEdit) return <ReadOnlyValue label={label} value={checked ? "Yes" : "No"} />;
  const id = api.idOf(name);
  const error = api.errorOf(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-start gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          className="mt-0.5 size-4"
          aria-describedby={describedBy(id, error, !!hint)}
          {...api.register(name, "checkbox")}
        />
        <span>{label}</span>
      </label>
      {hint && !error ? (
        <p id={`${id}-hint`} className="pl-6 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="pl-6 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <ConflictNote api={api} name={name} />
    </div>
  );
}

/**
 * The fields of a section. Fields save themselves (on a pause in typing and on leaving them); Enter in a
 * one-line field saves at once instead of submitting anything.
 */
export function SectionForm({ children }: { api: SectionFormApi; children: ReactNode }) {
  return (
    <form noValidate className="space-y-4" onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  );
}
