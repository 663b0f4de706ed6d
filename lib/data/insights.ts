import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import type { ActionHorizon, AiCauseKind, FactorCategory, Severity } from "@/lib/generated/prisma/enums";
import {
  CLOCKED_SEVERITIES,
  severityInSql,
  browseWhereSql,
  daySql,
  overdueActionSql,
  possibleRecurrencesSql,
  reviewDueSql,
  unfinishedActionSql,
} from "@/lib/data/browse-sql";
import { SEVERITIES } from "@/lib/domain/severity-policy";
import { browseFiltersSchema, type BrowseFiltersInput } from "@/lib/validations/browse";

const sql = Prisma.sql;

export type MonthSeverity = { month: string; severity: Severity; count: number };
export type MonthMetrics = {
  month: string;
  detect: number | null;
  acknowledge: number | null;
  mitigate: number | null;
  resolve: number | null;
};
export type MonthReview = { month: string; held: number; within: number };
export type HorizonFollowThrough = {
  horizon: ActionHorizon;
  total: number;
  open: number;
  overdue: number;
  done: number;
  wontDo: number;
  medianDaysLate: number | null;
};
export type Insights = {
  total: number;
  perMonth: MonthSeverity[];
  metrics: MonthMetrics[];
  aiCauses: { kind: AiCauseKind; count: number }[];
  factors: { category: FactorCategory; count: number }[];
  reviews: MonthReview[];
  followThrough: HorizonFollowThrough[];
  repeats: { month: string; count: number }[];
};

/**
 * Whole minutes of one time metric, mirroring metrics.computeMetrics: N/A, then override, then derived from
 * the postmortem's trigger-kept milestone columns (earliest timed row per milestone).
 */
function metricSql(key: string, from: string, to: string): Prisma.Sql {
  const na = Prisma.raw(`f."${key}NotApplicable"`);
  const override = Prisma.raw(`f."${key}OverrideMin"`);
  const a = Prisma.raw(`f."${from}"`);
  const b = Prisma.raw(`f."${to}"`);
  return sql`CASE WHEN ${na} THEN NULL WHEN ${override} >= 0 THEN ${override}::float8
    WHEN ${b} >= ${a} THEN floor(extract(epoch FROM ${b} - ${a}) / 60) END`;
}

/** Month of the incident: grouped and ordered as a timestamp (not as text, which sorts by collation), shown as YYYY-MM. */
const MONTH_START = sql`date_trunc('month', f."incidentDate")`;
const MONTH = sql`to_char(${MONTH_START}, 'YYYY-MM')`;

/** Every figure of the insights page over the postmortems the filters select, restricted ones included only for those who may see them. */
export async function getInsights(actor: Actor, input: BrowseFiltersInput, now = new Date()): Promise<Insights> {
  const db = getDb();
  const where = browseWhereSql(actor, browseFiltersSchema.parse(input), now);
  const f = sql`(SELECT p.* FROM "Postmortem" p WHERE ${where})`;
  const nowTs = sql`${now.toISOString()}::timestamp(3)`;
  const today = daySql(now);
  const clocked = severityInSql(CLOCKED_SEVERITIES);
  // One pass per month gives the incidents by severity, the median times and the reviews held: with the
  // filters' postmortems scanned once instead of three times, the page's statements share the cores better.
  const [months, aiCauses, factors, followThrough, repeats] = await Promise.all([
    db.$queryRaw<(MonthMetrics & MonthReview & { bySeverity: number[] })[]>`SELECT ${MONTH} AS "month",
        ARRAY[${Prisma.join(SEVERITIES.map((s) => sql`count(*) FILTER (WHERE f."severity" = ${s.value}::"Severity")::int`))}] AS "bySeverity",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${metricSql("detect", "firstOccurrenceAt", "detectedAt")}) AS "detect",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${metricSql("acknowledge", "detectedAt", "acknowledgedAt")}) AS "acknowledge",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${metricSql("mitigate", "detectedAt", "mitigatedAt")}) AS "mitigate",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${metricSql("resolve", "detectedAt", "resolvedAt")}) AS "resolve",
        count(*) FILTER (WHERE f."clocked" AND f."heldAt" IS NOT NULL)::int AS "held",
        count(*) FILTER (WHERE f."clocked" AND f."heldAt" <= f."dueAt")::int AS "within"
      FROM (SELECT p.*, ${clocked} AS "clocked", ${reviewDueSql} AS "dueAt",
          CASE WHEN p."meetingDate" <= ${nowTs} THEN p."meetingDate" ELSE p."publishedAt" END AS "heldAt"
        FROM "Postmortem" p WHERE ${where}) f
      GROUP BY ${MONTH_START} ORDER BY ${MONTH_START}`,
    db.$queryRaw<{ kind: AiCauseKind; count: number }[]>`SELECT k."kind", count(*)::int AS "count"
      FROM ${f} f CROSS JOIN LATERAL unnest(f."aiCauseKinds") AS k("kind") GROUP BY 1 ORDER BY 2 DESC, 1`,
    db.$queryRaw<{ category: FactorCategory; count: number }[]>`SELECT c."category", count(*)::int AS "count"
      FROM ${f} f CROSS JOIN LATERAL unnest(f."factorCategories") AS c("category") GROUP BY 1 ORDER BY 1`,
    // Days late take a few hundred distinct values: the median comes from a histogram per horizon (hashed, then
    // a running count over its few hundred rows) instead of sorting every action of every selected postmortem.
    db.$queryRaw<HorizonFollowThrough[]>`WITH h AS (
        SELECT ca."horizon", ca."status", ${unfinishedActionSql} AS "unfinished", ${overdueActionSql(now)} AS "overdue", CASE
            WHEN ca."status" = 'DONE' AND ca."completedAt"::date > ca."deadline" THEN ca."completedAt"::date - ca."deadline"
            WHEN ${overdueActionSql(now)} THEN ${today} - ca."deadline" END AS "daysLate",
          count(*) AS "n"
        FROM "CorrectiveAction" ca JOIN ${f} f ON f."id" = ca."postmortemId" WHERE ca."deletedAt" IS NULL GROUP BY 1, 2, 3, 4, 5),
      late AS (
        SELECT "horizon", "daysLate", (sum("n") OVER (PARTITION BY "horizon" ORDER BY "daysLate"))::bigint AS "upTo",
          (sum("n") OVER (PARTITION BY "horizon"))::bigint AS "all"
        FROM (SELECT "horizon", "daysLate", sum("n") AS "n" FROM h WHERE "daysLate" IS NOT NULL GROUP BY 1, 2) d),
      median AS (
        SELECT "horizon", (min("daysLate") FILTER (WHERE "upTo" >= ("all" + 1) / 2)
          + min("daysLate") FILTER (WHERE "upTo" >= "all" / 2 + 1)) / 2.0 AS "medianDaysLate"
        FROM late GROUP BY 1)
      SELECT h."horizon", sum(h."n")::int AS "total",
        coalesce(sum(h."n") FILTER (WHERE h."unfinished"), 0)::int AS "open",
        coalesce(sum(h."n") FILTER (WHERE h."overdue"), 0)::int AS "overdue",
        coalesce(sum(h."n") FILTER (WHERE h."status" = 'DONE'), 0)::int AS "done",
        coalesce(sum(h."n") FILTER (WHERE h."status" = 'WONT_DO'), 0)::int AS "wontDo",
        min(m."medianDaysLate")::float8 AS "medianDaysLate"
      FROM h LEFT JOIN median m ON m."horizon" = h."horizon" GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ month: string; count: number }[]>`SELECT ${MONTH} AS "month", count(*)::int AS "count"
      FROM ${possibleRecurrencesSql(actor, where)} f
      GROUP BY ${MONTH_START} ORDER BY ${MONTH_START}`,
  ]);
  const perMonth = months.flatMap((m) =>
    SEVERITIES.flatMap((s, i) => (m.bySeverity[i] > 0 ? [{ month: m.month, severity: s.value, count: m.bySeverity[i] }] : [])),
  );
  return {
    total: perMonth.reduce((n, r) => n + r.count, 0),
    perMonth,
    metrics: months.map((m) => ({
      month: m.month,
      detect: m.detect,
      acknowledge: m.acknowledge,
      mitigate: m.mitigate,
      resolve: m.resolve,
    })),
    aiCauses,
    factors,
    reviews: months.filter((m) => m.held > 0).map((m) => ({ month: m.month, held: m.held, within: m.within })),
    followThrough,
    repeats,
  };
}
