import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import type { AiCauseKind, PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { assertCan, loadAccess } from "@/lib/data/access";
import { aiSystemKeySql, visibleSql } from "@/lib/data/browse-sql";
import { aiSystemKey, similarityScore, type RecurrenceCandidate } from "@/lib/domain/recurrence";
import { toIsoDay } from "@/lib/domain/dates";

const sql = Prisma.sql;

type Candidate = RecurrenceCandidate & { incidentKey: string; incidentName: string; severity: Severity; status: PostmortemStatus };
export type RelatedPostmortem = {
  id: string;
  incidentKey: string;
  incidentName: string;
  severity: Severity;
  status: PostmortemStatus;
  incidentDate: string;
  sharedCauses: AiCauseKind[];
};
export type EarlierRecurrence = RelatedPostmortem & {
  completedActions: { id: string; number: number; action: string; completedAt: string | null }[];
};
export type Related = { earlier: EarlierRecurrence[]; later: RelatedPostmortem[]; similar: (RelatedPostmortem & { score: number })[] };

const LIMIT = 5;
const candidateCols = sql`p."id", p."incidentKey", p."incidentName", p."severity", p."status", p."incidentDate", p."teamId", p."aiProvider", p."aiModel",
  p."aiCauseKinds"::text[] AS "aiCauses"`;

function toRelated(c: Candidate, self: Candidate): RelatedPostmortem {
  return {
    id: c.id,
    incidentKey: c.incidentKey,
    incidentName: c.incidentName,
    severity: c.severity,
    status: c.status,
    incidentDate: toIsoDay(c.incidentDate),
    sharedCauses: c.aiCauses.filter((k) => self.aiCauses.includes(k)),
  };
}

/**
 * Possible recurrences both ways (earlier published ones this may repeat, with their completed actions
 * as "did not prevent this?", and later ones that may repeat this), and similar past postmortems.
 * Only postmortems the actor may see are considered.
 */
export async function getRelated(actor: Actor, postmortemId: string): Promise<Related> {
  const db = getDb();
  assertCan(actor, "view", await loadAccess(db, postmortemId));
  const [self] = await db.$queryRaw<Candidate[]>`SELECT ${candidateCols} FROM "Postmortem" p WHERE p."id" = ${postmortemId}`;
  const key = aiSystemKey(self);
  const visible = visibleSql(actor);
  // The trigger-kept cause kinds on each row (migration 20261201191000), as recurrence.isPossibleRecurrence compares them.
  const sharesCause =
    self.aiCauses.length > 0
      ? sql`p."aiCauseKinds" && ARRAY[${Prisma.join(self.aiCauses.map((kind) => sql`${kind}::"AiCauseKind"`))}]`
      : sql`false`;
  const sameSystem = key ? sql`${aiSystemKeySql} = ${key}` : sql`false`;
  const words = `${self.incidentName}`.slice(0, 300);
  const textQuery = sql`replace(plainto_tsquery('english', ${words})::text, '&', '|')`;

  const [earlier, later, pool] = await Promise.all([
    db.$queryRaw<Candidate[]>`SELECT ${candidateCols} FROM "Postmortem" p WHERE ${visible} AND p."id" <> ${postmortemId}
      AND p."status" = 'PUBLISHED' AND p."incidentDate" < ${self.incidentDate} AND ${sameSystem} AND ${sharesCause}
      ORDER BY p."incidentDate" DESC LIMIT ${LIMIT}`,
    self.status === "PUBLISHED"
      ? db.$queryRaw<Candidate[]>`SELECT ${candidateCols} FROM "Postmortem" p WHERE ${visible} AND p."id" <> ${postmortemId}
          AND p."incidentDate" > ${self.incidentDate} AND ${sameSystem} AND ${sharesCause} ORDER BY p."incidentDate" ASC LIMIT ${LIMIT}`
      : Promise.resolve([] as Candidate[]),
    db.$queryRaw<(Candidate & { rank: number })[]>`SELECT ${candidateCols},
        CASE WHEN ${textQuery} = '' THEN 0 ELSE ts_rank(p."searchVector", to_tsquery('english', ${textQuery})) END AS "rank"
      FROM "Postmortem" p WHERE ${visible} AND p."id" <> ${postmortemId} AND p."incidentDate" <= ${self.incidentDate}
        AND (${sameSystem} OR ${sharesCause} OR (${textQuery} <> '' AND p."searchVector" @@ to_tsquery('english', ${textQuery})))
      ORDER BY ((${sameSystem})::int * 2 + (${sharesCause})::int * 2) DESC, p."incidentDate" DESC LIMIT 60`,
  ]);
  const completed = earlier.length
    ? await db.correctiveAction.findMany({
        where: { postmortemId: { in: earlier.map((e) => e.id) }, status: "DONE", deletedAt: null },
        select: { id: true, number: true, action: true, completedAt: true, postmortemId: true },
        orderBy: [{ postmortemId: "asc" }, { number: "asc" }],
      })
    : [];
  const recurrenceIds = new Set([...earlier, ...later].map((c) => c.id));
  const similar = pool
    .filter((c) => !recurrenceIds.has(c.id))
    .map((c) => ({ ...toRelated(c, self), score: similarityScore(self, c, c.rank) }))
    .filter((c) => c.score >= 1)
    .sort((a, b) => b.score - a.score || b.incidentDate.localeCompare(a.incidentDate))
    .slice(0, LIMIT);
  return {
    earlier: earlier.map((e) => ({
      ...toRelated(e, self),
      completedActions: completed
        .filter((a) => a.postmortemId === e.id)
        .map((a) => ({ id: a.id, number: a.number, action: a.action, completedAt: a.completedAt ? toIsoDay(a.completedAt) : null })),
    })),
    later: later.map((l) => toRelated(l, self)),
    similar,
  };
}
