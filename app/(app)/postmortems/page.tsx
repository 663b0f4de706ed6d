import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { canOrg } from "@/lib/auth/permissions";
import { listPostmortems, listTeams } from "@/lib/data/postmortems";
import { listPostmortemsSchema } from "@/lib/validations/postmortem";
import { buttonClass } from "@/components/ui/button";
import { PostmortemFilters } from "@/components/postmortems/postmortem-filters";
import { PostmortemTable } from "@/components/postmortems/postmortem-table";

export const metadata = { title: "Postmortems" };

export default async function PostmortemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = listPostmortemsSchema.parse(flat);
  const [result, teams] = await Promise.all([listPostmortems(user, filters), listTeams()]);
  const filtered = Boolean(filters.q || filters.severity || filters.status || filters.teamId);
  const canCreate = canOrg(user, "createPostmortem");

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Postmortems</h1>
          <p className="text-sm text-slate-600">
            {result.total} {result.total === 1 ? "postmortem" : "postmortems"}
            {filtered ? " match these filters" : ""}
          </p>
        </div>
        {canCreate ? (
          <Link href="/postmortems/new" className={buttonClass()}>
            New postmortem
          </Link>
        ) : null}
      </div>
      <PostmortemFilters filters={filters} teams={teams} />
      {result.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          {filtered ? (
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
        <PostmortemTable items={result.items} page={result.page} pageCount={result.pageCount} filters={filters} />
      )}
    </div>
  );
}
