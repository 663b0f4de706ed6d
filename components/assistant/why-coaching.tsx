"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { coachWhy } from "@/lib/domain/coaching";
import type { WhyAdvice } from "@/lib/assistant/coaching-service";
import { adviseOnWhyAction } from "@/app/(app)/postmortems/[id]/coaching-actions";

/**
 * Under a why: the built-in warning when it ends in a person, with the next systemic question, and on
 * request the assistant's advice (the configured endpoint, or the built-in rules when there is none).
 */
export function WhyCoaching({
  postmortemId,
  text,
  participantNames,
}: {
  postmortemId: string;
  text: string;
  participantNames: readonly string[];
}) {
  const coaching = coachWhy(text, participantNames);
  const [advice, setAdvice] = useState<{ for: string; value: WhyAdvice } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  async function ask() {
    setAsking(true);
    setError(null);
    const result = await adviseOnWhyAction({ postmortemId, text }).catch(() => null);
    setAsking(false);
    if (result?.ok) setAdvice({ for: text, value: result.data });
    else setError(result ? result.message : "The server could not be reached. The built-in coaching above still applies.");
  }

  if (!coaching && !advice) return null;
  const current = advice && advice.for === text ? advice.value : null;
  return (
    <div
      role="note"
      data-testid="why-coaching"
      className="rounded-md border border-violet-200 bg-violet-50 px-3 py-2 text-xs text-violet-950"
    >
      {coaching ? (
        <>
          <p className="font-medium">{coaching.message}</p>
          <p className="mt-0.5">
            Next question: <q>{coaching.question}</q>
          </p>
        </>
      ) : null}
      {current ? (
        <div className="mt-1 border-t border-violet-200 pt-1" data-testid="why-advice">
          {current.engine === "endpoint" || !coaching ? (
            <p>
              {current.message} Next question: <q>{current.question}</q>
            </p>
          ) : null}
          {current.rewrite ? (
            <p className="mt-0.5">
              Try: <q>{current.rewrite}</q>
            </p>
          ) : null}
          <p className="text-violet-700">{current.engine === "endpoint" ? `From ${current.model}` : "From the built-in rules"}</p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {text.trim() ? (
        <Button size="sm" variant="ghost" className="mt-1 text-violet-900" disabled={asking} onClick={() => void ask()}>
          {asking ? "Asking…" : "Ask the assistant"}
        </Button>
      ) : null}
    </div>
  );
}
