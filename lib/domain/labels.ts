import type {
  ActionStatus,
  EventKind,
  FactorCategory,
  ImpactLevel,
  Milestone,
  ParticipantRole,
  PostmortemStatus,
  RootCauseCategory,
  SlaBreached,
} from "@/lib/generated/prisma/enums";

// Display labels for every enum the UI shows; template.ts re-exports them. Milestone labels are the
// template's own timeline wording so a tagged row reads the same as the printed template.

export const MILESTONE_LABELS: Record<Milestone, string> = {
  FIRST_OCCURRENCE: "First occurrence of the issue",
  DETECTED: "Alert triggered / issue detected",
  ACKNOWLEDGED: "Incident acknowledged by on-call",
  DIAGNOSED: "Initial diagnosis",
  MITIGATED: "Mitigation applied",
  RESOLVED: "Service restored / issue resolved",
  ROOT_CAUSE_CONFIRMED: "Root cause confirmed",
  POSTMORTEM_SCHEDULED: "Post-mortem scheduled",
};

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  NOTE: "Note",
  ALERT: "Alert",
  USER_REPORT: "User report",
  MODEL_DEPLOY: "Model deploy",
  PROMPT_CHANGE: "Prompt change",
  EVAL_REGRESSION: "Eval regression",
  DRIFT_ALERT: "Drift alert",
  VENDOR_MODEL_UPDATE: "Vendor model update",
  CONFIG_CHANGE: "Config change",
  MITIGATION: "Mitigation",
  COMMUNICATION: "Communication",
};

/** Event kinds specific to AI systems, for highlighting in the timeline. */
export const AI_EVENT_KINDS: readonly EventKind[] = [
  "MODEL_DEPLOY",
  "PROMPT_CHANGE",
  "EVAL_REGRESSION",
  "DRIFT_ALERT",
  "VENDOR_MODEL_UPDATE",
];

export const IMPACT_LEVEL_LABELS: Record<ImpactLevel, string> = {
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
  NONE: "None",
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  OPEN: "Open",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  WONT_DO: "Won't do",
};

export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = {
  FACILITATOR: "Facilitator",
  ATTENDEE: "Attendee",
  LEADERSHIP_OBSERVER: "Leadership observer",
  OBSERVER: "Observer",
};

export const FACTOR_CATEGORY_LABELS: Record<FactorCategory, string> = {
  TECHNICAL: "Technical",
  PROCESS: "Process",
  HUMAN: "Human",
};

export const ROOT_CAUSE_CATEGORY_LABELS: Record<RootCauseCategory, string> = {
  TECHNICAL: "Technical",
  PROCESS: "Process",
  ORGANISATIONAL: "Organisational",
};

export const SLA_BREACHED_LABELS: Record<SlaBreached, string> = {
  YES: "Yes",
  NO: "No",
  UNKNOWN: "Unknown",
};

export const POSTMORTEM_STATUS_LABELS: Record<PostmortemStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  PUBLISHED: "Published",
};

/** The template's impact table rows, in its order (revenue is an amount, not a level). */
export const IMPACT_DIMENSIONS = [
  { key: "customer", label: "Customer impact" },
  { key: "revenue", label: "Revenue impact" },
  { key: "reputational", label: "Reputational impact" },
  { key: "dataSecurity", label: "Data/security impact" },
  { key: "compliance", label: "Compliance impact" },
] as const;
