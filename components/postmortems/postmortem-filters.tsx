import { Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SEVERITY_LABELS } from "@/lib/domain/severity-policy";
import { Severity } from "@/lib/generated/prisma/enums";
import type { ListPostmortemsInput } from "@/lib/validations/postmortem";
import { POSTMORTEM_STATUS_LABELS } from "@/lib/domain/labels";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function PostmortemFilters({ filters, teams }: { filters: ListPostmortemsInput; teams: { id: string; name: string }[] }) {
  return (
    <form role="search" method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_auto_auto_auto_auto]">
      <label className="sr-only" htmlFor="q">Search postmortems</label>
      <Input id="q" name="q" type="search" placeholder="Search incident, summary, root cause, model…" defaultValue={filters.q ?? ""} />
      <label className="sr-only" htmlFor="severity">Severity</label>
      <Select id="severity" name="severity" defaultValue={filters.severity ?? ""}>
        <option value="">All severities</option>
        {Object.values(Severity).map((s) => (
          <option key={s} value={s}>{SEVERITY_LABELS[s]}</option>
        ))}
      </Select>
      <label className="sr-only" htmlFor="status">Status</label>
      <Select id="status" name="status" defaultValue={filters.status ?? ""}>
        <option value="">All statuses</option>
        {Object.entries(POSTMORTEM_STATUS_LABELS).map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </Select>
      <label className="sr-only" htmlFor="teamId">Team</label>
      <Select id="teamId" name="teamId" defaultValue={filters.teamId ?? ""}>
        <option value="">All teams</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>{t.name}</option>
        ))}
      </Select>
      <Button type="submit" variant="secondary">Filter</Button>
    </form>
  );
}
