import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import { TAXONOMIES } from "@/lib/domain/taxonomies/schema";
import { suggestTaxonomies } from "@/lib/domain/taxonomies/suggest";

const linkClass = "text-brand-700 underline hover:text-brand-800";

/** How the checked AI causes read in the public AI-incident taxonomies, and the report that carries them. */
export function TaxonomySuggestions({ doc }: { doc: PostmortemDocument }) {
  const kinds = doc.aiCauses.map((c) => c.kind);
  const s = suggestTaxonomies(kinds, doc);
  return (
    <details className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="taxonomy-suggestions">
      <summary className="cursor-pointer font-medium">In the AI-incident taxonomies</summary>
      {kinds.length === 0 ? (
        <p className="mt-2 text-slate-600">
          Check an AI-specific cause to see how it maps to MITRE ATLAS, the AI Incident Database and the OECD AI Incidents Monitor.
        </p>
      ) : (
        <div className="mt-2 space-y-3">
          <div>
            <p className="font-medium">
              MITRE ATLAS <span className="font-normal text-slate-500">({TAXONOMIES.atlas.sourceVersion})</span>
            </p>
            {s.atlas.length === 0 ? (
              <p className="text-slate-600">No adversarial technique fits the checked causes.</p>
            ) : (
              <ul className="list-disc pl-5">
                {s.atlas.map((t) => (
                  <li key={t.id}>
                    <a className={linkClass} href={`https://atlas.mitre.org/techniques/${t.id}`} target="_blank" rel="noreferrer">
                      {t.id}
                    </a>{" "}
                    {t.name}
                    <span className="text-slate-500"> · {t.tactics.map((x) => x.name).join(", ")}</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="text-xs text-slate-500">{TAXONOMIES.atlas.note}</p>
          </div>
          <div>
            <p className="font-medium">AI Incident Database (GMF)</p>
            <p>
              Known technical failure: {s.gmf.knownTechnicalFailures.join(", ") || "—"}; potential:{" "}
              {s.gmf.potentialTechnicalFailures.join(", ") || "—"}
            </p>
          </div>
          <div>
            <p className="font-medium">OECD AIM</p>
            <p>AI principles: {s.oecdPrinciples.join(", ")}</p>
          </div>
        </div>
      )}
      <p className="mt-3">
        <a className={linkClass} href={`/api/postmortems/${doc.id}/ai-incident-report`} data-testid="ai-incident-report-link">
          Download the AI incident report (JSON)
        </a>
        <span className="text-slate-500"> — the fields ATLAS, the AI Incident Database and the OECD AIM ask for.</span>
      </p>
    </details>
  );
}
