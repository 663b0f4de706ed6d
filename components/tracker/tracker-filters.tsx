import Link from "next/link";
import { Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ACTION_HORIZONS, ACTION_HORIZON_ORDER } from "@/lib/domain/deadlines";
import { ACTION_STATUS_LABELS } from "@/lib/domain/labels";
import type { TrackerFilters } from "@/lib/validations/tracker";

type Option = { id: string; name: string };

/** GET form: the tracker's filters live in the URL (shareable, Back works), the CSV export reuses them. */
export function TrackerFilterForm({ filters, people, teams }: { filters: TrackerFilters; people: Option[]; teams: Option[] }) {
  const field = "flex flex-col gap-1";
  const label = "text-xs font-medium text-slate-600";
  return (
    <form
      method="get"
      action="/tracker"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 no-print"
      aria-label="Filter corrective actions"
    >
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <div className={field}>
          <label htmlFor="ownerId" className={label}>
            Owner
          </label>
          <Select id="ownerId" name="ownerId" defaultValue={filters.ownerId ?? ""}>
            <option value="">Anyone</option>
            <option value="none">No owner</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <div className={field}>
          <label htmlFor="teamId" className={label}>
            Team
          </label>
          <Select id="teamId" name="teamId" defaultValue={filters.teamId ?? ""}>
            <option value="">All teams</option>
            <option value="none">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </div>
        <div className={field}>
          <label htmlFor="horizon" className={label}>
            Horizon
          </label>
          <Select id="horizon" name="horizon" defaultValue={filters.horizon ?? ""}>
            <option value="">Any horizon</option>
            {ACTION_HORIZON_ORDER.map((h) => (
              <option key={h} value={h}>
                {ACTION_HORIZONS[h].heading}
              </option>
            ))}
          </Select>
        </div>
        <div className={field}>
          <label htmlFor="status" className={label}>
            Status
          </label>
          <Select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            <option value="UNFINISHED">Open or in progress</option>
            {Object.entries(ACTION_STATUS_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </div>
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
