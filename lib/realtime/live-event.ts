// What the browser receives on the live stream (shared by the SSE route and the client hooks).

/** One DocEvent as a patch: `after` is the new value of `field` (or the whole row for a create). */
export type LiveEvent = {
  seq: number;
  entity: string;
  entityId: string | null;
  field: string | null;
  after: unknown;
  actorId: string | null;
  actorName: string | null;
  clientMutationId: string | null;
  at: string;
};

/** Where a person is in the document: a section field, or a row (and optionally one of its fields). */
export type PresenceFocus = { entity: string; entityId?: string | null; field?: string | null } | null;

export type PresencePerson = { tabId: string; userId: string; name: string; color: string; focus: PresenceFocus };

/** Sent when the person may no longer read the postmortem; the stream ends after it. */
export type AccessLost = { reason: "NOT_FOUND" | "UNAUTHENTICATED" };

const COLORS = ["#2563eb", "#db2777", "#16a34a", "#ea580c", "#7c3aed", "#0891b2", "#ca8a04", "#dc2626"];

/** A stable colour per person, the same in every browser. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length];
}
