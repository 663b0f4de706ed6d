import type { ReactNode } from "react";
import Link from "next/link";
import { Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SEVERITIES, REVIEW_POLICIES } from "@/lib/domain/severity-policy";
import { FACTOR_CATEGORY_LABELS, POSTMORTEM_STATUS_LABELS } from "@/lib/domain/labels";
import { AI_CAUSES } from "@/lib/domain/template";
import { REVIEW_TYPES, type BrowseFilters } from "@/lib/validations/browse";
import type { BrowseOptions } from "@/lib/data/browse-options";

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * A plain GET form: every filter lives in the URL, so a filtered view can be bookmarked and shared and
 * Back returns to it. Used by the list, insights and the report pages with the same names.
 */
export function FilterForm({
  path,
  filters,
  options,
  search = true,
  children,
}: {
  path: string;
  filters: BrowseFilters;
  options: BrowseOptions;
  search?: boolean;
  children?: ReactNode;
}) {
  return (
    <form role="search" method="get" action={path} className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 no-print">
      {search ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-xs font-medium text-slate-600">
            Search postmortems
          </label>
          <Input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            placeholder={'Words, "an exact phrase", -exclude, or: title, timeline, whys, root cause, lessons…'}
          />
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Labelled id="severity" label="Severity">
          <Select id="severity" name="severity" defaultValue={filters.severity ?? ""}>
            <option value="">All severities</option>
            {SEVERITIES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="status" label="Status">
          <Select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">All statuses</option>
            {Object.entries(POSTMORTEM_STATUS_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="teamId" label="Team">
          <Select id="teamId" name="teamId" defaultValue={filters.teamId ?? ""}>
            <option value="">All teams</option>
            {options.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="aiCause" label="AI root cause">
          <Select id="aiCause" name="aiCause" defaultValue={filters.aiCause ?? ""}>
            <option value="">Any AI cause</option>
            {AI_CAUSES.map((c) => (
              <option key={c.kind} value={c.kind}>
                {c.label}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="factor" label="Contributing factor">
          <Select id="factor" name="factor" defaultValue={filters.factor ?? ""}>
            <option value="">Any factor</option>
            {Object.entries(FACTOR_CATEGORY_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="review" label="Review type">
          <Select id="review" name="review" defaultValue={filters.review ?? ""}>
            <option value="">Any review type</option>
            {REVIEW_TYPES.map((r) => (
              <option key={r} value={r}>
                {REVIEW_POLICIES[r].label}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="tag" label="Tag">
          <Select id="tag" name="tag" defaultValue={filters.tag ?? ""}>
            <option value="">Any tag</option>
            {options.tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="facilitatorId" label="Facilitator">
          <Select id="facilitatorId" name="facilitatorId" defaultValue={filters.facilitatorId ?? ""}>
            <option value="">Anyone</option>
            {options.people.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </Labelled>
        <Labelled id="from" label="Incident from">
          <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </Labelled>
        <Labelled id="to" label="Incident to">
          <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </Labelled>
        <Labelled id="actions" label="Corrective actions">
          <Select id="actions" name="actions" defaultValue={filters.actions ?? ""}>
            <option value="">Any</option>
            <option value="open">With open actions</option>
            <option value="overdue">With overdue actions</option>
          </Select>
        </Labelled>
        {children}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="reviewOverdue" value="1" defaultChecked={filters.reviewOverdue === "1"} className="size-4" />
          Review overdue (past 48 hours, not held)
        </label>
        <div className="ml-auto flex gap-2">
          <Link href={path} className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
            Clear
          </Link>
          <Button type="submit">Apply filters</Button>
        </div>
      </div>
    </form>
  );
}
