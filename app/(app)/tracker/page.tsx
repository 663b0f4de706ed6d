import Link from "next/link";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listTrackerActions } from "@/lib/data/tracker";
import { browseOptions } from "@/lib/data/browse-options";
import { flattenParams, toQueryString } from "@/lib/validations/browse";
import { trackerFiltersSchema } from "@/lib/validations/tracker";
import { buttonClass } from "@/components/ui/button";
import { TrackerFilterForm } from "@/components/tracker/tracker-filters";
import { TrackerTable } from "@/components/tracker/tracker-table";

export const metadata: Metadata = { title: "Corrective-action tracker" };

export default async function TrackerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireUser();
  const filters = trackerFiltersSchema.parse(flattenParams(await searchParams));
  const [page, options] = await Promise.all([listTrackerActions(user, filters), browseOptions(user)]);
  const { after, ...rest } = filters;
  const query = rest as Record<string, string | undefined>;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Corrective-action tracker</h1>
          <p className="text-sm text-slate-600" data-testid="tracker-count">
            {page.total.toLocaleString("en-GB")} {page.total === 1 ? "action" : "actions"}, {page.overdue.toLocaleString("en-GB")} overdue.
            Earliest deadline first. &ldquo;Track actions to completion in subsequent weeks.&rdquo;
          </p>
        </div>
        <div className="flex gap-2">
          <Link href="/actions" className={buttonClass("secondary")}>
            My actions
          </Link>
          <a href={`/api/exports/tracker${toQueryString(query)}`} className={buttonClass("secondary")} download>
            Download CSV (Jira / Linear)
          </a>
        </div>
      </div>
      <TrackerFilterForm filters={filters} people={options.people} teams={options.teams} />
      {/* One table component whether or not rows match, so a bulk change that empties the list keeps its message. */}
      <TrackerTable rows={page.rows} people={options.people} canChange={user.role !== "VIEWER"} />
      {page.rows.length > 0 ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {after ? (
            <Link href={`/tracker${toQueryString(query)}`} className="text-brand-600 hover:underline">
              First page
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor ? (
            <Link href={`/tracker${toQueryString(query, { after: page.nextCursor })}`} className="text-brand-600 hover:underline">
              Next page
            </Link>
          ) : (
            <span className="text-slate-500">End of list</span>
          )}
        </nav>
      ) : null}
    </div>
  );
}
