import Link from "next/link";
import type { PostmortemListItem } from "@/lib/data/postmortem-list";
import { SeverityBadge, StatusBadge, formatDate } from "@/components/postmortems/labels";
import { Badge } from "@/components/ui/badge";
import { Highlighted } from "@/components/browse/highlighted";
import { formatDuration } from "@/lib/domain/metrics";
import { AI_CAUSE_BY_KIND } from "@/lib/domain/template";
import { ColumnHeads } from "@/components/ui/table";

const minutes = (m: number | null) => (m === null ? "—" : formatDuration(m));

/** Search and browse results: what a manager scans for, with the matched text when searching. */
export function PostmortemResults({ items }: { items: PostmortemListItem[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="postmortem-table">
        <ColumnHeads
          tone="panel"
          columns={["Incident", "Severity", "Status", "Incident date", "To detect", "To resolve", "AI causes", "Actions"]}
        />
        <tbody className="divide-y divide-slate-100">
          {items.map((pm) => (
            <tr key={pm.id} className="align-top hover:bg-slate-50" data-testid="postmortem-result">
              <td className="max-w-xl px-3 py-2">
                <div className="font-mono text-xs text-slate-500">{pm.incidentKey}</div>
                <Link href={`/postmortems/${pm.id}`} className="font-medium text-brand-700 hover:underline">
                  {pm.incidentName}
                </Link>
                {pm.restricted ? (
                  <span className="ml-2">
                    <Badge>Restricted</Badge>
                  </span>
                ) : null}
                <div className="mt-0.5 text-xs text-slate-500">
                  {[pm.teamName, pm.facilitatorName ? `facilitated by ${pm.facilitatorName}` : null].filter(Boolean).join(" · ") ||
                    "No team"}
                  {pm.tags.length > 0 ? <span> · {pm.tags.map((t) => `#${t}`).join(" ")}</span> : null}
                </div>
                {pm.snippet ? (
                  <p className="mt-1 text-xs text-slate-700" data-testid="search-snippet">
                    <Highlighted text={pm.snippet} />
                  </p>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <SeverityBadge severity={pm.severity} />
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={pm.status} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {formatDate(pm.incidentDate)}
                {pm.publishedAt ? <div className="text-xs text-slate-500">Published {formatDate(pm.publishedAt)}</div> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{minutes(pm.detectMinutes)}</td>
              <td className="whitespace-nowrap px-3 py-2">{minutes(pm.resolveMinutes)}</td>
              <td className="px-3 py-2 text-xs">{pm.aiCauses.map((k) => AI_CAUSE_BY_KIND[k].label).join(", ") || "—"}</td>
              <td className="whitespace-nowrap px-3 py-2 text-xs">
                {pm.openActions} open
                {pm.overdueActions > 0 ? <div className="font-medium text-red-700">{pm.overdueActions} overdue</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
