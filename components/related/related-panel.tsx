import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { getRelated, type RelatedPostmortem } from "@/lib/data/related";
import { listTags, tagsOf } from "@/lib/data/tags";
import { AI_CAUSE_BY_KIND } from "@/lib/domain/template";
import { SeverityBadge } from "@/components/postmortems/labels";
import { TagEditor } from "@/components/related/tag-editor";

const causes = (p: RelatedPostmortem) => p.sharedCauses.map((k) => AI_CAUSE_BY_KIND[k].label).join(", ");

function PmLink({ p, selfId }: { p: RelatedPostmortem; selfId: string }) {
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Link href={`/postmortems/${p.id}`} className="text-brand-700 hover:underline">
        {p.incidentKey} {p.incidentName}
      </Link>
      <SeverityBadge severity={p.severity} />
      <span className="text-xs text-slate-600">
        {p.incidentDate}
        {p.sharedCauses.length > 0 ? ` · shared: ${causes(p)}` : ""}
      </span>
      <Link href={`/compare?a=${selfId}&b=${p.id}`} className="text-xs text-brand-600 hover:underline">
        Compare side by side
      </Link>
    </span>
  );
}

/** Tags, possible recurrences and similar past postmortems, under the document's header. */
export async function RelatedPanel({ actor, postmortemId, canEdit }: { actor: Actor; postmortemId: string; canEdit: boolean }) {
  const [related, tags, suggestions] = await Promise.all([getRelated(actor, postmortemId), tagsOf(postmortemId), listTags(actor, 100)]);
  const recurrence = related.earlier.length > 0 || related.later.length > 0;
  return (
    <section aria-label="Tags and related postmortems" className="space-y-3 no-print" data-testid="related-panel">
      <TagEditor postmortemId={postmortemId} initial={tags} suggestions={suggestions.map((s) => s.tag)} canEdit={canEdit} />
      {recurrence ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="recurrence">
          <p className="font-semibold">Possible recurrence</p>
          {related.earlier.length > 0 ? (
            <>
              <p>
                An earlier published postmortem on the same AI system shares an AI root cause. Did its completed actions not prevent this?
              </p>
              <ul className="mt-2 space-y-2">
                {related.earlier.map((e) => (
                  <li key={e.id}>
                    <PmLink p={e} selfId={postmortemId} />
                    {e.completedActions.length > 0 ? (
                      <ul
                        className="mt-1 list-disc pl-5 text-xs"
                        aria-label={`Completed actions of ${e.incidentKey}: did not prevent this?`}
                      >
                        {e.completedActions.map((a) => (
                          <li key={a.id}>
                            #{a.number} {a.action} (done {a.completedAt ?? "—"}) — did not prevent this?
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="mt-1 text-xs">It had no completed corrective actions.</p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {related.later.length > 0 ? (
            <>
              <p className="mt-2">Later postmortems on the same AI system share an AI root cause with this one:</p>
              <ul className="mt-1 space-y-1">
                {related.later.map((l) => (
                  <li key={l.id}>
                    <PmLink p={l} selfId={postmortemId} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {related.similar.length > 0 ? (
        <details className="rounded-md border border-slate-200 bg-white px-4 py-2 text-sm" data-testid="similar">
          <summary className="cursor-pointer font-medium">Similar past postmortems ({related.similar.length})</summary>
          <ul className="mt-2 space-y-1.5">
            {related.similar.map((s) => (
              <li key={s.id}>
                <PmLink p={s} selfId={postmortemId} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
