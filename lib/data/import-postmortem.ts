import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canOrg, type Actor } from "@/lib/auth/permissions";
import { appendDocEvents } from "@/lib/data/doc-events";
import type { Tx } from "@/lib/data/access";
import { postmortemJsonSchema, type PostmortemJson } from "@/lib/validations/import";
import { isUniqueViolation } from "@/lib/db/unique-violation";

const KEY_TAKEN = "That Incident ID is already used by another postmortem.";

/** Parses an exported file; a bad file is a field message, never a 500. */
export function parsePostmortemJson(raw: string): PostmortemJson {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError("VALIDATION", { message: "That file is not valid JSON.", fieldErrors: { json: ["That file is not valid JSON."] } });
  }
  const parsed = postmortemJsonSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    const message = `The file does not match the export format (${where}${issue.message})`;
    throw new AppError("VALIDATION", { message, fieldErrors: { json: [message] } });
  }
  return parsed.data;
}

/** People are matched by name (case-insensitive) when exactly one active account carries it. */
async function userIdsByName(tx: Tx, names: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const users = await tx.user.findMany({
    where: { disabled: false, OR: wanted.map((name) => ({ name: { equals: name, mode: "insensitive" as const } })) },
    select: { id: true, name: true },
  });
  const byName = new Map<string, string[]>();
  for (const u of users) byName.set(u.name.trim().toLowerCase(), [...(byName.get(u.name.trim().toLowerCase()) ?? []), u.id]);
  return new Map([...byName].filter(([, ids]) => ids.length === 1).map(([name, ids]) => [name, ids[0]]));
}

const OVERRIDE_FIELDS = {
  detect: ["detectOverrideMin", "detectNotApplicable"],
  acknowledge: ["acknowledgeOverrideMin", "acknowledgeNotApplicable"],
  mitigate: ["mitigateOverrideMin", "mitigateNotApplicable"],
  resolve: ["resolveOverrideMin", "resolveNotApplicable"],
  duration: ["durationOverrideMin", "durationNotApplicable"],
} as const;

function metricColumns(times: PostmortemJson["keyMetrics"]["times"]) {
  const data: Record<string, number | boolean> = {};
  for (const t of times) {
    const [minutes, notApplicable] = OVERRIDE_FIELDS[t.key];
    if (t.source === "override" && t.minutes !== null) data[minutes] = t.minutes;
    if (t.source === "not_applicable") data[notApplicable] = true;
  }
  return data;
}

/**
 * Creates a new draft postmortem from a JSON export under a new Incident ID. Names are linked to
 * accounts where they match one person; otherwise participants stay free-text names and owners are
 * left for the team to choose. The importer becomes facilitator when the original one is not found.
 */
export async function importPostmortem(actor: Actor, input: { incidentKey: string; json: string }): Promise<{ id: string }> {
  if (!canOrg(actor, "createPostmortem")) throw new AppError("FORBIDDEN");
  const doc = parsePostmortemJson(input.json);
  try {
    return await getDb().$transaction(async (tx) => {
      if (await tx.postmortem.findUnique({ where: { incidentKey: input.incidentKey }, select: { id: true } })) {
        throw new AppError("INCIDENT_KEY_TAKEN", { fieldErrors: { incidentKey: [KEY_TAKEN] } });
      }
      const names = [
        doc.incident.facilitator ?? "",
        ...doc.incident.participants.map((p) => p.name),
        ...doc.correctiveActions.map((a) => a.owner ?? ""),
      ];
      const users = await userIdsByName(tx, names);
      const idOf = (name: string | null) => (name ? (users.get(name.trim().toLowerCase()) ?? null) : null);
      const team = doc.incident.team
        ? await tx.team.findFirst({ where: { name: { equals: doc.incident.team, mode: "insensitive" } }, select: { id: true } })
        : null;
      const facilitatorId = idOf(doc.incident.facilitator) ?? actor.id;
      const participants = new Map<
        string,
        { userId: string | null; name: string; role: PostmortemJson["incident"]["participants"][number]["role"] }
      >();
      participants.set(facilitatorId, { userId: facilitatorId, name: "", role: "FACILITATOR" });
      for (const p of doc.incident.participants) {
        const userId = idOf(p.name);
        if (userId && participants.has(userId)) continue;
        participants.set(userId ?? `name:${p.name}`, {
          userId,
          name: userId ? "" : p.name.trim(),
          role: userId === facilitatorId ? "FACILITATOR" : p.role === "FACILITATOR" ? "ATTENDEE" : p.role,
        });
      }
      const a = doc.aiContext;
      const i = doc.impactAssessment;
      const revenue = doc.keyMetrics.revenueImpact;
      const pm = await tx.postmortem.create({
        data: {
          incidentKey: input.incidentKey,
          incidentName: doc.incident.name,
          incidentDate: new Date(`${doc.incident.date}T00:00:00Z`),
          meetingDate: doc.incident.postmortemDate ? new Date(doc.incident.postmortemDate) : null,
          severity: doc.severity.value,
          teamId: team?.id ?? null,
          facilitatorId,
          createdById: actor.id,
          summary: doc.summary,
          usersAffected: doc.keyMetrics.usersAffected,
          requestsAffected: doc.keyMetrics.requestsAffected,
          revenueImpactMinor: revenue ? BigInt(revenue.minor) : null,
          revenueCurrency: revenue?.currency ?? "GBP",
          slaBreached: doc.keyMetrics.slaBreached,
          ...metricColumns(doc.keyMetrics.times),
          problemStatement: doc.rootCauseAnalysis.problem,
          rootCause: doc.rootCauseAnalysis.rootCause,
          rootCauseCategory: doc.rootCauseAnalysis.category,
          lessonsWentWell: doc.lessonsLearned.wentWell,
          lessonsCouldImprove: doc.lessonsLearned.couldImprove,
          lessonsDoDifferently: doc.lessonsLearned.doDifferently,
          aiProvider: a.provider,
          aiModel: a.model,
          aiPromptVersion: a.promptVersion,
          aiGuardrails: a.guardrails,
          aiDataSnapshot: a.dataSnapshot,
          evalScoreBefore: a.evalScoreBefore,
          evalScoreAfter: a.evalScoreAfter,
          customerFacing: doc.customerFacing,
          externalSummary: doc.externalSummary.whatHappened,
          externalWhatWeDid: doc.externalSummary.whatWeDid,
          externalPrevention: doc.externalSummary.prevention,
          participants: { create: [...participants.values()] },
          timeline: {
            create: doc.timeline.map((r, n) => ({
              occurredAt: r.time ? new Date(r.time) : null,
              event: r.event,
              actor: r.actor,
              notes: r.notes,
              milestone: r.milestone,
              kind: r.kind ?? "NOTE",
              orderKey: (n + 1) * 1000,
            })),
          },
          whys: { create: doc.rootCauseAnalysis.whys.map((text, n) => ({ position: n + 1, text })) },
          factors: {
            create: doc.contributingFactors.map((f, n) => ({ category: f.category, description: f.description, position: n + 1 })),
          },
          aiCauses: { create: doc.aiSpecificRootCauses.map((c) => ({ kind: c.kind, evidence: c.evidence })) },
          impact: {
            create: {
              customerLevel: i.customer.level,
              customerDetail: i.customer.detail,
              revenueDetail: i.revenue.detail,
              reputationalLevel: i.reputational.level,
              reputationalDetail: i.reputational.detail,
              dataSecurityLevel: i.dataSecurity.level,
              dataSecurityDetail: i.dataSecurity.detail,
              complianceLevel: i.compliance.level,
              complianceDetail: i.compliance.detail,
            },
          },
          actions: {
            create: doc.correctiveActions.map((c) => ({
              number: c.number,
              horizon: c.horizon,
              action: c.action,
              ownerId: idOf(c.owner),
              deadline: c.deadline ? new Date(`${c.deadline}T00:00:00Z`) : null,
              status: c.status,
              wontDoReason: c.wontDoReason,
              ticket: c.ticket,
              completedAt: c.completedAt ? new Date(c.completedAt) : null,
            })),
          },
        },
        select: { id: true },
      });
      await appendDocEvents(tx, pm.id, actor.id, [
        {
          entity: "postmortem",
          entityId: pm.id,
          field: null,
          after: { incidentKey: input.incidentKey, incidentName: doc.incident.name, importedFrom: doc.incident.id },
        },
      ]);
      return pm;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("INCIDENT_KEY_TAKEN", { fieldErrors: { incidentKey: [KEY_TAKEN] } });
    }
    throw error;
  }
}
