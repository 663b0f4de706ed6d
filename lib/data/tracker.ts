import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import type { ActionHorizon, ActionStatus, PostmortemStatus } from "@/lib/generated/prisma/enums";
import { AppError, type ErrorCode } from "@/lib/errors";
import { daySql, hiddenSql, overdueActionSql, unfinishedActionSql, visibleSql } from "@/lib/data/browse-sql";
import { updateAction } from "@/lib/data/actions";
import { toIsoDay } from "@/lib/domain/dates";
import { isActionOverdue } from "@/lib/domain/deadlines";
import { periodContaining } from "@/lib/domain/report-period";
import { updateActionSchema } from "@/lib/validations/actions";
import { decodeCursor, encodeCursor } from "@/lib/validations/browse";
import type { BulkUpdateActionsData, TrackerFilters } from "@/lib/validations/tracker";

const sql = Prisma.sql;
export const TRACKER_PAGE_SIZE = 50;
const NO_DEADLINE = "9999-12-31";

export type TrackerRow = {
  id: string;
  number: number;
  horizon: ActionHorizon;
  action: string;
  status: ActionStatus;
  wontDoReason: string;
  ticket: string;
  deadline: string | null;
  completedAt: string | null;
  version: number;
  overdue: boolean;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  postmortemId: string;
  incidentKey: string;
  incidentName: string;
  postmortemStatus: PostmortemStatus;
  teamName: string | null;
};

type Raw = Omit<TrackerRow, "deadline" | "completedAt" | "overdue"> & { deadline: Date | null; completedAt: Date | null };

/** The tracker's filters on the actions `ca` themselves (all but the team). */
function actionFiltersSql(f: TrackerFilters, now: Date): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [sql`ca."deletedAt" IS NULL`];
  if (f.ownerId === "none") parts.push(sql`ca."ownerId" IS NULL`);
  else if (f.ownerId) parts.push(sql`ca."ownerId" = ${f.ownerId}`);
  if (f.horizon) parts.push(sql`ca."horizon" = ${f.horizon}::"ActionHorizon"`);
  if (f.status === "UNFINISHED") parts.push(unfinishedActionSql);
  else if (f.status) parts.push(sql`ca."status" = ${f.status}::"ActionStatus"`);
  if (f.overdue) parts.push(overdueActionSql(now));
  if (f.dueThisWeek) {
    const week = periodContaining("week", now);
    parts.push(sql`${unfinishedActionSql} AND ca."deadline" >= ${daySql(week.start)} AND ca."deadline" < ${daySql(week.end)}`);
  }
  return parts;
}

/** The tracker's filters as one condition on actions `ca` of visible postmortems `p`. */
export function trackerWhereSql(actor: Actor, f: TrackerFilters, now: Date): Prisma.Sql {
  const parts = [...actionFiltersSql(f, now), visibleSql(actor)];
  if (f.teamId === "none") parts.push(sql`p."teamId" IS NULL`);
  else if (f.teamId) parts.push(sql`p."teamId" = ${f.teamId}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The actions the filters select (`where`, from trackerWhereSql), for counting. Without a team filter nothing of
 * the postmortem matters but its visibility, so the few hidden postmortems are excluded by id (hiddenSql) rather
 * than joining each of some 200,000 actions to its postmortem: half the time for the all-actions count at
 * 50,000 postmortems.
 */
function countedActionsSql(actor: Actor, f: TrackerFilters, now: Date, where: Prisma.Sql): Prisma.Sql {
  if (f.teamId) return sql`"CorrectiveAction" ca JOIN "Postmortem" p ON p."id" = ca."postmortemId" WHERE ${where}`;
  return sql`"CorrectiveAction" ca WHERE ${Prisma.join(actionFiltersSql(f, now), " AND ")}
    AND ca."postmortemId" NOT IN (SELECT p."id" FROM "Postmortem" p WHERE ${hiddenSql(actor)})`;
}

const DEADLINE_KEY = sql`coalesce(ca."deadline", ${NO_DEADLINE}::date)`;

async function queryRows(where: Prisma.Sql, after: string[] | null, limit: number): Promise<Raw[]> {
  const keyset = after ? sql`AND (${DEADLINE_KEY}, ca."id") > (${after[0]}::date, ${after[1]})` : Prisma.empty;
  return getDb().$queryRaw<Raw[]>`
    SELECT ca."id", ca."number", ca."horizon", ca."action", ca."status", ca."wontDoReason", ca."ticket", ca."deadline",
      ca."completedAt", ca."version", ca."ownerId", u."name" AS "ownerName", u."email" AS "ownerEmail", p."id" AS "postmortemId", p."incidentKey",
      p."incidentName", p."status" AS "postmortemStatus", t."name" AS "teamName"
    FROM "CorrectiveAction" ca JOIN "Postmortem" p ON p."id" = ca."postmortemId"
    LEFT JOIN "User" u ON u."id" = ca."ownerId" LEFT JOIN "Team" t ON t."id" = p."teamId"
    WHERE ${where} ${keyset} ORDER BY ${DEADLINE_KEY} ASC, ca."id" ASC LIMIT ${limit}`;
}

function toRow(r: Raw, now: Date): TrackerRow {
  return {
    ...r,
    deadline: r.deadline ? toIsoDay(r.deadline) : null,
    completedAt: r.completedAt ? r.completedAt.toISOString() : null,
    overdue: isActionOverdue(r, now),
  };
}

function validAfter(cursor: string | undefined): string[] | null {
  const values = decodeCursor(cursor, 2);
  return values && /^\d{4}-\d{2}-\d{2}$/.test(values[0]) && !Number.isNaN(Date.parse(values[0])) ? values : null;
}

const cursorOf = (r: Raw) => encodeCursor([r.deadline ? toIsoDay(r.deadline) : NO_DEADLINE, r.id]);

export type TrackerPage = { rows: TrackerRow[]; total: number; overdue: number; nextCursor: string | null };

/** Corrective actions across every visible postmortem, earliest deadline first (none last), keyset-paged. */
export async function listTrackerActions(actor: Actor, f: TrackerFilters, now = new Date()): Promise<TrackerPage> {
  const where = trackerWhereSql(actor, f, now);
  const [rows, [counts]] = await Promise.all([
    queryRows(where, validAfter(f.after), TRACKER_PAGE_SIZE + 1),
    getDb().$queryRaw<{ total: number; overdue: number }[]>`SELECT count(*)::int AS "total",
      count(*) FILTER (WHERE ${overdueActionSql(now)})::int AS "overdue"
      FROM ${countedActionsSql(actor, f, now, where)}`,
  ]);
  const page = rows.slice(0, TRACKER_PAGE_SIZE);
  return {
    rows: page.map((r) => toRow(r, now)),
    ...counts,
    nextCursor: rows.length > TRACKER_PAGE_SIZE ? cursorOf(page[page.length - 1]) : null,
  };
}

/** Every matching action, in batches, for the CSV export (no row limit; memory stays flat). */
export async function* streamTrackerActions(actor: Actor, f: TrackerFilters, now = new Date(), batch = 2000): AsyncGenerator<TrackerRow[]> {
  const where = trackerWhereSql(actor, f, now);
  let after: string[] | null = null;
  for (;;) {
    const rows = await queryRows(where, after, batch);
    if (rows.length === 0) return;
    yield rows.map((r) => toRow(r, now));
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = [last.deadline ? toIsoDay(last.deadline) : NO_DEADLINE, last.id];
  }
}

export type BulkResult = { updated: number; failed: { actionId: string; code: ErrorCode; message: string }[] };

/**
 * Applies one change to each selected action through the same path as a single edit (updateAction), so
 * the same permissions, checks, conflict detection and DocEvents apply: a status change is allowed to the
 * owner, the facilitator or an admin even after publishing; an owner change needs edit rights.
 * Each action is its own transaction; refusals are reported per action and the others still apply.
 */
export async function bulkUpdateActions(actor: Actor, input: BulkUpdateActionsData): Promise<BulkResult> {
  if (actor.role === "VIEWER") throw new AppError("FORBIDDEN");
  const changes: Record<string, unknown> = {};
  if (input.status) changes.status = input.status;
  if (input.status === "WONT_DO") changes.wontDoReason = input.wontDoReason ?? "";
  if (input.ownerId) changes.ownerId = input.ownerId === "none" ? null : input.ownerId;
  const result: BulkResult = { updated: 0, failed: [] };
  for (const row of input.rows) {
    try {
      await updateAction(actor, updateActionSchema.parse({ ...row, changes, base: {} }));
      result.updated += 1;
    } catch (error) {
      const message =
        error instanceof AppError ? (Object.values(error.fieldErrors ?? {})[0]?.[0] ?? error.message) : "Could not be changed.";
      if (!(error instanceof AppError)) console.error("[postmortems] bulk action change failed", error);
      result.failed.push({ actionId: row.actionId, code: error instanceof AppError ? error.code : "INTERNAL", message });
    }
  }
  return result;
}
