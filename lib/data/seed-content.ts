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
