import { Select } from "@/components/ui/field";

export type FilterOption = { value: string; label: string };

/**
 * One labelled drop-down of a GET filter form: its name is its id, the first option (value "") means no
 * filter, and the current filter is the default selection.
 */
export function FilterSelect({
  id,
  label,
  value,
  any,
  options,
}: {
  id: string;
  label: string;
  value: string | undefined;
  any?: string;
  options: readonly FilterOption[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      <Select id={id} name={id} defaultValue={value ?? ""}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** Options from a value → label record (the domain's label tables). */
export const fromLabels = (labels: Record<string, string>): FilterOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Options from rows with an id and a name (people, teams). */
export const fromNamed = (rows: readonly { id: string; name: string }[]): FilterOption[] =>
  rows.map((r) => ({ value: r.id, label: r.name }));
