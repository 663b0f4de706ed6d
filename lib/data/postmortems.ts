import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canOrg, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Severity } from "@/lib/generated/prisma/enums";
import { appendDocEvents } from "@/lib/data/doc-events";
import { TEMPLATE_TIMELINE_ROWS, TEMPLATE_WHY_COUNT, TEMPLATE_FACTOR_CATEGORIES } from "@/lib/domain/template";
import { isUniqueViolation } from "@/lib/db/unique-violation";

/** Postmortems the actor may see: all for admins, otherwise unrestricted ones plus those they are part of. */
export function visibleWhere(actor: Actor): Prisma.PostmortemWhereInput {
  if (canOrg(actor, "viewAllRestricted")) return { deletedAt: null };
  return {
    deletedAt: null,
    OR: [{ restricted: false }, { facilitatorId: actor.id }, { createdById: actor.id }, { participants: { some: { userId: actor.id } } }],
  };
}

/** The next free INC-YYYY-NNNN for the incident's year. */
export async function suggestIncidentKey(year = new Date().getUTCFullYear()): Promise<string> {
  const prefix = `INC-${year}-`;
  const rows = await getDb().postmortem.findMany({
    where: { incidentKey: { startsWith: prefix } },
    select: { incidentKey: true },
  });
  const max = rows.reduce((m, r) => {
    const n = Number(r.incidentKey.slice(prefix.length));
    return Number.isInteger(n) && n > m ? n : m;
  }, 0);
  return `${prefix}${String(max + 1).padStart(4, "0")}`;
}

export type CreatePostmortemData = {
  incidentKey: string;
  incidentName: string;
  incidentDate: Date;
  severity: Severity;
  teamId: string | null;
  facilitatorId: string | null;
};

/** Creates a postmortem pre-filled from the template: milestone timeline rows, five whys, one factor per category. */
export async function createPostmortem(actor: Actor, input: CreatePostmortemData): Promise<{ id: string }> {
  if (!canOrg(actor, "createPostmortem")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const fieldErrors: Record<string, string[]> = {};
  const [existing, team, facilitator] = await Promise.all([
    db.postmortem.findUnique({ where: { incidentKey: input.incidentKey }, select: { id: true } }),
    input.teamId ? db.team.findUnique({ where: { id: input.teamId }, select: { id: true } }) : null,
    input.facilitatorId ? db.user.findFirst({ where: { id: input.facilitatorId, disabled: false }, select: { id: true } }) : null,
  ]);
  if (existing) fieldErrors.incidentKey = ["That Incident ID is already used by another postmortem."];
  if (input.teamId && !team) fieldErrors.teamId = ["Choose a team from the list."];
  if (input.facilitatorId && !facilitator) fieldErrors.facilitatorId = ["Choose an active user as facilitator."];
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", { fieldErrors });

  const facilitatorId = input.facilitatorId ?? actor.id;
  try {
    return await db.$transaction(async (tx) => {
      const pm = await tx.postmortem.create({
        data: {
          incidentKey: input.incidentKey,
          incidentName: input.incidentName,
          incidentDate: input.incidentDate,
          severity: input.severity,
          teamId: input.teamId,
          facilitatorId,
          createdById: actor.id,
          participants: { create: [{ userId: facilitatorId, role: "FACILITATOR" }] },
          timeline: {
            create: TEMPLATE_TIMELINE_ROWS.map((row, i) => ({
              event: row.event,
              actor: row.actor,
              milestone: row.milestone,
              kind: row.kind,
              orderKey: (i + 1) * 1000,
            })),
          },
          whys: { create: Array.from({ length: TEMPLATE_WHY_COUNT }, (_, i) => ({ position: i + 1 })) },
          factors: { create: TEMPLATE_FACTOR_CATEGORIES.map((category, i) => ({ category, position: i + 1 })) },
          impact: { create: {} },
        },
        select: { id: true },
      });
      await appendDocEvents(tx, pm.id, actor.id, [
        { entity: "postmortem", entityId: pm.id, field: null, after: { incidentKey: input.incidentKey, incidentName: input.incidentName } },
      ]);
      return pm;
    });
  } catch (error) {
    // Two people creating the same key at the same moment: the unique index decides.
    if (isUniqueViolation(error)) {
      throw new AppError("INCIDENT_KEY_TAKEN", {
        fieldErrors: { incidentKey: ["That Incident ID is already used by another postmortem."] },
      });
    }
    throw error;
  }
}

export async function listTeams(): Promise<{ id: string; name: string }[]> {
  return getDb().team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
