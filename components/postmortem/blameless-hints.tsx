import { findBlamelessHints } from "@/lib/domain/blameless";
import { rewriteSentence } from "@/lib/domain/coaching";

/**
 * Person-blaming wording found in `text`, shown as gentle suggestions under a field. It never blocks
 * saving: the reviewers decide whether to rephrase.
 */
export function BlamelessHints({
  text,
  participantNames = [],
  id,
}: {
  text: string | null | undefined;
  participantNames?: readonly string[];
  id?: string;
}) {
  const hints = findBlamelessHints(text ?? "", { participantNames });
  if (hints.length === 0) return null;
  return (
    <div
      role="note"
      id={id}
      data-testid="blameless-hints"
      className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900"
    >
      <p className="font-medium">Blameless wording, a suggestion</p>
      <ul className="mt-1 space-y-1">
        {hints.map((hint) => (
          <li key={`${hint.rule}-${hint.start}`}>
            <q className="font-medium">{hint.phrase}</q> — {hint.message} <span className="text-amber-800">{hint.suggestion}</span>
            <span className="block text-amber-800" data-testid="blameless-rewrite">
              Try: <q>{rewriteSentence(text ?? "", hint).rewrite}</q>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
