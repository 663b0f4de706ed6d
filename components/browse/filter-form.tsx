import type { ReactNode } from "react";
import Link from "next/link";
import { Input } from "@/components/ui/field";
import { FilterSelect, fromLabels, fromNamed } from "@/components/browse/filter-select";
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
        <FilterSelect
          id="severity"
          label="Severity"
          value={filters.severity}
          any="All severities"
          options={SEVERITIES.map((s) => ({ value: s.value, label: s.label }))}
        />
        <FilterSelect id="status" label="Status" value={filters.status} any="All statuses" options={fromLabels(POSTMORTEM_STATUS_LABELS)} />
        <FilterSelect id="teamId" label="Team" value={filters.teamId} any="All teams" options={fromNamed(options.teams)} />
        <FilterSelect
          id="aiCause"
          label="AI root cause"
          value={filters.aiCause}
          any="Any AI cause"
          options={AI_CAUSES.map((c) => ({ value: c.kind, label: c.label }))}
        />
        <FilterSelect
          id="factor"
          label="Contributing factor"
          value={filters.factor}
          any="Any factor"
          options={fromLabels(FACTOR_CATEGORY_LABELS)}
        />
        <FilterSelect
          id="review"
          label="Review type"
          value={filters.review}
          any="Any review type"
          options={REVIEW_TYPES.map((r) => ({ value: r, label: REVIEW_POLICIES[r].label }))}
        />
        <FilterSelect
          id="tag"
          label="Tag"
          value={filters.tag}
          any="Any tag"
          options={options.tags.map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` }))}
        />
        <FilterSelect
          id="facilitatorId"
          label="Facilitator"
          value={filters.facilitatorId}
          any="Anyone"
          options={fromNamed(options.people)}
        />
        <Labelled id="from" label="Incident from">
          <Input id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </Labelled>
        <Labelled id="to" label="Incident to">
          <Input id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </Labelled>
        <FilterSelect
          id="actions"
          label="Corrective actions"
          value={filters.actions}
          any="Any"
          options={[
            { value: "open", label: "With open actions" },
            { value: "overdue", label: "With overdue actions" },
          ]}
        />
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
