import type { SectionId } from "@/lib/domain/severity-policy";
import { SECTION_LABELS } from "@/lib/domain/severity-policy";
import type { SectionStatus } from "@/lib/domain/completeness";
import { OpenCommentCount } from "@/components/comments/comment-threads";

/** The document's table of contents: one link per section, marked complete / started / required. */
export function SectionNav({
  sections,
  status,
  required,
}: {
  sections: readonly SectionId[];
  status: Record<SectionId, SectionStatus>;
  required: readonly SectionId[];
}) {
  const done = sections.filter((s) => status[s].complete).length;
  return (
    <nav aria-label="Sections" className="no-print rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <p className="mb-2 flex items-baseline justify-between font-semibold">
        Sections{" "}
        <span className="text-xs font-normal text-slate-500">
          {done} of {sections.length} complete
        </span>
      </p>
      <ol className="space-y-0.5" data-testid="section-nav">
        {sections.map((id) => {
          const s = status[id];
          const mark = s.complete ? "✓" : s.hasContent ? "◐" : "○";
          const label = s.complete ? "complete" : s.hasContent ? "started" : "empty";
          return (
            <li key={id}>
              <a href={`#${id}`} className="flex items-center gap-2 rounded px-2 py-1 text-slate-700 hover:bg-slate-100" data-state={label}>
                <span aria-hidden className={s.complete ? "text-green-700" : "text-slate-400"}>
                  {mark}
                </span>
                <span className="flex-1">{SECTION_LABELS[id]}</span>
                <OpenCommentCount section={id} />
                <span className="sr-only">
                  ({label}
                  {required.includes(id) ? ", required" : ""})
                </span>
                {required.includes(id) && !s.complete ? (
                  <span aria-hidden className="text-xs text-amber-700">
                    required
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
