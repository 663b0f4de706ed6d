import { SEVERITY_DESCRIPTIONS, SEVERITY_LABELS, reviewPolicyFor } from "@/lib/domain/severity-policy";
import { Severity } from "@/lib/generated/prisma/enums";

/** The template's four severities as radio cards, each with its description and resulting review type. */
export function SeverityOptions({
  name,
  register,
  error,
  disabled,
  initial,
  selected,
}: {
  name: string;
  register: (name: string) => Record<string, unknown>;
  error?: string;
  disabled?: boolean;
  /** The stored severity, rendered checked in the server HTML so the choice shows before hydration. */
  initial?: string;
  /** Controlled choice (the live document): each radio is checked when it is the selected severity. */
  selected?: string;
}) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Severity</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {Object.values(Severity).map((s) => (
          <label
            key={s}
            className="flex cursor-pointer gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              value={s}
              disabled={disabled}
              className="mt-1"
              {...register(name)}
              {...(initial !== undefined ? { defaultChecked: initial === s } : {})}
              {...(selected !== undefined ? { checked: selected === s } : {})}
            />
            <span>
              <span className="font-medium">{SEVERITY_LABELS[s]}</span>
              <span className="block text-slate-600">{SEVERITY_DESCRIPTIONS[s]}</span>
              <span className="mt-1 block text-xs text-slate-500">{reviewPolicyFor(s).label}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
