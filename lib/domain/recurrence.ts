import type { AiCauseKind } from "@/lib/generated/prisma/enums";

// "Possible recurrence": a postmortem shares an AI root cause and the same AI system with an earlier
// published one. The AI system is the provider and model (compared without case or spacing) when the
// model is recorded, else the owning team. lib/data/recurrence.ts computes the same key in SQL.

export type RecurrenceCandidate = {
  id: string;
  incidentDate: Date;
  status: string;
  teamId: string | null;
  aiProvider: string;
  aiModel: string;
  aiCauses: readonly AiCauseKind[];
};

const norm = (v: string) => v.trim().toLowerCase().replace(/\s+/g, " ");

/** "model:<provider>/<model>", or "team:<id>" when no model is recorded, or null when neither is known. */
export function aiSystemKey(c: Pick<RecurrenceCandidate, "aiProvider" | "aiModel" | "teamId">): string | null {
  const model = norm(c.aiModel);
  if (model) return `model:${norm(c.aiProvider)}/${model}`;
  return c.teamId ? `team:${c.teamId}` : null;
}

export function sameAiSystem(a: RecurrenceCandidate, b: RecurrenceCandidate): boolean {
  const key = aiSystemKey(a);
  return key !== null && key === aiSystemKey(b);
}

export function sharedCauses(a: RecurrenceCandidate, b: RecurrenceCandidate): AiCauseKind[] {
  return a.aiCauses.filter((k) => b.aiCauses.includes(k));
}

/** `earlier` is a possible root of `later`'s recurrence: published, strictly earlier, shared cause, same system. */
export function isPossibleRecurrence(later: RecurrenceCandidate, earlier: RecurrenceCandidate): boolean {
  return (
    later.id !== earlier.id &&
    earlier.status === "PUBLISHED" &&
    earlier.incidentDate.getTime() < later.incidentDate.getTime() &&
    sharedCauses(later, earlier).length > 0 &&
    sameAiSystem(later, earlier)
  );
}

/**
 * Similarity of a past postmortem to this one, for "similar postmortems": two points per shared AI cause,
 * two for the same AI system, one for the same team, plus the text rank (0…1) the search index gives.
 */
export function similarityScore(a: RecurrenceCandidate, b: RecurrenceCandidate, textRank: number): number {
  const sameTeam = a.teamId !== null && a.teamId === b.teamId ? 1 : 0;
  const sameSystem = norm(a.aiModel) !== "" && norm(a.aiModel) === norm(b.aiModel) && norm(a.aiProvider) === norm(b.aiProvider) ? 2 : 0;
  return sharedCauses(a, b).length * 2 + sameSystem + sameTeam + Math.min(Math.max(textRank, 0), 1);
}
