import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AiCauseKind } from "@/lib/generated/prisma/enums";
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
 * Only restricted postmortems are read into it (the only rows that consult it), so each check compares a few
 * ids, not the hundreds of postmortems a long-standing facilitator took part in.
 * `row` is the postmortem's alias (fixed text from this file), `p` unless given.
 */
export function visibleSql(actor: Actor, row: Prisma.Sql = sql`p`): Prisma.Sql {
  if (canOrg(actor, "viewAllRestricted")) return sql`${row}."deletedAt" IS NULL`;
  return sql`${row}."deletedAt" IS NULL AND (NOT ${row}."restricted" OR ${row}."facilitatorId" = ${actor.id} OR ${row}."createdById" = ${actor.id}
    OR ${row}."id" = ANY (ARRAY(SELECT pa."postmortemId" FROM "Participant" pa JOIN "Postmortem" rp ON rp."id" = pa."postmortemId"
      WHERE pa."userId" = ${actor.id} AND rp."restricted")))`;
}

/**
 * The complement of visibleSql: the postmortems hidden from the actor (deleted, or restricted and not theirs).
 * They are few, so a statement that needs nothing of the postmortem but its visibility can exclude them by id
 * (a hashed NOT IN over a bitmap of two small indexes) instead of joining every row to its postmortem.
 * `IS NOT TRUE`, not `NOT`: a restricted postmortem without a facilitator makes visibleSql NULL, not false.
 */
export function hiddenSql(actor: Actor, row: Prisma.Sql = sql`p`): Prisma.Sql {
  return sql`(${row}."deletedAt" IS NOT NULL OR ${row}."restricted") AND (${visibleSql(actor, row)}) IS NOT TRUE`;
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

/** Corrective actions `ca` still to do: open or in progress (the statuses the partial indexes on unfinished actions name). */
export const unfinishedActionSql = sql`ca."status" IN ('OPEN', 'IN_PROGRESS')`;

/** Unfinished actions `ca` past their deadline on `day` (deadlines.isActionOverdue). */
export const overdueActionSql = (day: Date) => sql`${unfinishedActionSql} AND ca."deadline" < ${daySql(day)}`;

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
  // AI causes and written factor categories as the triggers of migration 20261201191000 keep them on the row
  // (written factors only: the template starts every postmortem with one empty factor per category).
  if (f.aiCause) parts.push(sql`p."aiCauseKinds" @> ARRAY[${f.aiCause}::"AiCauseKind"]`);
  if (f.factor) parts.push(sql`p."factorCategories" @> ARRAY[${f.factor}::"FactorCategory"]`);
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
 * The possible recurrences (recurrence.isPossibleRecurrence) among the postmortems `where` selects (visible ones),
 * one row per postmortem with its id and incident date: an earlier, published, visible postmortem on the same AI
 * system shares one of its AI causes. That is: its incident date is after the first published one's for one of
 * its (system, cause) pairs. One grouped pass over the published postmortems finds, per AI system, the first
 * date of each cause (one column per kind of AI cause, from the trigger-kept kinds of migration 20261201191000);
 * a hash join on the system then gives each postmortem its system's row, and a plain expression compares its
 * causes with it. No pairwise join, no read of the AI causes themselves, no per-row subquery, no duplicates.
 */
export function possibleRecurrencesSql(actor: Actor, where: Prisma.Sql): Prisma.Sql {
  const kinds = Object.values(AiCauseKind).map((kind, i) => ({
    kind: sql`ARRAY[${kind}::"AiCauseKind"]`,
    first: Prisma.raw(`"first${i}"`),
  }));
  const firsts = kinds.map((k) => sql`min(q."incidentDate") FILTER (WHERE q."aiCauseKinds" @> ${k.kind}) AS ${k.first}`);
  const shared = kinds.map((k) => sql`(p."aiCauseKinds" @> ${k.kind} AND p."incidentDate" > rfp.${k.first})`);
  return sql`(SELECT p."id", p."incidentDate" FROM "Postmortem" p
    JOIN (SELECT q."aiSystemKey" AS "key", ${Prisma.join(firsts)} FROM "Postmortem" q
      WHERE ${visibleSql(actor, sql`q`)} AND q."status" = 'PUBLISHED' AND q."aiSystemKey" IS NOT NULL GROUP BY 1) rfp
      ON rfp."key" = ${aiSystemKeySql}
    WHERE ${where} AND (${Prisma.join(shared, " OR ")}))`;
}

/**
 * The same rule as possibleRecurrencesSql for one postmortem `p` at a time, for a few rows (the report's postmortems
 * created in a week): an index over published postmortems by AI system and date, carrying their cause kinds,
 * finds the earlier ones on the same system that share a cause (and that the actor may see).
 */
export function isRepeatSql(actor: Actor): Prisma.Sql {
  return sql`EXISTS (SELECT 1 FROM "Postmortem" q
    WHERE q."aiSystemKey" = p."aiSystemKey" AND q."status" = 'PUBLISHED' AND q."incidentDate" < p."incidentDate"
      AND q."aiCauseKinds" && p."aiCauseKinds" AND ${visibleSql(actor, sql`q`)})`;
}
