import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { ActionHorizon, ActionStatus, AiCauseKind, FactorCategory, PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { assertCan, loadAccess } from "@/lib/data/access";
import { computeMetrics, type Metric } from "@/lib/domain/metrics";
import { isActionOverdue } from "@/lib/domain/deadlines";
import { toIsoDay } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";

export type Comparable = {
  id: string;
  incidentKey: string;
  incidentName: string;
  severity: Severity;
  status: PostmortemStatus;
  incidentDate: string;
  teamName: string | null;
  facilitatorName: string | null;
  aiSystem: string;
  summary: string;
  rootCause: string;
  metrics: Metric[];
  aiCauses: { kind: AiCauseKind; evidence: string }[];
  factors: { category: FactorCategory; description: string }[];
  actions: {
    id: string;
    number: number;
    horizon: ActionHorizon;
    action: string;
    status: ActionStatus;
    deadline: string | null;
    ownerName: string | null;
    overdue: boolean;
  }[];
};

/** One side of the compare view, by id or Incident ID; a postmortem the actor may not see is NOT_FOUND. */
export async function getComparable(actor: Actor, idOrKey: string, now = new Date()): Promise<Comparable> {
  const db = getDb();
  const found = await db.postmortem.findFirst({
    where: { deletedAt: null, OR: [{ id: idOrKey }, { incidentKey: idOrKey.toUpperCase() }] },
    select: { id: true },
  });
  if (!found) throw new AppError("NOT_FOUND");
  assertCan(actor, "view", await loadAccess(db, found.id));
  const p = await db.postmortem.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      team: { select: { name: true } },
      facilitator: { select: { name: true } },
      aiCauses: { orderBy: { kind: "asc" } },
      factors: { orderBy: { position: "asc" } },
      actions: { where: { deletedAt: null }, orderBy: { number: "asc" }, include: { owner: { select: { name: true } } } },
      timeline: { where: { deletedAt: null, milestone: { not: null } }, select: { occurredAt: true, milestone: true } },
    },
  });
  const { metrics } = computeMetrics(p.timeline, {
    overrides: {
      detect: p.detectOverrideMin,
      acknowledge: p.acknowledgeOverrideMin,
      mitigate: p.mitigateOverrideMin,
      resolve: p.resolveOverrideMin,
      duration: p.durationOverrideMin,
    },
    notApplicable: {
      detect: p.detectNotApplicable,
      acknowledge: p.acknowledgeNotApplicable,
      mitigate: p.mitigateNotApplicable,
      resolve: p.resolveNotApplicable,
      duration: p.durationNotApplicable,
    },
  });
  return {
    id: p.id,
    incidentKey: p.incidentKey,
    incidentName: p.incidentName,
    severity: p.severity,
    status: p.status,
    incidentDate: toIsoDay(p.incidentDate),
    teamName: p.team?.name ?? null,
    facilitatorName: p.facilitator?.name ?? null,
    aiSystem: [p.aiProvider, p.aiModel, p.aiPromptVersion && `prompt ${p.aiPromptVersion}`].filter(Boolean).join(" · "),
    summary: p.summary,
    rootCause: p.rootCause,
    metrics,
    aiCauses: p.aiCauses.map((c) => ({ kind: c.kind, evidence: c.evidence })),
    factors: p.factors.filter((f) => f.description.trim() !== "").map((f) => ({ category: f.category, description: f.description })),
    actions: p.actions.map((a) => ({
      id: a.id,
      number: a.number,
      horizon: a.horizon,
      action: a.action,
      status: a.status,
      deadline: a.deadline ? toIsoDay(a.deadline) : null,
      ownerName: a.owner?.name ?? null,
      overdue: isActionOverdue(a, now),
    })),
  };
}
