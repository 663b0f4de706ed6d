import type { Severity } from "@/lib/generated/prisma/enums";

/** Section ids shared with the UI (anchors, form components, completeness badges). Template order. */
export const SECTION_IDS = [
  "details",
  "severity",
  "summary",
  "metrics",
  "timeline",
  "root-cause",
  "factors",
  "ai-causes",
  "ai-context",
  "impact",
  "actions",
  "lessons",
  "external-summary",
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_LABELS: Record<SectionId, string> = {
  details: "Incident details",
  severity: "Severity",
  summary: "Summary",
  metrics: "Key metrics",
  timeline: "Timeline of events",
  "root-cause": "Root cause analysis (5 Whys)",
  factors: "Contributing factors",
  "ai-causes": "AI-specific root causes",
  "ai-context": "AI system context",
  impact: "Impact assessment",
  actions: "Corrective actions",
  lessons: "Lessons learned",
  "external-summary": "External summary",
};

export type SeverityInfo = { value: Severity; label: string; description: string };

/** The template's four severities, most severe first, with its exact wording. */
export const SEVERITIES: readonly SeverityInfo[] = [
  {
    value: "CRITICAL",
    label: "Critical",
    description: "Service outage or major data/safety incident affecting customers",
  },
  { value: "HIGH", label: "High", description: "Significant quality degradation or security concern" },
  { value: "MEDIUM", label: "Medium", description: "Noticeable impact on a subset of users" },
  { value: "LOW", label: "Low", description: "Minor issue caught before significant user impact" },
];

export const SEVERITY_LABELS = Object.fromEntries(SEVERITIES.map((s) => [s.value, s.label])) as Record<Severity, string>;

export const SEVERITY_DESCRIPTIONS = Object.fromEntries(SEVERITIES.map((s) => [s.value, s.description])) as Record<Severity, string>;

/** Lower is more severe; for sorting lists of postmortems. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.findIndex((s) => s.value === severity);
}

export type ReviewType = "FULL" | "LIGHTWEIGHT" | "LOG";

export type ReviewPolicy = {
  type: ReviewType;
  label: string;
  description: string;
  /** Sections that must be complete before publishing. */
  requiredSections: readonly SectionId[];
  /** A review meeting is expected (and with it the 48-hour clock). */
  meetingExpected: boolean;
  leadershipObserverExpected: boolean;
  /** A log entry needs to say how the incident was resolved (see completeness.ts). */
  resolutionRequired: boolean;
};

export const REVIEW_POLICIES: Record<ReviewType, ReviewPolicy> = {
  FULL: {
    type: "FULL",
    label: "Full post-mortem",
    description: "Every section is required to publish, and a leadership observer is expected among the participants.",
    requiredSections: SECTION_IDS,
    meetingExpected: true,
    leadershipObserverExpected: true,
    resolutionRequired: false,
  },
  LIGHTWEIGHT: {
    type: "LIGHTWEIGHT",
    label: "Lightweight review",
    description: "Summary, timeline, root cause, corrective actions and lessons learned.",
    requiredSections: ["summary", "timeline", "root-cause", "actions", "lessons"],
    meetingExpected: true,
    leadershipObserverExpected: false,
    resolutionRequired: false,
  },
  LOG: {
    type: "LOG",
    label: "Log entry",
    description: "A summary and how it was resolved; no review meeting and no 48-hour clock.",
    requiredSections: ["summary"],
    meetingExpected: false,
    leadershipObserverExpected: false,
    resolutionRequired: true,
  },
};

/** Critical/High → full post-mortem, Medium → lightweight review, Low → log entry (template FAQ). */
export function reviewTypeFor(severity: Severity): ReviewType {
  switch (severity) {
    case "CRITICAL":
    case "HIGH":
      return "FULL";
    case "MEDIUM":
      return "LIGHTWEIGHT";
    case "LOW":
      return "LOG";
  }
}

export function reviewPolicyFor(severity: Severity): ReviewPolicy {
  return REVIEW_POLICIES[reviewTypeFor(severity)];
}

/** Required section ids per review type (same data as REVIEW_POLICIES, for callers that only need this). */
export const REQUIRED_SECTIONS: Record<ReviewType, readonly SectionId[]> = {
  FULL: REVIEW_POLICIES.FULL.requiredSections,
  LIGHTWEIGHT: REVIEW_POLICIES.LIGHTWEIGHT.requiredSections,
  LOG: REVIEW_POLICIES.LOG.requiredSections,
};

export function requiredSectionsFor(type: ReviewType): readonly SectionId[] {
  return REQUIRED_SECTIONS[type];
}

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}
