import { isSectionId, type SectionId } from "@/lib/domain/severity-policy";

// Where a comment sits: "section:<id>" for a whole section, "<kind>:<rowId>" for one row. Each row kind
// belongs to one section, so the section navigator can count every open thread under it.

export const COMMENT_ROW_KINDS = ["timeline", "why", "action"] as const;
export type CommentRowKind = (typeof COMMENT_ROW_KINDS)[number];

const ROW_SECTION: Record<CommentRowKind, SectionId> = { timeline: "timeline", why: "root-cause", action: "actions" };

export function sectionOfAnchor(anchor: string): SectionId | null {
  const [kind, id] = anchor.split(":");
  if (kind === "section") return id && isSectionId(id) ? id : null;
  return (ROW_SECTION as Record<string, SectionId>)[kind] ?? null;
}

type Thread = { anchor: string; parentId: string | null; resolvedAt: string | null };

/** Open threads (first comments not resolved) per section. */
export function openThreadsBySection(comments: readonly Thread[]): Partial<Record<SectionId, number>> {
  const counts: Partial<Record<SectionId, number>> = {};
  for (const c of comments) {
    if (c.parentId !== null || c.resolvedAt !== null) continue;
    const section = sectionOfAnchor(c.anchor);
    if (section) counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
}
