import "server-only";
import { getDb } from "@/lib/db/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { assertCan, loadAccess } from "@/lib/data/access";
import type { MetricKey } from "@/lib/domain/metrics";
import type {
  ActionHorizon,
  ActionStatus,
  AiCauseKind,
  EventKind,
  FactorCategory,
  ImpactLevel,
  Milestone,
  ParticipantRole,
  PostmortemStatus,
  RootCauseCategory,
  Severity,
  SlaBreached,
} from "@/lib/generated/prisma/enums";

export type TimelineRowDto = {
  id: string;
  occurredAt: string | null;
  event: string;
  actor: string;
  notes: string;
  milestone: Milestone | null;
  kind: EventKind;
  orderKey: number;
  version: number;
};
export type WhyDto = { id: string; position: number; text: string; version: number };
export type FactorDto = { id: string; category: FactorCategory; description: string; position: number };
export type AiCauseDto = { kind: AiCauseKind; evidence: string };
export type ParticipantDto = { id: string; userId: string | null; name: string; role: ParticipantRole };
export type ActionDto = {
  id: string;
  number: number;
  horizon: ActionHorizon;
  action: string;
  ownerId: string | null;
  ownerName: string | null;
  deadline: string | null;
  status: ActionStatus;
  wontDoReason: string;
  ticket: string;
  completedAt: string | null;
  version: number;
};
export type ImpactDto = {
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

/** Everything the document page renders, as plain serialisable values. */
export type PostmortemDocument = {
  id: string;
  seq: number;
  incidentKey: string;
  incidentName: string;
  incidentDate: string;
  meetingDate: string | null;
  severity: Severity;
  status: PostmortemStatus;
  teamId: string | null;
  teamName: string | null;
  facilitatorId: string | null;
  facilitatorName: string | null;
  createdById: string;
  restricted: boolean;
  customerFacing: boolean;
  externalSummary: string;
  summary: string;
  externalWhatWeDid: string;
  externalPrevention: string;
  usersAffected: number | null;
  requestsAffected: number | null;
  revenueImpactMinor: string | null;
  revenueCurrency: string;
  slaBreached: SlaBreached;
  overrides: Record<MetricKey, { minutes: number | null; notApplicable: boolean }>;
  problemStatement: string;
  rootCause: string;
  rootCauseCategory: RootCauseCategory | null;
  lessonsWentWell: string;
  lessonsCouldImprove: string;
  lessonsDoDifferently: string;
  aiProvider: string;
  aiModel: string;
  aiPromptVersion: string;
  aiGuardrails: string;
  aiDataSnapshot: string;
  evalScoreBefore: string | null;
  evalScoreAfter: string | null;
  publishedAt: string | null;
  updatedAt: string;
  participants: ParticipantDto[];
  timeline: TimelineRowDto[];
  whys: WhyDto[];
  factors: FactorDto[];
  aiCauses: AiCauseDto[];
  impact: ImpactDto;
  actions: ActionDto[];
  permissions: { edit: boolean; publish: boolean; reopen: boolean; delete: boolean; changeFacilitator: boolean; changeAccess: boolean };
};

export type { MetricKey };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function getPostmortemDocument(actor: Actor, id: string): Promise<PostmortemDocument> {
  const db = getDb();
  const access = await loadAccess(db, id);
  assertCan(actor, "view", access);
  const pm = await db.postmortem.findUniqueOrThrow({
    where: { id },
    include: {
      team: { select: { name: true } },
      facilitator: { select: { name: true } },
      participants: { orderBy: { createdAt: "asc" }, include: { user: { select: { name: true } } } },
      timeline: { where: { deletedAt: null }, orderBy: [{ orderKey: "asc" }, { id: "asc" }] },
      whys: { where: { deletedAt: null }, orderBy: [{ position: "asc" }, { id: "asc" }] },
      factors: { orderBy: [{ position: "asc" }, { id: "asc" }] },
      aiCauses: true,
      impact: true,
      actions: { where: { deletedAt: null }, orderBy: { number: "asc" }, include: { owner: { select: { name: true } } } },
    },
  });
  const impact = pm.impact;
  return {
    id: pm.id,
    seq: pm.seq,
    incidentKey: pm.incidentKey,
    incidentName: pm.incidentName,
    incidentDate: pm.incidentDate.toISOString(),
    meetingDate: iso(pm.meetingDate),
    severity: pm.severity,
    status: pm.status,
    teamId: pm.teamId,
    teamName: pm.team?.name ?? null,
    facilitatorId: pm.facilitatorId,
    facilitatorName: pm.facilitator?.name ?? null,
    createdById: pm.createdById,
    restricted: pm.restricted,
    customerFacing: pm.customerFacing,
    externalSummary: pm.externalSummary,
    summary: pm.summary,
    externalWhatWeDid: pm.externalWhatWeDid,
    externalPrevention: pm.externalPrevention,
    usersAffected: pm.usersAffected,
    requestsAffected: pm.requestsAffected,
    revenueImpactMinor: pm.revenueImpactMinor?.toString() ?? null,
    revenueCurrency: pm.revenueCurrency,
    slaBreached: pm.slaBreached,
    overrides: {
      detect: { minutes: pm.detectOverrideMin, notApplicable: pm.detectNotApplicable },
      acknowledge: { minutes: pm.acknowledgeOverrideMin, notApplicable: pm.acknowledgeNotApplicable },
      mitigate: { minutes: pm.mitigateOverrideMin, notApplicable: pm.mitigateNotApplicable },
      resolve: { minutes: pm.resolveOverrideMin, notApplicable: pm.resolveNotApplicable },
      duration: { minutes: pm.durationOverrideMin, notApplicable: pm.durationNotApplicable },
    },
    problemStatement: pm.problemStatement,
    rootCause: pm.rootCause,
    rootCauseCategory: pm.rootCauseCategory,
    lessonsWentWell: pm.lessonsWentWell,
    lessonsCouldImprove: pm.lessonsCouldImprove,
    lessonsDoDifferently: pm.lessonsDoDifferently,
    aiProvider: pm.aiProvider,
    aiModel: pm.aiModel,
    aiPromptVersion: pm.aiPromptVersion,
    aiGuardrails: pm.aiGuardrails,
    aiDataSnapshot: pm.aiDataSnapshot,
    evalScoreBefore: pm.evalScoreBefore?.toString() ?? null,
    evalScoreAfter: pm.evalScoreAfter?.toString() ?? null,
    publishedAt: iso(pm.publishedAt),
    updatedAt: pm.updatedAt.toISOString(),
    participants: pm.participants.map((p) => ({ id: p.id, userId: p.userId, name: p.user?.name ?? p.name, role: p.role })),
    timeline: pm.timeline.map((t) => ({
      id: t.id,
      occurredAt: iso(t.occurredAt),
      event: t.event,
      actor: t.actor,
      notes: t.notes,
      milestone: t.milestone,
      kind: t.kind,
      orderKey: t.orderKey,
      version: t.version,
    })),
    whys: pm.whys.map((w) => ({ id: w.id, position: w.position, text: w.text, version: w.version })),
    factors: pm.factors.map((f) => ({ id: f.id, category: f.category, description: f.description, position: f.position })),
    aiCauses: pm.aiCauses.map((c) => ({ kind: c.kind, evidence: c.evidence })),
    impact: {
      customerLevel: impact?.customerLevel ?? null,
      customerDetail: impact?.customerDetail ?? "",
      revenueDetail: impact?.revenueDetail ?? "",
      reputationalLevel: impact?.reputationalLevel ?? null,
      reputationalDetail: impact?.reputationalDetail ?? "",
      dataSecurityLevel: impact?.dataSecurityLevel ?? null,
      dataSecurityDetail: impact?.dataSecurityDetail ?? "",
      complianceLevel: impact?.complianceLevel ?? null,
      complianceDetail: impact?.complianceDetail ?? "",
    },
    actions: pm.actions.map((a) => ({
      id: a.id,
      number: a.number,
      horizon: a.horizon,
      action: a.action,
      ownerId: a.ownerId,
      ownerName: a.owner?.name ?? null,
      deadline: a.deadline ? a.deadline.toISOString().slice(0, 10) : null,
      status: a.status,
      wontDoReason: a.wontDoReason,
      ticket: a.ticket,
      completedAt: iso(a.completedAt),
      version: a.version,
    })),
    permissions: {
      edit: can(actor, "edit", access),
      publish: can(actor, "publish", access),
      reopen: can(actor, "reopen", access),
      delete: can(actor, "delete", access),
      changeFacilitator: can(actor, "changeFacilitator", access),
      changeAccess: can(actor, "changeAccess", access),
    },
  };
}
