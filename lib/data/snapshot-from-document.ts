import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import type { PostmortemSnapshot } from "@/lib/domain/snapshot";

// Pure mapping of the page's DTO onto the domain snapshot, with no Prisma or server code, so client
// components (completeness badges, the publish panel) can use it as well as the data layer.

const date = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

export function buildSnapshot(doc: PostmortemDocument): PostmortemSnapshot {
  const o = doc.overrides;
  return {
    incidentKey: doc.incidentKey,
    incidentName: doc.incidentName,
    incidentDate: date(doc.incidentDate),
    meetingDate: date(doc.meetingDate),
    facilitatorName: doc.facilitatorName,
    teamName: doc.teamName,
    status: doc.status,
    severity: doc.severity,
    summary: doc.summary,
    metrics: {
      usersAffected: doc.usersAffected,
      requestsAffected: doc.requestsAffected,
      revenueImpactMinor: doc.revenueImpactMinor === null ? null : BigInt(doc.revenueImpactMinor),
      revenueCurrency: doc.revenueCurrency,
      slaBreached: doc.slaBreached,
      overrides: {
        detect: o.detect.minutes,
        acknowledge: o.acknowledge.minutes,
        mitigate: o.mitigate.minutes,
        resolve: o.resolve.minutes,
        duration: o.duration.minutes,
      },
      notApplicable: {
        detect: o.detect.notApplicable,
        acknowledge: o.acknowledge.notApplicable,
        mitigate: o.mitigate.notApplicable,
        resolve: o.resolve.notApplicable,
        duration: o.duration.notApplicable,
      },
    },
    timeline: doc.timeline.map((t) => ({
      occurredAt: date(t.occurredAt),
      milestone: t.milestone,
      event: t.event,
      actor: t.actor,
      notes: t.notes,
      kind: t.kind,
      orderKey: t.orderKey,
    })),
    problemStatement: doc.problemStatement,
    whys: doc.whys.map((w) => w.text),
    rootCause: doc.rootCause,
    rootCauseCategory: doc.rootCauseCategory,
    factors: doc.factors.map((f) => ({ category: f.category, description: f.description })),
    aiCauses: doc.aiCauses.map((c) => ({ kind: c.kind, evidence: c.evidence })),
    aiContext: {
      provider: doc.aiProvider,
      model: doc.aiModel,
      promptVersion: doc.aiPromptVersion,
      guardrails: doc.aiGuardrails,
      dataSnapshot: doc.aiDataSnapshot,
      evalScoreBefore: doc.evalScoreBefore,
      evalScoreAfter: doc.evalScoreAfter,
    },
    impact: { ...doc.impact },
    actions: doc.actions.map((a) => ({
      number: a.number,
      horizon: a.horizon,
      action: a.action,
      ownerId: a.ownerId,
      ownerName: a.ownerName,
      deadline: a.deadline,
      status: a.status,
      wontDoReason: a.wontDoReason,
      ticket: a.ticket,
      completedAt: date(a.completedAt),
    })),
    lessons: { wentWell: doc.lessonsWentWell, couldImprove: doc.lessonsCouldImprove, doDifferently: doc.lessonsDoDifferently },
    customerFacing: doc.customerFacing,
    externalSummary: doc.externalSummary,
    externalWhatWeDid: doc.externalWhatWeDid,
    externalPrevention: doc.externalPrevention,
    participants: doc.participants.map((p) => ({ name: p.name, role: p.role, userId: p.userId })),
  };
}
