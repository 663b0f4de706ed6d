import type { DraftContent, DraftSource } from "@/lib/domain/draft/types";
import { AI_CONTEXT_LABELS, IMPACT_HINT_LABELS } from "@/lib/domain/draft/labels";
import { AI_CAUSE_BY_KIND, EVENT_KIND_LABELS, MILESTONE_LABELS } from "@/lib/domain/template";
import { formatUtcDateTime } from "@/lib/domain/dates";
import type { DraftItem } from "@/lib/validations/draft";

// The review screen's model: one proposal per drafted item, with its source lines and its review state.

export type ProposalStatus = "pending" | "saving" | "accepted" | "rejected";
export type ProposalSection = "timeline" | "summary" | "impact" | "aiCauses" | "aiContext";
export type Proposal = {
  id: string;
  section: ProposalSection;
  item: DraftItem;
  sources: DraftSource[];
  status: ProposalStatus;
  error: string | null;
};

export const SECTION_TITLES: Record<ProposalSection, string> = {
  timeline: "Timeline rows",
  summary: "Summary",
  impact: "Impact hints",
  aiCauses: "AI-specific cause candidates",
  aiContext: "AI system context",
};

export function toProposals(content: DraftContent): Proposal[] {
  const make = (section: ProposalSection, item: DraftItem, sources: DraftSource[], i: number): Proposal => ({
    id: `${section}-${i}`,
    section,
    item,
    sources,
    status: "pending",
    error: null,
  });
  return [
    ...content.timeline.map((row, i) => make("timeline", { type: "timeline", row }, [row.source], i)),
    ...(content.summary ? [make("summary", { type: "summary", text: content.summary.text }, content.summary.sources, 0)] : []),
    ...content.impact.map((hint, i) => make("impact", { type: "impact", hint }, [hint.source], i)),
    ...content.aiCauses.map((cause, i) => make("aiCauses", { type: "aiCause", cause }, [cause.source], i)),
    ...content.aiContext.map((context, i) => make("aiContext", { type: "aiContext", context }, [context.source], i)),
  ];
}

/** One line a person reads to recognise the proposal (also its accessible name). */
export function describeProposal(item: DraftItem): string {
  switch (item.type) {
    case "timeline": {
      const at = item.row.occurredAt ? `${formatUtcDateTime(new Date(item.row.occurredAt))} UTC` : "No time";
      return `${at} · ${item.row.event}`;
    }
    case "summary":
      return item.text;
    case "impact":
      return `${IMPACT_HINT_LABELS[item.hint.field]}: ${item.hint.value}`;
    case "aiCause":
      return `${AI_CAUSE_BY_KIND[item.cause.kind].label}: ${item.cause.evidence}`;
    case "aiContext":
      return `${AI_CONTEXT_LABELS[item.context.field]}: ${item.context.value}`;
  }
}

export function timelineTags(item: Extract<DraftItem, { type: "timeline" }>): string[] {
  const tags = [];
  if (item.row.milestone) tags.push(MILESTONE_LABELS[item.row.milestone]);
  if (item.row.kind !== "NOTE") tags.push(EVENT_KIND_LABELS[item.row.kind]);
  return tags;
}
