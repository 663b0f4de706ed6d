import type { ImpactLevel } from "@/lib/generated/prisma/enums";
import { computeMetrics } from "./metrics";
import type { PostmortemSnapshot } from "./snapshot";
import { TAXONOMIES, type Taxonomies } from "./taxonomies/schema";
import { suggestTaxonomies } from "./taxonomies/suggest";

// The "AI incident report": the postmortem expressed in the fields that MITRE ATLAS, the AI Incident
// Database (CSET and GMF taxonomies) and the OECD AI Incidents Monitor ask for, with the taxonomy
// versions it was mapped with. Values are suggestions derived from the postmortem; the text fields are
// the postmortem's own words; fields the postmortem cannot answer (sector, industry, task) are left empty
// for the reviewer rather than guessed.

export const AI_INCIDENT_REPORT_FORMAT = "postmortem-ai-incident-report/1";

const LEVEL_ORDER: ImpactLevel[] = ["HIGH", "MEDIUM", "LOW", "NONE"];
const highest = (levels: (ImpactLevel | null)[]) => LEVEL_ORDER.find((l) => levels.includes(l)) ?? null;
const yesNo = (v: boolean) => (v ? "yes" : "no");

export function buildAiIncidentReport(s: PostmortemSnapshot, t: Taxonomies = TAXONOMIES) {
  const kinds = s.aiCauses.map((c) => c.kind);
  const context = {
    aiProvider: s.aiContext.provider,
    aiModel: s.aiContext.model,
    aiPromptVersion: s.aiContext.promptVersion,
    aiGuardrails: s.aiContext.guardrails,
    aiDataSnapshot: s.aiContext.dataSnapshot,
  };
  const suggestions = suggestTaxonomies(kinds, context, t);
  const metrics = computeMetrics(s.timeline, { overrides: s.metrics.overrides, notApplicable: s.metrics.notApplicable }).metrics;
  const harmLevel = highest([s.impact.customerLevel, s.impact.reputationalLevel, s.impact.dataSecurityLevel, s.impact.complianceLevel]);
  const harmTypes = [
    s.impact.customerLevel && s.impact.customerLevel !== "NONE" ? t.oecd.harmTypes.customer : null,
    s.metrics.revenueImpactMinor ? t.oecd.harmTypes.revenue : null,
    s.impact.reputationalLevel && s.impact.reputationalLevel !== "NONE" ? t.oecd.harmTypes.reputational : null,
    s.impact.dataSecurityLevel && s.impact.dataSecurityLevel !== "NONE" ? t.oecd.harmTypes.dataSecurity : null,
    s.impact.complianceLevel && s.impact.complianceLevel !== "NONE" ? t.oecd.harmTypes.compliance : null,
  ].filter((x): x is string => x !== null);
  const quantities = [
    s.metrics.usersAffected !== null ? `${s.metrics.usersAffected} users affected` : null,
    s.metrics.requestsAffected !== null ? `${s.metrics.requestsAffected} requests affected` : null,
  ]
    .filter(Boolean)
    .join("; ");

  return {
    format: AI_INCIDENT_REPORT_FORMAT,
    taxonomies: [t.atlas, t.aiid, t.oecd].map(({ taxonomy, source, sourceVersion, mappingVersion }) => ({
      taxonomy,
      source,
      sourceVersion,
      mappingVersion,
    })),
    incident: {
      id: s.incidentKey,
      title: s.incidentName,
      date: s.incidentDate?.toISOString() ?? null,
      severity: s.severity,
      summary: s.summary,
      externalSummary: s.customerFacing ? s.externalSummary : "",
      rootCause: s.rootCause,
      aiSystem: {
        provider: s.aiContext.provider,
        model: s.aiContext.model,
        promptVersion: s.aiContext.promptVersion,
        guardrails: s.aiContext.guardrails,
        dataSnapshot: s.aiContext.dataSnapshot,
        evalScoreBefore: s.aiContext.evalScoreBefore === null ? null : String(s.aiContext.evalScoreBefore),
        evalScoreAfter: s.aiContext.evalScoreAfter === null ? null : String(s.aiContext.evalScoreAfter),
      },
      aiCauses: s.aiCauses.map((c) => ({ kind: c.kind, evidence: c.evidence })),
      durationMinutes: metrics.find((m) => m.key === "duration")?.minutes ?? null,
    },
    mitreAtlas: { techniques: suggestions.atlas },
    aiid: {
      cset: {
        "AI System": "yes",
        "Clear link to technology": kinds.length > 0 ? "yes" : "maybe",
        "Harm Domain": harmLevel && harmLevel !== "NONE" ? "yes" : "no",
        "Tangible Harm": harmLevel ? t.aiid.tangibleHarm[harmLevel] : null,
        "Sector of Deployment": null,
        "Estimated Harm Quantities": quantities || null,
        "Special Interest Intangible Harm": yesNo(s.impact.dataSecurityLevel === "HIGH" || s.impact.complianceLevel === "HIGH"),
      },
      gmf: {
        "Known AI Goal": s.problemStatement || null,
        "Known AI Technology": suggestions.gmf.technologies,
        "Known AI Technical Failure": suggestions.gmf.knownTechnicalFailures,
        "Potential AI Technical Failure": suggestions.gmf.potentialTechnicalFailures,
      },
    },
    oecdAim: {
      Severity: s.severity ? t.oecd.severity[s.severity] : null,
      "Harm types": harmTypes.filter((v, i) => harmTypes.indexOf(v) === i),
      "Affected stakeholders": [t.oecd.stakeholders.always, ...(s.customerFacing ? [t.oecd.stakeholders.customerFacing] : [])],
      "AI principles": suggestions.oecdPrinciples,
      Industries: [] as string[],
      "Business functions": [] as string[],
      "AI system task": null,
    },
  };
}

export type AiIncidentReport = ReturnType<typeof buildAiIncidentReport>;
