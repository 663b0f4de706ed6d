import Link from "next/link";
import { FilterSelect, fromLabels, fromNamed } from "@/components/browse/filter-select";
import { Button } from "@/components/ui/button";
import { ACTION_HORIZONS, ACTION_HORIZON_ORDER } from "@/lib/domain/deadlines";
import { ACTION_STATUS_LABELS } from "@/lib/domain/labels";
import type { TrackerFilters } from "@/lib/validations/tracker";

type Option = { id: string; name: string };

/** GET form: the tracker's filters live in the URL (shareable, Back works), the CSV export reuses them. */
export function TrackerFilterForm({ filters, people, teams }: { filters: TrackerFilters; people: Option[]; teams: Option[] }) {
  return (
    <form
      method="get"
      action="/tracker"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 no-print"
      aria-label="Filter corrective actions"
    >
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <FilterSelect
          id="ownerId"
          label="Owner"
          value={filters.ownerId}
          any="Anyone"
          options={[{ value: "none", label: "No owner" }, ...fromNamed(people)]}
        />
        <FilterSelect
          id="teamId"
          label="Team"
          value={filters.teamId}
          any="All teams"
          options={[{ value: "none", label: "No team" }, ...fromNamed(teams)]}
        />
        <FilterSelect
          id="horizon"
          label="Horizon"
          value={filters.horizon}
          any="Any horizon"
          options={ACTION_HORIZON_ORDER.map((h) => ({ value: h, label: ACTION_HORIZONS[h].heading }))}
        />
        <FilterSelect
          id="status"
          label="Status"
          value={filters.status}
          any="Any status"
          options={[{ value: "UNFINISHED", label: "Open or in progress" }, ...fromLabels(ACTION_STATUS_LABELS)]}
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue === "1"} className="size-4" /> Overdue
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="dueThisWeek" value="1" defaultChecked={filters.dueThisWeek === "1"} className="size-4" /> Due this
          week
        </label>
        <div className="ml-auto flex gap-2">
          <Link href="/tracker" className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">
            Clear
          </Link>
          <Button type="submit">Apply filters</Button>
        </div>
      </div>
    </form>
  );
}
