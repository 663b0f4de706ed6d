import { dayOf, toIsoDay } from "./dates";
import { computeMetrics } from "./metrics";
import { formatMoney } from "./money";
import { REVIEW_POLICIES, reviewTypeFor, SEVERITY_LABELS } from "./severity-policy";
import type { PostmortemSnapshot } from "./snapshot";
import { AI_CAUSE_BY_KIND, isBlankAction, isBlankFactor, isBlankText, isBlankTimelineRow } from "./template";

// A stable, documented shape for machines (archiving, other tools). Keys follow the template's order;
// blank rows are omitted; dates are ISO 8601 (times in UTC, deadlines as YYYY-MM-DD); money is a string
// of minor units (bigint-safe) plus the currency and a formatted copy.

export const JSON_EXPORT_FORMAT = "ai-postmortem/v1";

const text = (t: string | null | undefined): string => (isBlankText(t) ? "" : (t ?? "").trim());

export function toJsonValue(s: PostmortemSnapshot) {
  const minor = s.metrics.revenueImpactMinor;
  const currency = s.metrics.revenueCurrency || "GBP";
  const revenue = minor === null ? null : { minor: String(minor), currency, formatted: formatMoney(minor, currency) };
  return {
    format: JSON_EXPORT_FORMAT,
    incident: {
      id: s.incidentKey,
      name: s.incidentName,
      date: s.incidentDate ? toIsoDay(s.incidentDate) : null,
      postmortemDate: s.meetingDate?.toISOString() ?? null,
      facilitator: s.facilitatorName ?? s.participants.find((p) => p.role === "FACILITATOR")?.name ?? null,
      team: s.teamName ?? null,
      status: s.status ?? null,
      participants: s.participants.filter((p) => text(p.name)).map((p) => ({ name: p.name.trim(), role: p.role })),
    },
    severity: s.severity
      ? { value: s.severity, label: SEVERITY_LABELS[s.severity], reviewType: REVIEW_POLICIES[reviewTypeFor(s.severity)].type }
      : null,
    summary: text(s.summary),
    keyMetrics: {
      times: computeMetrics(s.timeline, s.metrics).metrics.map(({ key, label, minutes, source }) => ({
        key,
        label,
        minutes,
        source,
      })),
      usersAffected: s.metrics.usersAffected,
      requestsAffected: s.metrics.requestsAffected,
      revenueImpact: revenue,
      slaBreached: s.metrics.slaBreached,
    },
    timeline: s.timeline
      .filter((r) => !isBlankTimelineRow(r))
      .map((r) => ({
        time: r.occurredAt?.toISOString() ?? null,
        event: text(r.event),
        actor: text(r.actor),
        notes: text(r.notes),
        milestone: r.milestone,
        kind: r.kind ?? null,
      })),
    rootCauseAnalysis: {
      problem: text(s.problemStatement),
      whys: s.whys.map(text).filter(Boolean),
      rootCause: text(s.rootCause),
      category: s.rootCauseCategory,
    },
    contributingFactors: s.factors
      .filter((f) => !isBlankFactor(f))
      .map((f) => ({ category: f.category, description: f.description.trim() })),
    aiSpecificRootCauses: s.aiCauses.map((c) => ({
      kind: c.kind,
      label: AI_CAUSE_BY_KIND[c.kind].label,
      evidence: text(c.evidence),
    })),
    aiContext: {
      provider: text(s.aiContext.provider),
      model: text(s.aiContext.model),
      promptVersion: text(s.aiContext.promptVersion),
      guardrails: text(s.aiContext.guardrails),
      dataSnapshot: text(s.aiContext.dataSnapshot),
      evalScoreBefore: s.aiContext.evalScoreBefore === null ? null : String(s.aiContext.evalScoreBefore),
      evalScoreAfter: s.aiContext.evalScoreAfter === null ? null : String(s.aiContext.evalScoreAfter),
    },
    impactAssessment: {
      customer: { level: s.impact.customerLevel, detail: text(s.impact.customerDetail) },
      revenue: { amount: revenue, detail: text(s.impact.revenueDetail) },
      reputational: { level: s.impact.reputationalLevel, detail: text(s.impact.reputationalDetail) },
      dataSecurity: { level: s.impact.dataSecurityLevel, detail: text(s.impact.dataSecurityDetail) },
      compliance: { level: s.impact.complianceLevel, detail: text(s.impact.complianceDetail) },
    },
    correctiveActions: s.actions
      .filter((a) => !isBlankAction(a))
      .map((a) => ({
        number: a.number,
        horizon: a.horizon,
        action: text(a.action),
        owner: a.ownerName?.trim() || null,
        deadline: dayOf(a.deadline),
        status: a.status,
        wontDoReason: a.status === "WONT_DO" ? text(a.wontDoReason) : "",
        ticket: text(a.ticket),
        completedAt: a.completedAt?.toISOString() ?? null,
      })),
    lessonsLearned: {
      wentWell: text(s.lessons.wentWell),
      couldImprove: text(s.lessons.couldImprove),
      doDifferently: text(s.lessons.doDifferently),
    },
    customerFacing: s.customerFacing,
    externalSummary: {
      whatHappened: s.customerFacing ? text(s.externalSummary) : "",
      whatWeDid: s.customerFacing ? text(s.externalWhatWeDid) : "",
      prevention: s.customerFacing ? text(s.externalPrevention) : "",
    },
  };
}

export type JsonExport = ReturnType<typeof toJsonValue>;

/** Pretty-printed JSON of `toJsonValue`. */
export function toJson(s: PostmortemSnapshot): string {
  return JSON.stringify(toJsonValue(s), null, 2) + "\n";
}
