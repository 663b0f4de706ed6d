import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import type { ActionHorizon, Severity } from "@/lib/generated/prisma/enums";
import { CLOCKED_SEVERITIES, severityInSql, daySql, isRepeatSql, overdueActionSql, reviewDueSql, visibleSql } from "@/lib/data/browse-sql";
import { addUtcDays, toIsoDay } from "@/lib/domain/dates";
import type { ReportPeriod } from "@/lib/domain/report-period";
import type { FollowUpReport, ReportAction, ReportPostmortem, ReportReview } from "@/lib/domain/report-markdown";

const sql = Prisma.sql;
/** Longest list per section; the counts are always complete. */
export const REPORT_LIST_LIMIT = 100;

/** Rows carrying `count(*) OVER ()` as `total`: the complete count and the (limited) rows without it. */
function listed<T extends { total: number }>(rows: T[]): { total: number; items: Omit<T, "total">[] } {
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => {
      const copy: Partial<T> = { ...row };
      delete copy.total;
      return copy as Omit<T, "total">;
    }),
  };
}

type ActionRaw = Omit<ReportAction, "deadline" | "completedAt"> & {
  deadline: Date | null;
  completedAt: Date | null;
  horizon: ActionHorizon;
};

/**
 * The weekly or monthly follow-up report ("Review progress in weekly team meetings. Report completion
 * status in monthly governance reviews.") for one team or everyone, over visible postmortems only.
 * "Newly overdue": open actions whose deadline passed during the period; "still overdue": open actions
 * already overdue when the period began.
 */
export async function getFollowUpReport(
  actor: Actor,
  period: ReportPeriod,
  teamId: string | null,
  now = new Date(),
): Promise<FollowUpReport> {
  const db = getDb();
  const team = teamId ? sql`AND p."teamId" = ${teamId}` : Prisma.empty;
  const visible = sql`${visibleSql(actor)} ${team}`;
  const start = sql`${period.start.toISOString()}::timestamp(3)`;
  const end = sql`${period.end.toISOString()}::timestamp(3)`;
  const nowTs = sql`${now.toISOString()}::timestamp(3)`;
  // Overdue begins the day after the deadline.
  const overdueFrom = daySql(addUtcDays(period.start, -1));
  const overdueTo = daySql(addUtcDays(period.end, -1));
  const open = sql`ca."deletedAt" IS NULL AND ${overdueActionSql(now)}`;
  const actionCols = sql`ca."id", ca."number", ca."action", ca."horizon", ca."deadline", ca."completedAt", u."name" AS "ownerName",
    p."id" AS "postmortemId", p."incidentKey"`;
  const actionFrom = sql`"CorrectiveAction" ca JOIN "Postmortem" p ON p."id" = ca."postmortemId" LEFT JOIN "User" u ON u."id" = ca."ownerId"`;
  const counted = async (rows: Promise<(ActionRaw & { total: number })[]>) => {
    const list = listed(await rows);
    return {
      total: list.total,
      items: list.items.map((a) => ({
        ...a,
        deadline: a.deadline ? toIsoDay(a.deadline) : null,
        completedAt: a.completedAt ? toIsoDay(a.completedAt) : null,
      })),
    };
  };

  const [created, reviews, completed, newlyOverdue, stillOverdue, repeats, teamRow] = await Promise.all([
    db.$queryRaw<
      (ReportPostmortem & { total: number })[]
    >`SELECT p."id", p."incidentKey", p."incidentName", p."severity", count(*) OVER ()::int AS "total"
      FROM "Postmortem" p WHERE ${visible} AND p."createdAt" >= ${start} AND p."createdAt" < ${end}
      ORDER BY p."createdAt", p."id" LIMIT ${REPORT_LIST_LIMIT}`,
    db.$queryRaw<
      (Omit<ReportReview, "heldAt" | "dueAt"> & { heldAt: Date; dueAt: Date; total: number })[]
    >`SELECT r.*, count(*) OVER ()::int AS "total" FROM (
        SELECT p."id", p."incidentKey", p."incidentName", p."severity"::text AS "severity", ${reviewDueSql} AS "dueAt",
          CASE WHEN p."meetingDate" <= ${nowTs} THEN p."meetingDate" ELSE p."publishedAt" END AS "heldAt"
        FROM "Postmortem" p WHERE ${visible} AND ${severityInSql(CLOCKED_SEVERITIES)}) r
      WHERE r."heldAt" >= ${start} AND r."heldAt" < ${end} ORDER BY r."heldAt", r."id" LIMIT ${REPORT_LIST_LIMIT}`,
    counted(db.$queryRaw`SELECT ${actionCols}, count(*) OVER ()::int AS "total" FROM ${actionFrom}
      WHERE ${visible} AND ca."deletedAt" IS NULL AND ca."status" = 'DONE' AND ca."completedAt" >= ${start} AND ca."completedAt" < ${end}
      ORDER BY ca."completedAt", ca."id" LIMIT ${REPORT_LIST_LIMIT}`),
    counted(db.$queryRaw`SELECT ${actionCols}, count(*) OVER ()::int AS "total" FROM ${actionFrom}
      WHERE ${visible} AND ${open} AND ca."deadline" >= ${overdueFrom} AND ca."deadline" < ${overdueTo}
      ORDER BY ca."deadline", ca."id" LIMIT ${REPORT_LIST_LIMIT}`),
    counted(db.$queryRaw`SELECT ${actionCols}, count(*) OVER ()::int AS "total" FROM ${actionFrom}
      WHERE ${visible} AND ${open} AND ca."deadline" < ${overdueFrom}
      ORDER BY ca."deadline", ca."id" LIMIT ${REPORT_LIST_LIMIT}`),
    db.$queryRaw<
      (ReportPostmortem & { total: number })[]
    >`SELECT p."id", p."incidentKey", p."incidentName", p."severity", count(*) OVER ()::int AS "total"
      FROM "Postmortem" p WHERE ${visible} AND p."createdAt" >= ${start} AND p."createdAt" < ${end} AND ${isRepeatSql(actor)}
      ORDER BY p."createdAt", p."id" LIMIT ${REPORT_LIST_LIMIT}`,
    teamId ? db.team.findUnique({ where: { id: teamId }, select: { name: true } }) : null,
  ]);
  const held = listed(reviews);
  return {
    period: { label: period.label, kind: period.kind, start: toIsoDay(period.start), end: toIsoDay(addUtcDays(period.end, -1)) },
    teamName: teamRow?.name ?? null,
    created: listed(created) as FollowUpReport["created"],
    reviews: {
      total: held.total,
      within: held.items.filter((r) => r.heldAt.getTime() <= r.dueAt.getTime()).length,
      items: held.items.map((r) => ({
        ...r,
        severity: r.severity as Severity,
        heldAt: r.heldAt.toISOString(),
        dueAt: r.dueAt.toISOString(),
      })),
    },
    completed,
    newlyOverdue,
    stillOverdue,
    repeats: listed(repeats) as FollowUpReport["repeats"],
  };
}
