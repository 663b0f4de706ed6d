import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import type { AiCauseKind, Milestone, PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { computeMetrics } from "@/lib/domain/metrics";
import { browseWhereSql, keysetSql, overdueActionSql, searchQuerySql, type KeysetColumn } from "@/lib/data/browse-sql";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/data/highlight";
import { decodeCursor, encodeCursor, type ListPostmortemsInput, type ListSort, listPostmortemsSchema } from "@/lib/validations/browse";

const sql = Prisma.sql;
export const PAGE_SIZE = 25;

export type PostmortemListItem = {
  id: string;
  incidentKey: string;
  incidentName: string;
  severity: Severity;
  status: PostmortemStatus;
  incidentDate: string;
  meetingDate: string | null;
  publishedAt: string | null;
  facilitatorName: string | null;
  teamName: string | null;
  restricted: boolean;
  detectMinutes: number | null;
  resolveMinutes: number | null;
  aiCauses: AiCauseKind[];
  tags: string[];
  openActions: number;
  overdueActions: number;
  /** Only when searching: matched text with HIGHLIGHT_START/END (lib/data/highlight.ts) around each hit. */
  snippet: string | null;
};

export type PostmortemPage = { items: PostmortemListItem[]; total: number; nextCursor: string | null; sort: ListSort };

type SortSpec = { columns: KeysetColumn[]; values: (row: PageRow) => string[] };
type PageRow = { id: string; incidentKey: string; severity: Severity; incidentDate: Date; rank: number | null };

const iso = (d: Date) => d.toISOString();
const col = (expr: Prisma.Sql, desc: boolean, cast: Prisma.Sql): KeysetColumn => ({ expr, desc, cast });
const DATE = sql`p."incidentDate"`;
const ID = sql`p."id"`;
const TS = sql`timestamp(3)`;
const TEXT = sql`text`;

function sortSpec(sort: ListSort): SortSpec {
  switch (sort) {
    case "relevance":
      return {
        // "rank" is ts_rank(searchVector, query), computed in listPostmortems' inner query.
        columns: [col(sql`p."rank"`, true, sql`real`), col(DATE, true, TS), col(ID, true, TEXT)],
        values: (r) => [String(r.rank), iso(r.incidentDate), r.id],
      };
    case "oldest":
      return { columns: [col(DATE, false, TS), col(ID, false, TEXT)], values: (r) => [iso(r.incidentDate), r.id] };
    case "severity":
      return {
        columns: [col(sql`p."severity"`, false, sql`"Severity"`), col(DATE, true, TS), col(ID, true, TEXT)],
        values: (r) => [r.severity, iso(r.incidentDate), r.id],
      };
    case "key":
      return { columns: [col(sql`p."incidentKey"`, false, TEXT), col(ID, false, TEXT)], values: (r) => [r.incidentKey, r.id] };
    case "newest":
      return { columns: [col(DATE, true, TS), col(ID, true, TEXT)], values: (r) => [iso(r.incidentDate), r.id] };
  }
}

/** Cursor values that would not cast in SQL are refused here, so a tampered link starts over instead of failing. */
function validCursor(sort: ListSort, values: string[] | null): string[] | null {
  if (!values) return null;
  const dateAt = sort === "relevance" || sort === "severity" ? 1 : sort === "key" ? -1 : 0;
  if (dateAt >= 0 && Number.isNaN(Date.parse(values[dateAt]))) return null;
  if (sort === "relevance" && !Number.isFinite(Number(values[0]))) return null;
  if (sort === "severity" && !["CRITICAL", "HIGH", "MEDIUM", "LOW"].includes(values[0])) return null;
  return values;
}

/**
 * One page of the postmortems the actor may see, filtered, sorted from the allowlist, and paged by keyset
 * (the sort key of the last row shown), so page 2,000 costs what page 1 costs. Searching ranks by
 * relevance and adds highlighted snippets; the total counts every match, with no cap.
 */
export async function listPostmortems(actor: Actor, input: ListPostmortemsInput, now = new Date()): Promise<PostmortemPage> {
  const f = listPostmortemsSchema.parse(input);
  const sort: ListSort = f.sort === "relevance" && !f.q ? "newest" : (f.sort ?? (f.q ? "relevance" : "newest"));
  const spec = sortSpec(sort);
  const where = browseWhereSql(actor, f, now);
  const cursor = validCursor(sort, decodeCursor(f.after, spec.columns.length));
  const after = cursor ? sql`AND ${keysetSql(spec.columns, cursor)}` : Prisma.empty;
  const orderBy = Prisma.join(spec.columns.map((c) => (c.desc ? sql`${c.expr} DESC` : sql`${c.expr} ASC`)));
  const db = getDb();
  const countSql = sql`SELECT count(*)::int AS "total" FROM "Postmortem" p WHERE ${where}`;
  let rows: (PageRow & { total?: number })[];
  let total: number;
  if (f.q) {
    // Ranking reads every match anyway: the same pass counts them (a window over the matches, before the
    // keyset condition), instead of a second scan of the matches for the total. Past the last page there is
    // no row to carry the total, so it is counted on its own.
    rows = await db.$queryRaw<(PageRow & { total: number })[]>`SELECT p.* FROM (
        SELECT p."id", p."incidentKey", p."severity", p."incidentDate", ts_rank(p."searchVector", ${searchQuerySql(f.q)}) AS "rank",
          count(*) OVER ()::int AS "total"
        FROM "Postmortem" p WHERE ${where}) p
      WHERE true ${after} ORDER BY ${orderBy} LIMIT ${PAGE_SIZE + 1}`;
    total = rows[0]?.total ?? (cursor ? (await db.$queryRaw<{ total: number }[]>`${countSql}`)[0].total : 0);
  } else {
    const [page, [counted]] = await Promise.all([
      db.$queryRaw<PageRow[]>`SELECT p."id", p."incidentKey", p."severity", p."incidentDate", NULL::real AS "rank"
        FROM "Postmortem" p WHERE ${where} ${after} ORDER BY ${orderBy} LIMIT ${PAGE_SIZE + 1}`,
      db.$queryRaw<{ total: number }[]>`${countSql}`,
    ]);
    rows = page;
    total = counted.total;
  }
  const page = rows.slice(0, PAGE_SIZE);
  const items = await describePostmortems(
    page.map((r) => r.id),
    f.q ?? null,
    now,
  );
  return {
    items,
    total,
    nextCursor: rows.length > PAGE_SIZE ? encodeCursor(spec.values(page[page.length - 1])) : null,
    sort,
  };
}

type DetailRow = {
  id: string;
  incidentKey: string;
  incidentName: string;
  severity: Severity;
  status: PostmortemStatus;
  incidentDate: Date;
  meetingDate: Date | null;
  publishedAt: Date | null;
  restricted: boolean;
  facilitatorName: string | null;
  teamName: string | null;
  detectOverrideMin: number | null;
  resolveOverrideMin: number | null;
  detectNotApplicable: boolean;
  resolveNotApplicable: boolean;
  firstOccurrenceAt: Date | null;
  detectedAt: Date | null;
  resolvedAt: Date | null;
  aiCauses: AiCauseKind[];
  tags: string[];
  openActions: number;
  overdueActions: number;
  snippet: string | null;
};

/** What a result row shows, for ids already authorised by the caller's query, in the order given. */
export async function describePostmortems(ids: string[], q: string | null, now: Date): Promise<PostmortemListItem[]> {
  if (ids.length === 0) return [];
  const snippet = q
    ? sql`ts_headline('english', postmortem_search_text(p), ${searchQuerySql(q)},
        ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`})`
    : sql`NULL::text`;
  const rows = await getDb().$queryRaw<DetailRow[]>`
    SELECT p."id", p."incidentKey", p."incidentName", p."severity", p."status", p."incidentDate", p."meetingDate",
      p."publishedAt", p."restricted", u."name" AS "facilitatorName", t."name" AS "teamName",
      p."detectOverrideMin", p."resolveOverrideMin", p."detectNotApplicable", p."resolveNotApplicable",
      p."firstOccurrenceAt", p."detectedAt", p."resolvedAt",
      p."aiCauseKinds"::text[] AS "aiCauses",
      ARRAY(SELECT pt."tag" FROM "PostmortemTag" pt WHERE pt."postmortemId" = p."id" ORDER BY pt."tag") AS "tags",
      p."openActionCount" AS "openActions",
      (SELECT count(*)::int FROM "CorrectiveAction" ca WHERE ca."postmortemId" = p."id" AND ca."deletedAt" IS NULL
        AND ${overdueActionSql(now)}) AS "overdueActions",
      ${snippet} AS "snippet"
    FROM "Postmortem" p LEFT JOIN "User" u ON u."id" = p."facilitatorId" LEFT JOIN "Team" t ON t."id" = p."teamId"
    WHERE p."id" IN (${Prisma.join(ids)})`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    // The trigger-kept earliest time per milestone stands in for the timeline rows (metrics.milestoneTimes).
    const reached: [Milestone, Date | null][] = [
      ["FIRST_OCCURRENCE", r.firstOccurrenceAt],
      ["DETECTED", r.detectedAt],
      ["RESOLVED", r.resolvedAt],
    ];
    const timeline = reached.map(([milestone, occurredAt]) => ({ milestone, occurredAt }));
    const { metrics } = computeMetrics(timeline, {
      overrides: { detect: r.detectOverrideMin, resolve: r.resolveOverrideMin },
      notApplicable: { detect: r.detectNotApplicable, resolve: r.resolveNotApplicable },
    });
    const minutes = (key: string) => metrics.find((m) => m.key === key)?.minutes ?? null;
    return [
      {
        id: r.id,
        incidentKey: r.incidentKey,
        incidentName: r.incidentName,
        severity: r.severity,
        status: r.status,
        incidentDate: r.incidentDate.toISOString(),
        meetingDate: r.meetingDate?.toISOString() ?? null,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        facilitatorName: r.facilitatorName,
        teamName: r.teamName,
        restricted: r.restricted,
        detectMinutes: minutes("detect"),
        resolveMinutes: minutes("resolve"),
        aiCauses: r.aiCauses,
        tags: r.tags,
        openActions: r.openActions,
        overdueActions: r.overdueActions,
        snippet: r.snippet,
      },
    ];
  });
}
