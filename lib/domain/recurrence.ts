import type { AiCauseKind } from "@/lib/generated/prisma/enums";

// "Possible recurrence": a postmortem shares an AI root cause and the same AI system with an earlier
// published one. The same system means the same provider and model (compared without case or spacing),
// or, when either side did not record its model, the same owning team.

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

export function sameAiSystem(a: RecurrenceCandidate, b: RecurrenceCandidate): boolean {
  const aModel = norm(a.aiModel);
  const bModel = norm(b.aiModel);
  if (aModel && bModel) return aModel === bModel && norm(a.aiProvider) === norm(b.aiProvider);
  return a.teamId !== null && a.teamId === b.teamId;
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
