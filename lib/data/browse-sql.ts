import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { canOrg, type Actor } from "@/lib/auth/permissions";
import { SEVERITIES, reviewPolicyFor, reviewTypeFor } from "@/lib/domain/severity-policy";
import { REVIEW_WINDOW_HOURS } from "@/lib/domain/deadlines";
import { addUtcDays, parseIsoDay, toIsoDay } from "@/lib/domain/dates";
import type { BrowseFilters } from "@/lib/validations/browse";

// SQL fragments shared by every managers' query (list, overview, insights, tracker, report, similar).
// All of them read the postmortem as alias `p`. Values are always bound parameters; the only raw SQL
// is fixed text from this file.

const sql = Prisma.sql;

/**
 * The same rule as permissions.can(…, "view"): admins see everything; others see unrestricted
 * postmortems and restricted ones they facilitate, created or take part in. Deleted ones never show.
 * The postmortems the actor takes part in are read once per statement (an uncorrelated ARRAY(…)), not as a
 * correlated EXISTS: PostgreSQL runs that EXISTS hashed but costs it per row, which made every plan over
 * many postmortems look ~30 times dearer than it is and pushed it to row-by-row lookups of the wide rows.
 * `row` is the postmortem's alias (fixed text from this file), `p` unless given.
 */
export function visibleSql(actor: Actor, row: Prisma.Sql = sql`p`): Prisma.Sql {
  if (canOrg(actor, "viewAllRestricted")) return sql`${row}."deletedAt" IS NULL`;
  return sql`${row}."deletedAt" IS NULL AND (NOT ${row}."restricted" OR ${row}."facilitatorId" = ${actor.id} OR ${row}."createdById" = ${actor.id}
    OR ${row}."id" = ANY (ARRAY(SELECT pa."postmortemId" FROM "Participant" pa WHERE pa."userId" = ${actor.id})))`;
}

const severitiesWhere = (keep: (s: (typeof SEVERITIES)[number]["value"]) => boolean) => SEVERITIES.map((s) => s.value).filter(keep);

/**
 * Earliest RESOLVED time, else the incident date: the start of the 48-hour clock (deadlines.reviewDueAt).
 * "resolvedAt" and the other milestone columns are kept by triggers on the timeline (migration 20261201160000).
 */
export const reviewDueSql = sql`(coalesce(p."resolvedAt", p."incidentDate") + make_interval(hours => ${REVIEW_WINDOW_HOURS}))`;

/** Severities that have a review meeting and so a 48-hour clock (all but Low). */
export const CLOCKED_SEVERITIES = severitiesWhere((s) => reviewPolicyFor(s).meetingExpected);

/** No meeting yet, not published, and past the 48 hours: deadlines.reviewClock's "overdue". */
export function reviewOverdueSql(now: Date): Prisma.Sql {
  return sql`(${severityInSql(CLOCKED_SEVERITIES)} AND p."status" <> 'PUBLISHED'
    AND p."meetingDate" IS NULL AND ${reviewDueSql} <= ${now.toISOString()}::timestamp(3))`;
}

/** `p."severity" IN (…)` with enum-typed parameters, so indexes and statistics on the column apply. */
export function severityInSql(severities: readonly string[]): Prisma.Sql {
  return sql`p."severity" IN (${Prisma.join(severities.map((s) => sql`${s}::"Severity"`))})`;
}

/** A UTC day as a bound date parameter. */
export const daySql = (d: Date) => sql`${toIsoDay(d)}::date`;

/**
 * Has unfinished actions (open or in progress), or unfinished actions past their deadline on `overdueOn`:
 * conditions on the trigger-kept "openActionCount" and "nextOpenDeadline" (earliest unfinished deadline).
 */
export function openActionsSql(overdueOn?: Date): Prisma.Sql {
  return overdueOn ? sql`p."nextOpenDeadline" < ${daySql(overdueOn)}` : sql`p."openActionCount" > 0`;
}

export function searchQuerySql(q: string): Prisma.Sql {
  return sql`websearch_to_tsquery('english', ${q})`;
}

/** Every filter of the managers' views as one AND-ed condition on `p`, visibility included. */
export function browseWhereSql(actor: Actor, f: BrowseFilters, now: Date): Prisma.Sql {
  const parts: Prisma.Sql[] = [visibleSql(actor)];
  if (f.q) parts.push(sql`p."searchVector" @@ ${searchQuerySql(f.q)}`);
  if (f.severity) parts.push(sql`p."severity" = ${f.severity}::"Severity"`);
  if (f.status) parts.push(sql`p."status" = ${f.status}::"PostmortemStatus"`);
  if (f.teamId) parts.push(sql`p."teamId" = ${f.teamId}`);
  if (f.facilitatorId) parts.push(sql`p."facilitatorId" = ${f.facilitatorId}`);
  if (f.review) parts.push(severityInSql(severitiesWhere((s) => reviewTypeFor(s) === f.review)));
  if (f.aiCause) {
    parts.push(sql`EXISTS (SELECT 1 FROM "AiCause" ac WHERE ac."postmortemId" = p."id" AND ac."kind" = ${f.aiCause}::"AiCauseKind")`);
  }
  if (f.factor) {
    // The template starts every postmortem with one empty factor per category: only written ones count.
    parts.push(sql`EXISTS (SELECT 1 FROM "ContributingFactor" cf WHERE cf."postmortemId" = p."id"
      AND cf."category" = ${f.factor}::"FactorCategory" AND btrim(cf."description") <> '')`);
  }
  if (f.tag) parts.push(sql`EXISTS (SELECT 1 FROM "PostmortemTag" pt WHERE pt."postmortemId" = p."id" AND pt."tag" = ${f.tag})`);
  if (f.from) parts.push(sql`p."incidentDate" >= ${f.from}::timestamp(3)`);
  if (f.to) parts.push(sql`p."incidentDate" < ${toIsoDay(addUtcDays(parseIsoDay(f.to)!, 1))}::timestamp(3)`);
  if (f.reviewOverdue) parts.push(reviewOverdueSql(now));
  if (f.actions === "open") parts.push(openActionsSql());
  if (f.actions === "overdue") parts.push(openActionsSql(now));
  return Prisma.join(parts, " AND ");
}

export type KeysetColumn = { expr: Prisma.Sql; desc: boolean; cast: Prisma.Sql };

/**
 * "After this row" for a multi-column ORDER BY with mixed directions:
 * (c1 beyond v1) OR (c1 = v1 AND c2 beyond v2) OR …
 */
export function keysetSql(columns: KeysetColumn[], values: string[]): Prisma.Sql {
  const alternatives = columns.map((col, i) => {
    const equal = columns.slice(0, i).map((c, j) => sql`${c.expr} = ${values[j]}::${c.cast}`);
    const beyond = col.desc ? sql`${col.expr} < ${values[i]}::${col.cast}` : sql`${col.expr} > ${values[i]}::${col.cast}`;
    return sql`(${Prisma.join([...equal, beyond], " AND ")})`;
  });
  return sql`(${Prisma.join(alternatives, " OR ")})`;
}

/**
 * recurrence.aiSystemKey in SQL: provider/model when the model is recorded, else the team. A stored
 * generated column (migration 20261201160000) with the same normalisation (trimmed, spaces collapsed, lower case).
 */
export const aiSystemKeySql = sql`p."aiSystemKey"`;

/**
 * Joined to `"Postmortem" p` (visible rows), keeps the possible recurrences (recurrence.isPossibleRecurrence):
 * an earlier, published, visible postmortem on the same AI system shares one of its AI causes. That is: its
 * incident date is after the first published one's for one of its (system, cause) pairs. One grouped pass
 * finds that date per pair (a few hundred pairs) and hash joins compare each cause against it: no pairwise
 * join, no window sort. A postmortem can match through several causes, so callers count DISTINCT ids.
 */
export function repeatJoinSql(actor: Actor): Prisma.Sql {
  return sql`JOIN "AiCause" rac ON rac."postmortemId" = p."id"
    JOIN (SELECT ${aiSystemKeySql} AS "key", ac."kind", min(p."incidentDate") AS "first"
      FROM "Postmortem" p JOIN "AiCause" ac ON ac."postmortemId" = p."id"
      WHERE ${visibleSql(actor)} AND p."status" = 'PUBLISHED' AND ${aiSystemKeySql} IS NOT NULL GROUP BY 1, 2) rfp
      ON rfp."key" = ${aiSystemKeySql} AND rfp."kind" = rac."kind" AND p."incidentDate" > rfp."first"`;
}

/**
 * The same rule as repeatJoinSql for one postmortem `p` at a time, for a few rows (the report's postmortems
 * created in a week): an index over published postmortems by AI system and date finds the earlier ones on the
 * same system, and the first that shares a cause (and that the actor may see) answers.
 */
export function isRepeatSql(actor: Actor): Prisma.Sql {
  return sql`EXISTS (SELECT 1 FROM "AiCause" rac JOIN "AiCause" qc ON qc."kind" = rac."kind"
      JOIN "Postmortem" q ON q."id" = qc."postmortemId"
    WHERE rac."postmortemId" = p."id" AND q."aiSystemKey" = p."aiSystemKey" AND q."status" = 'PUBLISHED'
      AND q."incidentDate" < p."incidentDate" AND ${visibleSql(actor, sql`q`)})`;
}
