import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { canOrg } from "@/lib/auth/permissions";
import { listPostmortems } from "@/lib/data/postmortem-list";
import { browseOptions } from "@/lib/data/browse-options";
import { flattenParams, listPostmortemsSchema, toQueryString } from "@/lib/validations/browse";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FilterForm } from "@/components/browse/filter-form";
import { PostmortemResults } from "@/components/browse/postmortem-results";

export const metadata = { title: "Postmortems" };

const SORT_LABELS = {
  relevance: "Best match",
  newest: "Newest first",
  oldest: "Oldest first",
  severity: "Most severe first",
  key: "Incident ID",
} as const;

export default async function PostmortemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireUser();
  const params = flattenParams(await searchParams);
  const query = listPostmortemsSchema.parse(params);
  const [result, options] = await Promise.all([listPostmortems(user, query), browseOptions(user)]);
  const { after, ...filters } = query;
  const filtered = Object.entries(filters).some(([k, v]) => k !== "sort" && v !== undefined);
  const canCreate = canOrg(user, "createPostmortem");
  const stringFilters = filters as Record<string, string | undefined>;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Postmortems</h1>
          <p className="text-sm text-slate-600" data-testid="result-count">
            {result.total.toLocaleString("en-GB")} {result.total === 1 ? "postmortem" : "postmortems"}
            {filtered ? " match these filters" : ""}
          </p>
        </div>
        <div className="flex gap-2">
          <Link href={`/insights${toQueryString({ ...stringFilters, sort: undefined })}`} className={buttonClass("secondary")}>
            Insights for these
          </Link>
          {canCreate ? (
            <Link href="/postmortems/new" className={buttonClass()}>
              New postmortem
            </Link>
          ) : null}
        </div>
      </div>
      <FilterForm path="/postmortems" filters={filters} options={options}>
        <div className="flex flex-col gap-1">
          <label htmlFor="sort" className="text-xs font-medium text-slate-600">
            Sort
          </label>
          <Select id="sort" name="sort" defaultValue={result.sort}>
            {Object.entries(SORT_LABELS).map(([v, l]) => (
              <option key={v} value={v} disabled={v === "relevance" && !filters.q}>
                {l}
              </option>
            ))}
          </Select>
        </div>
      </FilterForm>
      {result.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          {filtered || after ? (
            <>
              <p className="font-medium">No postmortems match these filters.</p>
              <Link href="/postmortems" className="mt-2 inline-block text-sm text-brand-600 hover:underline">
                Clear filters
              </Link>
            </>
          ) : (
            <>
              <p className="font-medium">No postmortems yet.</p>
              <p className="mt-1 text-sm text-slate-600">
                When an AI incident is resolved, start its postmortem here and hold the review within 48 hours.
              </p>
              {canCreate ? (
                <Link href="/postmortems/new" className={`${buttonClass()} mt-4`}>
                  Start the first postmortem
                </Link>
              ) : null}
            </>
          )}
        </div>
      ) : (
        <>
          <PostmortemResults items={result.items} />
          <nav aria-label="Pages" className="flex items-center justify-between text-sm">
            {after ? (
              <Link href={`/postmortems${toQueryString(stringFilters)}`} className="text-brand-600 hover:underline">
                First page
              </Link>
            ) : (
              <span />
            )}
            {result.nextCursor ? (
              <Link
                href={`/postmortems${toQueryString(stringFilters, { after: result.nextCursor })}`}
                className="text-brand-600 hover:underline"
              >
                Next page
              </Link>
            ) : (
              <span className="text-slate-500">End of results</span>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
