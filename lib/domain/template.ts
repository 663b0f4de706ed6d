import type { ActionHorizon, AiCauseKind, EventKind, FactorCategory, Milestone } from "@/lib/generated/prisma/enums";
import { MILESTONE_LABELS } from "./labels";
import type { SnapshotAction, SnapshotFactor, SnapshotTimelineRow } from "./snapshot";
import { hasWords } from "./text";

export * from "./labels";

// What a new postmortem starts with, and the template's own words for display as guidance.
// Every string quoted from the template is verbatim; tests pin them.

export const TEMPLATE_TITLE = "AI Incident Post-Mortem";
export const SUMMARY_PROMPT = "In 2-3 sentences, what happened?";

export const LESSON_QUESTIONS = {
  wentWell: "What went well?",
  couldImprove: "What could be improved?",
  doDifferently: "What will we do differently next time?",
} as const;

export const BLAMELESS_REMINDER = {
  title: "Blameless Culture Reminder",
  text:
    "This post-mortem is conducted in a blameless manner. We focus on systemic improvements, not individual " +
    "blame. The goal is to make our systems and processes more resilient, not to assign fault.",
} as const;

export type Guidance = { id: string; title: string; body: string };

/** "How to use this template", in the template's order. */
export const TEMPLATE_INSTRUCTIONS: readonly Guidance[] = [
  {
    id: "within-48-hours",
    title: "Conduct the post-mortem within 48 hours",
    body:
      "Hold the post-mortem while details are fresh. Invite everyone who was involved in detecting, " +
      "diagnosing, and resolving the incident.",
  },
  {
    id: "timeline-first",
    title: "Build the timeline first",
    body:
      "Reconstruct what happened chronologically before analysing why. Use logs, alerts, and team " +
      "recollections to build an accurate timeline.",
  },
  {
    id: "five-whys",
    title: "Use 5 Whys to find root causes",
    body:
      "Keep asking 'why' until you reach a systemic root cause, not a human error. The root cause should " +
      "suggest a process or system improvement.",
  },
  {
    id: "concrete-actions",
    title: "Assign concrete corrective actions",
    body:
      "Every action needs an owner and deadline. Track actions to completion in subsequent weeks. " +
      "Unfinished actions from post-mortems erode trust in the process.",
  },
];

/** The template's FAQ answers, for contextual help next to the matching section. */
export const TEMPLATE_FAQ = {
  whenToReview:
    "Conduct a post-mortem for all Critical and High severity incidents. Medium severity incidents should have " +
    "a lightweight review. Low severity incidents can be tracked in a log without a full post-mortem.",
  whoToInvite:
    "Include everyone involved in the incident: the on-call engineer, the person who detected the issue, " +
    "anyone who contributed to resolution, and the system owner. For high-severity incidents, include a " +
    "leadership observer.",
  blameless:
    "A blameless post-mortem focuses on systems and processes rather than individual actions. It assumes " +
    "people made reasonable decisions based on the information they had at the time. The language should be " +
    "'what failed' not 'who failed'.",
  trackingActions:
    "Add corrective actions as tickets in your project management tool (Jira, Linear, etc.) with clear owners " +
    "and deadlines. Review progress in weekly team meetings. Report completion status in monthly governance " +
    "reviews.",
  externalSummary:
    "For significant customer-facing incidents, publish a summary (what happened, what we did, how we are " +
    "preventing recurrence) as part of your incident communication. Full internal post-mortems contain too " +
    "much detail for external sharing.",
} as const;

export type AiCauseInfo = { kind: AiCauseKind; label: string; description: string };

/** "AI-Specific Root Causes (Check if applicable)", in the template's order. */
export const AI_CAUSES: readonly AiCauseInfo[] = [
  { kind: "MODEL_DRIFT", label: "Model drift", description: "model performance degraded over time" },
  { kind: "DATA_QUALITY", label: "Data quality", description: "input data quality changed" },
  { kind: "PROMPT_CHANGE", label: "Prompt change", description: "a prompt modification caused unexpected behaviour" },
  { kind: "MODEL_UPDATE", label: "Model update", description: "vendor updated the underlying model" },
  { kind: "ADVERSARIAL_INPUT", label: "Adversarial input", description: "malicious or unexpected user input" },
  { kind: "HALLUCINATION", label: "Hallucination", description: "model generated false or misleading output" },
  { kind: "RATE_LIMITING", label: "Rate limiting", description: "AI service rate limits caused failures" },
  { kind: "CONTEXT_WINDOW", label: "Context window", description: "input exceeded model context limits" },
  { kind: "INTEGRATION_FAILURE", label: "Integration failure", description: "API or integration issue" },
  { kind: "INFRASTRUCTURE", label: "Infrastructure", description: "compute, network, or storage failure" },
];

export const AI_CAUSE_BY_KIND = Object.fromEntries(AI_CAUSES.map((c) => [c.kind, c])) as Record<AiCauseKind, AiCauseInfo>;

export type TemplateTimelineRow = { milestone: Milestone; event: string; actor: string; kind: EventKind };

/** The template's timeline rows in order; only the first two name an actor in the template. */
export const TEMPLATE_TIMELINE_ROWS: readonly TemplateTimelineRow[] = [
  { milestone: "FIRST_OCCURRENCE", event: MILESTONE_LABELS.FIRST_OCCURRENCE, actor: "System", kind: "NOTE" },
  { milestone: "DETECTED", event: MILESTONE_LABELS.DETECTED, actor: "Monitoring / User report", kind: "ALERT" },
  { milestone: "ACKNOWLEDGED", event: MILESTONE_LABELS.ACKNOWLEDGED, actor: "", kind: "NOTE" },
  { milestone: "DIAGNOSED", event: MILESTONE_LABELS.DIAGNOSED, actor: "", kind: "NOTE" },
  { milestone: "MITIGATED", event: MILESTONE_LABELS.MITIGATED, actor: "", kind: "MITIGATION" },
  { milestone: "RESOLVED", event: MILESTONE_LABELS.RESOLVED, actor: "", kind: "NOTE" },
  { milestone: "ROOT_CAUSE_CONFIRMED", event: MILESTONE_LABELS.ROOT_CAUSE_CONFIRMED, actor: "", kind: "NOTE" },
  { milestone: "POSTMORTEM_SCHEDULED", event: MILESTONE_LABELS.POSTMORTEM_SCHEDULED, actor: "", kind: "NOTE" },
];

export const TEMPLATE_WHY_COUNT = 5;
export const TEMPLATE_FACTOR_CATEGORIES: readonly FactorCategory[] = ["TECHNICAL", "PROCESS", "HUMAN"];
/** Two numbered rows per horizon, as in the template's action tables (#1–#6). */
export const TEMPLATE_ACTION_HORIZONS: readonly ActionHorizon[] = [
  "IMMEDIATE",
  "IMMEDIATE",
  "SHORT_TERM",
  "SHORT_TERM",
  "LONG_TERM",
  "LONG_TERM",
];

export type NewTimelineRow = SnapshotTimelineRow & { kind: EventKind; orderKey: number };

export type NewPostmortemContent = {
  timeline: NewTimelineRow[];
  whys: string[];
  factors: SnapshotFactor[];
  actions: SnapshotAction[];
};

/** Fresh rows for a new postmortem: the template's timeline (no times), 5 empty whys, 3 factors, 6 actions. */
export function newPostmortemContent(): NewPostmortemContent {
  return {
    timeline: TEMPLATE_TIMELINE_ROWS.map((row, i) => ({
      occurredAt: null,
      milestone: row.milestone,
      event: row.event,
      actor: row.actor,
      notes: "",
      kind: row.kind,
      orderKey: i + 1,
    })),
    whys: Array.from({ length: TEMPLATE_WHY_COUNT }, () => ""),
    factors: TEMPLATE_FACTOR_CATEGORIES.map((category) => ({ category, description: "" })),
    actions: TEMPLATE_ACTION_HORIZONS.map((horizon, i) => ({
      number: i + 1,
      horizon,
      action: "",
      ownerId: null,
      ownerName: null,
      deadline: null,
      status: "OPEN",
      wontDoReason: "",
      ticket: "",
    })),
  };
}

const TEMPLATE_EVENTS = new Set(TEMPLATE_TIMELINE_ROWS.map((r) => r.event));
const TEMPLATE_ACTORS = new Set(TEMPLATE_TIMELINE_ROWS.map((r) => r.actor));

type RowText = Pick<SnapshotTimelineRow, "occurredAt" | "event"> & Partial<Pick<SnapshotTimelineRow, "actor" | "notes">>;

/**
 * A row nobody has filled in: no time, no notes, and event/actor empty or still the template's wording.
 * Such rows are skipped by exports; an untouched template row is still blank.
 */
export function isBlankTimelineRow(row: RowText): boolean {
  if (row.occurredAt) return false;
  if ((row.notes ?? "").trim()) return false;
  const event = row.event.trim();
  const actor = (row.actor ?? "").trim();
  return (event === "" || TEMPLATE_EVENTS.has(event)) && (actor === "" || TEMPLATE_ACTORS.has(actor));
}

/** A row that counts as timeline content for completeness: it has a time AND an event. */
export function isTimelineRowFilled(row: RowText): boolean {
  return row.occurredAt !== null && hasWords(row.event);
}

export function isBlankText(text: string | null | undefined): boolean {
  return !text || !hasWords(text);
}

export const isBlankWhy = (why: string): boolean => isBlankText(why);

export const isBlankFactor = (factor: Pick<SnapshotFactor, "description">): boolean => isBlankText(factor.description);

/** An action row nobody has touched (the template's empty numbered rows). */
export function isBlankAction(action: SnapshotAction): boolean {
  return (
    isBlankText(action.action) &&
    !action.ownerId &&
    isBlankText(action.ownerName) &&
    !action.deadline &&
    action.status === "OPEN" &&
    isBlankText(action.wontDoReason) &&
    isBlankText(action.ticket)
  );
}
