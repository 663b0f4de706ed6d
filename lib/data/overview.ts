import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import type { PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { CLOCKED_SEVERITIES, severityInSql, daySql, reviewDueSql, unfinishedActionSql, visibleSql } from "@/lib/data/browse-sql";

const sql = Prisma.sql;

export type ReviewDueItem = { id: string; incidentKey: string; incidentName: string; severity: Severity; dueAt: Date; overdue: boolean };
export type WaitingItem = {
  id: string;
  incidentKey: string;
  incidentName: string;
  severity: Severity;
  status: PostmortemStatus;
  since: Date;
};
export type PublishedItem = { id: string; incidentKey: string; incidentName: string; severity: Severity; publishedAt: Date };
export type ActionGroup = { id: string | null; name: string | null; open: number; overdue: number };
export type OverdueActionItem = {
  id: string;
  number: number;
  action: string;
  deadline: Date;
  ownerName: string | null;
  postmortemId: string;
  incidentKey: string;
  teamName: string | null;
};

export type Overview = {
  reviews: { due: number; overdue: number; items: ReviewDueItem[] };
  waiting: { drafts: number; inReview: number; items: WaitingItem[] };
  recentlyPublished: PublishedItem[];
  actions: { open: number; overdue: number; byTeam: ActionGroup[]; byOwner: ActionGroup[]; overdueItems: OverdueActionItem[] };
};

const LIST = 8;

/** The manager's home: what needs attention now, each item linking to where it is acted on. */
export async function getOverview(actor: Actor, now = new Date()): Promise<Overview> {
  const db = getDb();
  const visible = visibleSql(actor);
  const nowTs = sql`${now.toISOString()}::timestamp(3)`;
  const today = daySql(now);
  const openAction = sql`ca."deletedAt" IS NULL AND ${unfinishedActionSql}`;
  const pendingReview = sql`${visible} AND ${severityInSql(CLOCKED_SEVERITIES)}
    AND p."status" <> 'PUBLISHED' AND p."meetingDate" IS NULL`;

  const [reviewItems, reviewCounts, waitingItems, waitingCounts, published, actionCounts, byTeam, byOwner, overdueItems] =
    await Promise.all([
      db.$queryRaw<ReviewDueItem[]>`SELECT * FROM (
        SELECT p."id", p."incidentKey", p."incidentName", p."severity", ${reviewDueSql} AS "dueAt" FROM "Postmortem" p WHERE ${pendingReview}
      ) r ORDER BY r."dueAt" ASC LIMIT ${LIST}`,
      db.$queryRaw<{ due: number; overdue: number }[]>`SELECT count(*) FILTER (WHERE d > ${nowTs})::int AS "due",
        count(*) FILTER (WHERE d <= ${nowTs})::int AS "overdue"
      FROM (SELECT ${reviewDueSql} AS d FROM "Postmortem" p WHERE ${pendingReview}) r`,
      db.$queryRaw<WaitingItem[]>`SELECT p."id", p."incidentKey", p."incidentName", p."severity", p."status", p."updatedAt" AS "since"
      FROM "Postmortem" p WHERE ${visible} AND p."status" = 'IN_REVIEW' ORDER BY p."updatedAt" ASC LIMIT ${LIST}`,
      db.$queryRaw<{ drafts: number; inReview: number }[]>`SELECT count(*) FILTER (WHERE p."status" = 'DRAFT')::int AS "drafts",
        count(*) FILTER (WHERE p."status" = 'IN_REVIEW')::int AS "inReview"
      FROM "Postmortem" p WHERE ${visible} AND p."status" <> 'PUBLISHED'`,
      db.$queryRaw<PublishedItem[]>`SELECT p."id", p."incidentKey", p."incidentName", p."severity", p."publishedAt"
      FROM "Postmortem" p WHERE ${visible} AND p."status" = 'PUBLISHED' AND p."publishedAt" IS NOT NULL
      ORDER BY p."publishedAt" DESC LIMIT ${LIST}`,
      db.$queryRaw<{ open: number; overdue: number }[]>`SELECT count(*)::int AS "open",
        count(*) FILTER (WHERE ca."deadline" < ${today})::int AS "overdue"
      FROM "CorrectiveAction" ca JOIN "Postmortem" p ON p."id" = ca."postmortemId" WHERE ${openAction} AND ${visible}`,
      db.$queryRaw<
        ActionGroup[]
      >`SELECT t."id", t."name", count(*)::int AS "open", count(*) FILTER (WHERE ca."deadline" < ${today})::int AS "overdue"
      FROM "CorrectiveAction" ca JOIN "Postmortem" p ON p."id" = ca."postmortemId" LEFT JOIN "Team" t ON t."id" = p."teamId"
      WHERE ${openAction} AND ${visible} GROUP BY t."id", t."name" ORDER BY 4 DESC, 3 DESC, 2 LIMIT ${LIST}`,
      db.$queryRaw<
        ActionGroup[]
      >`SELECT u."id", u."name", count(*)::int AS "open", count(*) FILTER (WHERE ca."deadline" < ${today})::int AS "overdue"
      FROM "CorrectiveAction" ca JOIN "Postmortem" p ON p."id" = ca."postmortemId" LEFT JOIN "User" u ON u."id" = ca."ownerId"
      WHERE ${openAction} AND ${visible} GROUP BY u."id", u."name" ORDER BY 4 DESC, 3 DESC, 2 LIMIT ${LIST}`,
      db.$queryRaw<OverdueActionItem[]>`SELECT ca."id", ca."number", ca."action", ca."deadline", u."name" AS "ownerName",
        p."id" AS "postmortemId", p."incidentKey", t."name" AS "teamName"
      FROM "CorrectiveAction" ca JOIN "Postmortem" p ON p."id" = ca."postmortemId"
      LEFT JOIN "User" u ON u."id" = ca."ownerId" LEFT JOIN "Team" t ON t."id" = p."teamId"
      WHERE ${openAction} AND ca."deadline" < ${today} AND ${visible} ORDER BY ca."deadline" ASC, ca."id" LIMIT ${LIST}`,
    ]);
  return {
    reviews: {
      ...reviewCounts[0],
      items: reviewItems.map((r) => ({ ...r, overdue: r.dueAt.getTime() <= now.getTime() })),
    },
    waiting: { ...waitingCounts[0], items: waitingItems },
    recentlyPublished: published,
    actions: { ...actionCounts[0], byTeam, byOwner, overdueItems },
  };
}
