// Demo organisation: realistic AI-incident postmortems that show every part of the document.
import type {
  ActionHorizon,
  ActionStatus,
  AiCauseKind,
  EventKind,
  FactorCategory,
  ImpactLevel,
  Milestone,
  OrgRole,
  ParticipantRole,
  PostmortemStatus,
  RootCauseCategory,
  Severity,
  SlaBreached,
} from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "postmortem-demo";

export const DEMO_USERS: { key: string; email: string; name: string; role: OrgRole }[] = [
  { key: "admin", email: "admin@example.com", name: "Ada Okafor", role: "ADMIN" },
  { key: "priya", email: "priya@example.com", name: "Priya Raman", role: "MEMBER" },
  { key: "sam", email: "sam@example.com", name: "Sam Whitfield", role: "MEMBER" },
  { key: "lena", email: "lena@example.com", name: "Lena Fischer", role: "MEMBER" },
  { key: "viewer", email: "viewer@example.com", name: "Victor Hale", role: "VIEWER" },
];

export const DEMO_TEAMS = [
  { name: "Support Assistant", description: "Customer-support chatbot and its retrieval pipeline" },
  { name: "ML Platform", description: "Model gateway, evaluation and inference infrastructure" },
];

type Impact = {
  customerLevel: ImpactLevel;
  customerDetail: string;
  revenueDetail: string;
  reputationalLevel: ImpactLevel;
  reputationalDetail: string;
  dataSecurityLevel: ImpactLevel;
  dataSecurityDetail: string;
  complianceLevel: ImpactLevel;
  complianceDetail: string;
};

export type DemoPostmortem = {
  incidentKey: string;
  incidentName: string;
  incidentDate: string;
  severity: Severity;
  status: PostmortemStatus;
  team: string;
  facilitator: string;
  participants: { user: string; role: ParticipantRole }[];
  fields: {
    meetingDate: Date;
    summary: string;
    usersAffected?: number;
    requestsAffected?: number;
    revenueImpactMinor?: bigint;
    slaBreached: SlaBreached;
    problemStatement: string;
    rootCause: string;
    rootCauseCategory: RootCauseCategory;
    lessonsWentWell: string;
    lessonsCouldImprove: string;
    lessonsDoDifferently: string;
    aiProvider: string;
    aiModel: string;
    aiPromptVersion: string;
    aiGuardrails: string;
    aiDataSnapshot: string;
    evalScoreBefore?: string;
    evalScoreAfter?: string;
    customerFacing?: boolean;
    externalSummary?: string;
    externalWhatWeDid?: string;
    externalPrevention?: string;
  };
  timeline: { milestone: Milestone; at: string; actor?: string; notes?: string }[];
  extraTimeline: { at: string; event: string; actor: string; kind: EventKind }[];
  whys: string[];
  factors: Partial<Record<FactorCategory, string>>;
  aiCauses: { kind: AiCauseKind; evidence: string }[];
  impact: Impact;
  actions: { horizon: ActionHorizon; action: string; owner: string; deadline: string; status: ActionStatus; ticket: string }[];
};

export const DEMO_POSTMORTEMS: DemoPostmortem[] = [
  {
    incidentKey: "INC-2026-0041",
    incidentName: "Vendor model update produced hallucinated refund promises",
    incidentDate: "2026-11-16T09:12:00Z",
    severity: "CRITICAL",
    status: "IN_REVIEW",
    team: "Support Assistant",
    facilitator: "priya",
    participants: [
      { user: "sam", role: "ATTENDEE" },
      { user: "lena", role: "LEADERSHIP_OBSERVER" },
    ],
    fields: {
      meetingDate: new Date("2026-11-17T14:00:00Z"),
      summary:
        "After the vendor silently rolled the support model to a new snapshot, the assistant began promising refunds that policy does not allow. About 1,900 conversations were affected over six hours before the assistant was pinned to the previous snapshot.",
      usersAffected: 1870,
      requestsAffected: 4210,
      revenueImpactMinor: BigInt(1245000),
      slaBreached: "YES",
      problemStatement: "The support assistant promised refunds outside policy to customers for six hours.",
      rootCause: "Model versions were referenced by a floating alias, and no evaluation gate ran when the underlying snapshot changed.",
      rootCauseCategory: "PROCESS",
      lessonsWentWell: "The refund-rate anomaly alert fired within 40 minutes; pinning the snapshot was a one-line change.",
      lessonsCouldImprove: "We had no signal that the vendor had changed the model; the eval suite only ran on our own deploys.",
      lessonsDoDifferently:
        "Pin every model version explicitly and run the policy eval suite nightly against the pinned and latest snapshots.",
      aiProvider: "Acme AI",
      aiModel: "acme-chat-large (alias latest → 2026-11-15 snapshot)",
      aiPromptVersion: "support-system-prompt v14 (sha 3f9c2e1)",
      aiGuardrails: "Refund-policy classifier on outputs (advisory only, not blocking)",
      aiDataSnapshot: "Help-centre index 2026-11-10",
      evalScoreBefore: "0.942",
      evalScoreAfter: "0.781",
      customerFacing: true,
      externalSummary: "On 16 November our support assistant incorrectly offered refunds to some customers for about six hours.",
      externalWhatWeDid: "We restored the previous model within six hours and are honouring the offers that were made.",
      externalPrevention: "Every model change is now tested against our refund policy before it reaches customers.",
    },
    timeline: [
      { milestone: "FIRST_OCCURRENCE", at: "2026-11-16T09:12:00Z", notes: "First out-of-policy refund promise in logs" },
      { milestone: "DETECTED", at: "2026-11-16T09:52:00Z", actor: "Monitoring", notes: "Refund-rate anomaly alert" },
      { milestone: "ACKNOWLEDGED", at: "2026-11-16T10:01:00Z", actor: "On-call (Sam)" },
      { milestone: "DIAGNOSED", at: "2026-11-16T11:30:00Z", notes: "Diff of model responses against pinned snapshot" },
      { milestone: "MITIGATED", at: "2026-11-16T12:05:00Z", notes: "Assistant pinned to 2026-10 snapshot" },
      { milestone: "RESOLVED", at: "2026-11-16T15:20:00Z", notes: "Affected conversations identified and flagged" },
      { milestone: "ROOT_CAUSE_CONFIRMED", at: "2026-11-17T10:00:00Z" },
      { milestone: "POSTMORTEM_SCHEDULED", at: "2026-11-17T10:30:00Z" },
    ],
    extraTimeline: [
      { at: "2026-11-16T08:55:00Z", event: "Vendor rolled alias to new snapshot", actor: "Vendor", kind: "VENDOR_MODEL_UPDATE" },
    ],
    whys: [
      "Why did the assistant promise refunds? The model started treating goodwill phrasing as a commitment.",
      "Why did its behaviour change? The vendor moved the 'latest' alias to a new snapshot.",
      "Why did that reach customers? We referenced the floating alias rather than a pinned version.",
      "Why was the alias used? The integration guide we followed defaulted to it and no review checklist covers model pinning.",
      "Why was the change not caught? The policy eval suite only runs on our deploys, not on vendor-side changes.",
    ],
    factors: {
      TECHNICAL: "The refund-policy output classifier was advisory, not blocking.",
      PROCESS: "No nightly evaluation against the live model snapshot.",
      HUMAN: "On-call had no runbook for vendor-side model changes, so diagnosis took 90 minutes.",
    },
    aiCauses: [
      { kind: "MODEL_UPDATE", evidence: "Vendor changelog shows the alias moved at 08:55 UTC." },
      { kind: "HALLUCINATION", evidence: "Responses cite a '30-day no-questions refund' that does not exist." },
    ],
    impact: {
      customerLevel: "HIGH",
      customerDetail: "1,870 customers received incorrect refund promises.",
      revenueDetail: "Honouring promised refunds: about £12,450.",
      reputationalLevel: "MEDIUM",
      reputationalDetail: "Several social-media complaints; no press coverage.",
      dataSecurityLevel: "NONE",
      dataSecurityDetail: "",
      complianceLevel: "LOW",
      complianceDetail: "Consumer-protection review requested by legal.",
    },
    actions: [
      {
        horizon: "IMMEDIATE",
        action: "Pin every production model to an explicit snapshot",
        owner: "sam",
        deadline: "2026-11-24",
        status: "DONE",
        ticket: "SUP-812",
      },
      {
        horizon: "IMMEDIATE",
        action: "Make the refund-policy classifier blocking",
        owner: "priya",
        deadline: "2026-11-24",
        status: "IN_PROGRESS",
        ticket: "SUP-813",
      },
      {
        horizon: "SHORT_TERM",
        action: "Nightly policy evals against pinned and latest snapshots",
        owner: "lena",
        deadline: "2026-12-17",
        status: "OPEN",
        ticket: "MLP-230",
      },
      {
        horizon: "LONG_TERM",
        action: "Vendor change-notification integration with alerting",
        owner: "lena",
        deadline: "2027-02-15",
        status: "OPEN",
        ticket: "MLP-231",
      },
    ],
  },
  {
    incidentKey: "INC-2026-0038",
    incidentName: "Prompt change made the support bot refuse order-status questions",
    incidentDate: "2026-11-03T13:40:00Z",
    severity: "HIGH",
    status: "PUBLISHED",
    team: "Support Assistant",
    facilitator: "sam",
    participants: [
      { user: "priya", role: "ATTENDEE" },
      { user: "lena", role: "LEADERSHIP_OBSERVER" },
    ],
    fields: {
      meetingDate: new Date("2026-11-04T15:00:00Z"),
      summary:
        "A system-prompt edit meant to tighten safety wording made the assistant refuse order-status questions. Deflection dropped by 31% for three hours until the prompt was rolled back.",
      requestsAffected: 9650,
      slaBreached: "NO",
      problemStatement: "The assistant refused legitimate order-status questions after prompt v13 shipped.",
      rootCause:
        "Prompt changes shipped without running the regression eval set, because prompts were deployed as configuration rather than code.",
      rootCauseCategory: "PROCESS",
      lessonsWentWell: "Rollback of the prompt took two minutes.",
      lessonsCouldImprove: "Prompt edits bypassed code review and the eval pipeline.",
      lessonsDoDifferently: "Treat prompts as code: versioned, reviewed and gated by evals.",
      aiProvider: "Acme AI",
      aiModel: "acme-chat-large 2026-10 snapshot",
      aiPromptVersion: "support-system-prompt v13 (sha a1d07c4)",
      aiGuardrails: "Refusal-rate monitor",
      aiDataSnapshot: "Help-centre index 2026-10-28",
      evalScoreBefore: "0.936",
      evalScoreAfter: "0.702",
    },
    timeline: [
      { milestone: "FIRST_OCCURRENCE", at: "2026-11-03T13:40:00Z" },
      { milestone: "DETECTED", at: "2026-11-03T14:25:00Z", actor: "User report" },
      { milestone: "ACKNOWLEDGED", at: "2026-11-03T14:31:00Z" },
      { milestone: "DIAGNOSED", at: "2026-11-03T15:50:00Z" },
      { milestone: "MITIGATED", at: "2026-11-03T16:38:00Z", notes: "Prompt rolled back to v12" },
      { milestone: "RESOLVED", at: "2026-11-03T16:45:00Z" },
      { milestone: "ROOT_CAUSE_CONFIRMED", at: "2026-11-04T11:00:00Z" },
      { milestone: "POSTMORTEM_SCHEDULED", at: "2026-11-04T11:30:00Z" },
    ],
    extraTimeline: [{ at: "2026-11-03T13:38:00Z", event: "Prompt v13 deployed", actor: "Config pipeline", kind: "PROMPT_CHANGE" }],
    whys: [
      "Why did the bot refuse? The new safety wording matched order lookups as 'account access' requests.",
      "Why was that not noticed before release? The prompt shipped without the regression eval set.",
      "Why were evals skipped? Prompts deploy through the configuration pipeline, which has no eval step.",
      "Why do prompts deploy as configuration? They were moved there to allow fast copy edits, before evals existed.",
      "Why was the pipeline not revisited? No owner for prompt lifecycle was defined.",
    ],
    factors: { TECHNICAL: "Configuration pipeline has no eval hook.", PROCESS: "No review requirement for prompt edits." },
    aiCauses: [{ kind: "PROMPT_CHANGE", evidence: "Refusals start two minutes after v13 deployed." }],
    impact: {
      customerLevel: "MEDIUM",
      customerDetail: "Customers were sent to human agents; wait times rose.",
      revenueDetail: "None measured.",
      reputationalLevel: "LOW",
      reputationalDetail: "",
      dataSecurityLevel: "NONE",
      dataSecurityDetail: "",
      complianceLevel: "NONE",
      complianceDetail: "",
    },
    actions: [
      {
        horizon: "IMMEDIATE",
        action: "Move prompts into the repository with code review",
        owner: "priya",
        deadline: "2026-11-11",
        status: "DONE",
        ticket: "SUP-790",
      },
      {
        horizon: "SHORT_TERM",
        action: "Run the regression eval set on every prompt change",
        owner: "sam",
        deadline: "2026-12-04",
        status: "IN_PROGRESS",
        ticket: "SUP-791",
      },
    ],
  },
  {
    incidentKey: "INC-2026-0043",
    incidentName: "Rate-limit cascade stalled document summarisation",
    incidentDate: "2026-11-20T07:05:00Z",
    severity: "MEDIUM",
    status: "DRAFT",
    team: "ML Platform",
    facilitator: "lena",
    participants: [{ user: "sam", role: "ATTENDEE" }],
    fields: {
      meetingDate: new Date("2026-11-21T10:00:00Z"),
      summary:
        "A batch re-index job shared the summarisation API key and exhausted its rate limit. Retries without backoff amplified the load, and summaries were delayed for 70 minutes.",
      requestsAffected: 22800,
      slaBreached: "UNKNOWN",
      problemStatement: "Summarisation requests failed with 429 errors for 70 minutes.",
      rootCause: "",
      rootCauseCategory: "TECHNICAL",
      lessonsWentWell: "",
      lessonsCouldImprove: "",
      lessonsDoDifferently: "",
      aiProvider: "Acme AI",
      aiModel: "acme-summarise-small",
      aiPromptVersion: "",
      aiGuardrails: "",
      aiDataSnapshot: "",
    },
    timeline: [
      { milestone: "FIRST_OCCURRENCE", at: "2026-11-20T07:05:00Z" },
      { milestone: "DETECTED", at: "2026-11-20T07:12:00Z", actor: "Monitoring" },
      { milestone: "MITIGATED", at: "2026-11-20T08:02:00Z", notes: "Re-index job paused" },
      { milestone: "RESOLVED", at: "2026-11-20T08:15:00Z" },
    ],
    extraTimeline: [],
    whys: ["Why did requests fail? The shared API key hit the provider's rate limit."],
    factors: { TECHNICAL: "Retries without exponential backoff." },
    aiCauses: [{ kind: "RATE_LIMITING", evidence: "Provider dashboard shows 429s from 07:05." }],
    impact: {
      customerLevel: "LOW",
      customerDetail: "Summaries delayed, none lost.",
      revenueDetail: "",
      reputationalLevel: "NONE",
      reputationalDetail: "",
      dataSecurityLevel: "NONE",
      dataSecurityDetail: "",
      complianceLevel: "NONE",
      complianceDetail: "",
    },
    actions: [
      {
        horizon: "IMMEDIATE",
        action: "Give batch jobs their own API key and quota",
        owner: "sam",
        deadline: "2026-11-28",
        status: "OPEN",
        ticket: "",
      },
    ],
  },
];
