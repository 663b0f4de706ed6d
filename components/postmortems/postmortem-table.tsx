import Link from "next/link";
import type { PostmortemListItem } from "@/lib/data/postmortems";
import type { ListPostmortemsInput } from "@/lib/validations/postmortem";
import { SeverityBadge, StatusBadge, formatDate } from "@/components/postmortems/labels";
import { Badge } from "@/components/ui/badge";

function pageHref(filters: ListPostmortemsInput, page: number) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, page })) if (v !== undefined && v !== "") params.set(k, String(v));
  return `/postmortems?${params.toString()}`;
}

export function PostmortemTable({
  items, page, pageCount, filters,
}: { items: PostmortemListItem[]; page: number; pageCount: number; filters: ListPostmortemsInput }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="postmortem-table">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">Incident ID</th>
              <th scope="col" className="px-4 py-2">Incident</th>
              <th scope="col" className="px-4 py-2">Severity</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2">Date</th>
              <th scope="col" className="px-4 py-2">Facilitator</th>
              <th scope="col" className="px-4 py-2">Team</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((pm) => (
              <tr key={pm.id} className="hover:bg-slate-50">
                <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{pm.incidentKey}</td>
                <td className="px-4 py-2">
                  <Link href={`/postmortems/${pm.id}`} className="font-medium text-brand-700 hover:underline">
                    {pm.incidentName}
                  </Link>
                  {pm.restricted ? <span className="ml-2"><Badge>Restricted</Badge></span> : null}
                </td>
                <td className="px-4 py-2"><SeverityBadge severity={pm.severity} /></td>
                <td className="px-4 py-2"><StatusBadge status={pm.status} /></td>
                <td className="whitespace-nowrap px-4 py-2">{formatDate(pm.incidentDate)}</td>
                <td className="px-4 py-2">{pm.facilitatorName ?? "—"}</td>
                <td className="px-4 py-2">{pm.teamName ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-200 px-4 py-2 text-sm">
          {page > 1 ? <Link href={pageHref(filters, page - 1)} className="text-brand-600 hover:underline">Previous</Link> : <span />}
          <span className="text-slate-600">Page {page} of {pageCount}</span>
          {page < pageCount ? <Link href={pageHref(filters, page + 1)} className="text-brand-600 hover:underline">Next</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
