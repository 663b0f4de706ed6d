import type {
  ActionHorizon,
  ActionStatus,
  AiCauseKind,
  EventKind,
  FactorCategory,
  ImpactLevel,
  ParticipantRole,
  PostmortemStatus,
  RootCauseCategory,
  Severity,
  SlaBreached,
} from "@/lib/generated/prisma/enums";
import type { MetricNotApplicable, MetricOverrides, TimelineRow } from "./metrics";

// A plain, serialisable picture of one postmortem, used by completeness and exports. The data layer maps
// its DTOs onto it (deleted rows already removed); nothing here depends on Prisma's model types.

export type SnapshotTimelineRow = TimelineRow & {
  event: string;
  actor: string;
  notes: string;
  kind?: EventKind;
  orderKey?: number;
};

export type SnapshotFactor = { category: FactorCategory; description: string };

/** One entry per checked item of the AI-specific checklist. */
export type SnapshotAiCause = { kind: AiCauseKind; evidence: string };

export type SnapshotAction = {
  number: number;
  horizon: ActionHorizon;
  action: string;
  ownerId?: string | null;
  /** Display name of the owner; an owner counts as set when either this or ownerId is. */
  ownerName?: string | null;
  /** "YYYY-MM-DD" or a Date (its UTC day is used). */
  deadline: Date | string | null;
  status: ActionStatus;
  wontDoReason: string;
  ticket: string;
  completedAt?: Date | null;
};

export type SnapshotParticipant = { name: string; role: ParticipantRole; userId?: string | null };

export type SnapshotImpact = {
  customerLevel: ImpactLevel | null;
  customerDetail: string;
  revenueDetail: string;
  reputationalLevel: ImpactLevel | null;
  reputationalDetail: string;
  dataSecurityLevel: ImpactLevel | null;
  dataSecurityDetail: string;
  complianceLevel: ImpactLevel | null;
  complianceDetail: string;
};

export type SnapshotAiContext = {
  provider: string;
  model: string;
  promptVersion: string;
  guardrails: string;
  dataSnapshot: string;
  /** Prisma Decimal values should be passed as strings or numbers. */
  evalScoreBefore: number | string | null;
  evalScoreAfter: number | string | null;
};

export type SnapshotMetrics = {
  usersAffected: number | null;
  requestsAffected: number | null;
  revenueImpactMinor: bigint | number | null;
  revenueCurrency: string;
  slaBreached: SlaBreached;
  overrides: MetricOverrides;
  notApplicable: MetricNotApplicable;
};

export type PostmortemSnapshot = {
  incidentKey: string;
  incidentName: string;
  incidentDate: Date | null;
  meetingDate: Date | null;
  facilitatorName: string | null;
  teamName?: string | null;
  status?: PostmortemStatus;
  severity: Severity | null;
  summary: string;
  metrics: SnapshotMetrics;
  timeline: SnapshotTimelineRow[];
  problemStatement: string;
  /** The 5 Whys in order, blank ones included (they are ignored). */
  whys: string[];
  rootCause: string;
  rootCauseCategory: RootCauseCategory | null;
  factors: SnapshotFactor[];
  aiCauses: SnapshotAiCause[];
  aiContext: SnapshotAiContext;
  impact: SnapshotImpact;
  actions: SnapshotAction[];
  lessons: { wentWell: string; couldImprove: string; doDifferently: string };
  customerFacing: boolean;
  /** The external summary's first part, "what happened"; the other two follow. */
  externalSummary: string;
  externalWhatWeDid?: string;
  externalPrevention?: string;
  participants: SnapshotParticipant[];
};
