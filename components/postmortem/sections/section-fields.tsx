"use client";

import type { ReactNode } from "react";
import { Field, Input, Select, Textarea, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { BlamelessHints } from "@/components/postmortem/blameless-hints";
import type { SectionFormApi } from "@/components/postmortem/use-section-form";

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

/** "Use theirs" next to a field someone else changed while this editor was open. */
export function ConflictNote({ api, name }: { api: SectionFormApi; name: string }) {
  if (!(name in api.conflicts)) return null;
  return (
    <Button size="sm" variant="secondary" onClick={() => api.acceptTheirs(name)}>
      Use theirs
    </Button>
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
  const value = String(api.form.watch(name) ?? "");
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
    id,
    placeholder,
    "aria-invalid": !!error,
    "aria-describedby": describedBy(id, error, !!hint),
    ...api.form.register(name),
    // The stored value is in the server HTML too, so nothing shifts under the caret when the form hydrates.
    defaultValue: String(api.form.formState.defaultValues?.[name] ?? ""),
  };
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {multiline ? <Textarea rows={rows} {...common} /> : <Input type={type} {...common} />}
      <ConflictNote api={api} name={name} />
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
  const value = String(api.form.watch(name) ?? "");
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
      <Select id={id} aria-invalid={!!error} aria-describedby={describedBy(id, error)} {...api.form.register(name)}
        defaultValue={String(api.form.formState.defaultValues?.[name] ?? "")}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
      <ConflictNote api={api} name={name} />
    </Field>
  );
}

export function SectionCheckbox({ api, name, label, hint }: { api: SectionFormApi; name: string; label: string; hint?: string }) {
  const checked = !!api.form.watch(name);
  if (!api.canEdit) return <ReadOnlyValue label={label} value={checked ? "Yes" : "No"} />;
  const id = api.idOf(name);
  const error = api.errorOf(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-start gap-2 text-sm font-medium text-slate-800">
        <input id={id} type="checkbox" className="mt-0.5 size-4" aria-describedby={describedBy(id, error, !!hint)}
          {...api.form.register(name)} />
        <span>{label}</span>
      </label>
      {hint && !error ? <p id={`${id}-hint`} className="pl-6 text-xs text-slate-500">{hint}</p> : null}
      {error ? <p id={`${id}-error`} role="alert" className="pl-6 text-xs font-medium text-red-700">{error}</p> : null}
      <ConflictNote api={api} name={name} />
    </div>
  );
}

/** The section's Save button and its refusal message; nothing for readers. */
export function SectionSaveBar({ api, label = "Save" }: { api: SectionFormApi; label?: string }) {
  if (!api.canEdit) return null;
  return (
    <div className="mt-4 space-y-3">
      {api.state.kind === "error" ? <Alert tone="error">{api.state.message}</Alert> : null}
      <Button type="submit" disabled={api.state.kind === "saving"}>
        {api.state.kind === "saving" ? "Saving…" : label}
      </Button>
    </div>
  );
}

/** The <form> of a field section: submits through the section hook, never a page navigation. */
export function SectionForm({ api, children }: { api: SectionFormApi; children: ReactNode }) {
  return (
    <form noValidate className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void api.save();
      }}>
      {children}
      <SectionSaveBar api={api} />
    </form>
  );
}
