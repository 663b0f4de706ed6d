import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import type { ActionHorizon, AiCauseKind, FactorCategory, Severity } from "@/lib/generated/prisma/enums";
import { CLOCKED_SEVERITIES, severityInSql, browseWhereSql, daySql, repeatJoinSql, reviewDueSql } from "@/lib/data/browse-sql";
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

const MONTH = sql`to_char(date_trunc('month', f."incidentDate"), 'YYYY-MM')`;

/** Every figure of the insights page over the postmortems the filters select, restricted ones included only for those who may see them. */
export async function getInsights(actor: Actor, input: BrowseFiltersInput, now = new Date()): Promise<Insights> {
  const db = getDb();
  const where = browseWhereSql(actor, browseFiltersSchema.parse(input), now);
  const f = sql`(SELECT p.* FROM "Postmortem" p WHERE ${where})`;
  const nowTs = sql`${now.toISOString()}::timestamp(3)`;
  const today = daySql(now);
  const [perMonth, metrics, aiCauses, factors, reviews, followThrough, repeats] = await Promise.all([
    db.$queryRaw<
      MonthSeverity[]
    >`SELECT ${MONTH} AS "month", f."severity", count(*)::int AS "count" FROM ${f} f GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<MonthMetrics[]>`SELECT ${MONTH} AS "month",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${metricSql("detect", "firstOccurrenceAt", "detectedAt")}) AS "detect",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${metricSql("acknowledge", "detectedAt", "acknowledgedAt")}) AS "acknowledge",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${metricSql("mitigate", "detectedAt", "mitigatedAt")}) AS "mitigate",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${metricSql("resolve", "detectedAt", "resolvedAt")}) AS "resolve"
      FROM ${f} f GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ kind: AiCauseKind; count: number }[]>`SELECT ac."kind", count(*)::int AS "count"
      FROM "AiCause" ac JOIN ${f} f ON f."id" = ac."postmortemId" GROUP BY 1 ORDER BY 2 DESC, 1`,
    db.$queryRaw<{ category: FactorCategory; count: number }[]>`SELECT cf."category", count(DISTINCT cf."postmortemId")::int AS "count"
      FROM "ContributingFactor" cf JOIN ${f} f ON f."id" = cf."postmortemId" WHERE btrim(cf."description") <> '' GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<MonthReview[]>`SELECT "month", count(*)::int AS "held", count(*) FILTER (WHERE "heldAt" <= "dueAt")::int AS "within" FROM (
        SELECT to_char(date_trunc('month', p."incidentDate"), 'YYYY-MM') AS "month", ${reviewDueSql} AS "dueAt",
          CASE WHEN p."meetingDate" <= ${nowTs} THEN p."meetingDate" ELSE p."publishedAt" END AS "heldAt"
        FROM ${f} p WHERE ${severityInSql(CLOCKED_SEVERITIES)}) r
      WHERE "heldAt" IS NOT NULL GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<HorizonFollowThrough[]>`SELECT ca."horizon", count(*)::int AS "total",
        count(*) FILTER (WHERE ca."status" IN ('OPEN', 'IN_PROGRESS'))::int AS "open",
        count(*) FILTER (WHERE ca."status" IN ('OPEN', 'IN_PROGRESS') AND ca."deadline" < ${today})::int AS "overdue",
        count(*) FILTER (WHERE ca."status" = 'DONE')::int AS "done",
        count(*) FILTER (WHERE ca."status" = 'WONT_DO')::int AS "wontDo",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE
          WHEN ca."status" = 'DONE' AND ca."completedAt"::date > ca."deadline" THEN ca."completedAt"::date - ca."deadline"
          WHEN ca."status" IN ('OPEN', 'IN_PROGRESS') AND ca."deadline" < ${today} THEN ${today} - ca."deadline" END) AS "medianDaysLate"
      FROM "CorrectiveAction" ca JOIN ${f} f ON f."id" = ca."postmortemId" WHERE ca."deletedAt" IS NULL GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ month: string; count: number }[]>`SELECT to_char(date_trunc('month', p."incidentDate"), 'YYYY-MM') AS "month",
        count(DISTINCT p."id")::int AS "count"
      FROM "Postmortem" p ${repeatJoinSql(actor)} WHERE ${where} GROUP BY 1 ORDER BY 1`,
  ]);
  return {
    total: perMonth.reduce((n, r) => n + r.count, 0),
    perMonth,
    metrics,
    aiCauses,
    factors,
    reviews,
    followThrough,
    repeats,
  };
}
