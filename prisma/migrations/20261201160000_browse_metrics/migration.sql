-- Per-postmortem figures the managers' views read on every request, kept on the postmortem row so that
-- lists, insights, the overview and the report scan 50,000 postmortems instead of aggregating 500,000
-- timeline rows and 200,000 corrective actions per request. Like "searchVector", these columns sit outside
-- schema.prisma (the app never writes them) and are read with $queryRaw only.

-- Earliest timed, non-deleted timeline row per milestone (metrics.milestoneTimes): the time metrics and the
-- start of the 48-hour review clock. Kept by statement-level triggers on "TimelineEntry".
ALTER TABLE "Postmortem" ADD COLUMN "firstOccurrenceAt" TIMESTAMP(3);
ALTER TABLE "Postmortem" ADD COLUMN "detectedAt" TIMESTAMP(3);
ALTER TABLE "Postmortem" ADD COLUMN "acknowledgedAt" TIMESTAMP(3);
ALTER TABLE "Postmortem" ADD COLUMN "mitigatedAt" TIMESTAMP(3);
ALTER TABLE "Postmortem" ADD COLUMN "resolvedAt" TIMESTAMP(3);

-- Unfinished (open or in progress), non-deleted corrective actions: how many, and the earliest deadline, so
-- "has open actions" and "has overdue actions" are conditions on the postmortem row. Kept by statement-level
-- triggers on "CorrectiveAction".
ALTER TABLE "Postmortem" ADD COLUMN "openActionCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Postmortem" ADD COLUMN "nextOpenDeadline" DATE;

-- recurrence.aiSystemKey (provider/model when the model is recorded, else the team), computed once per write.
ALTER TABLE "Postmortem" ADD COLUMN "aiSystemKey" TEXT GENERATED ALWAYS AS (CASE
  WHEN btrim("aiModel") <> '' THEN 'model:' || lower(regexp_replace(btrim("aiProvider"), '\s+', ' ', 'g')) || '/'
    || lower(regexp_replace(btrim("aiModel"), '\s+', ' ', 'g'))
  WHEN "teamId" IS NOT NULL THEN 'team:' || "teamId" END) STORED;

CREATE FUNCTION postmortem_refresh_milestones(ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Postmortem" p SET "firstOccurrenceAt" = m."first", "detectedAt" = m."detected", "acknowledgedAt" = m."acknowledged",
      "mitigatedAt" = m."mitigated", "resolvedAt" = m."resolved"
  FROM (SELECT i."id",
      min(te."occurredAt") FILTER (WHERE te."milestone" = 'FIRST_OCCURRENCE') AS "first",
      min(te."occurredAt") FILTER (WHERE te."milestone" = 'DETECTED') AS "detected",
      min(te."occurredAt") FILTER (WHERE te."milestone" = 'ACKNOWLEDGED') AS "acknowledged",
      min(te."occurredAt") FILTER (WHERE te."milestone" = 'MITIGATED') AS "mitigated",
      min(te."occurredAt") FILTER (WHERE te."milestone" = 'RESOLVED') AS "resolved"
    FROM unnest(ids) AS i("id")
    LEFT JOIN "TimelineEntry" te ON te."postmortemId" = i."id" AND te."deletedAt" IS NULL AND te."occurredAt" IS NOT NULL
      AND te."milestone" IN ('FIRST_OCCURRENCE', 'DETECTED', 'ACKNOWLEDGED', 'MITIGATED', 'RESOLVED')
    GROUP BY i."id") m
  WHERE p."id" = m."id" AND (p."firstOccurrenceAt", p."detectedAt", p."acknowledgedAt", p."mitigatedAt", p."resolvedAt")
    IS DISTINCT FROM (m."first", m."detected", m."acknowledged", m."mitigated", m."resolved")
$$;

CREATE FUNCTION postmortem_refresh_open_actions(ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Postmortem" p SET "openActionCount" = a."open", "nextOpenDeadline" = a."deadline"
  FROM (SELECT i."id", count(ca."id")::int AS "open", min(ca."deadline") AS "deadline"
    FROM unnest(ids) AS i("id")
    LEFT JOIN "CorrectiveAction" ca ON ca."postmortemId" = i."id" AND ca."deletedAt" IS NULL AND ca."status" IN ('OPEN', 'IN_PROGRESS')
    GROUP BY i."id") a
  WHERE p."id" = a."id" AND (p."openActionCount", p."nextOpenDeadline") IS DISTINCT FROM (a."open", a."deadline")
$$;

-- One recompute per postmortem per statement, and only for rows whose relevant columns changed (an edit of a
-- timeline row's text or an action's wording leaves the postmortem row alone).
CREATE FUNCTION timeline_milestones_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM postmortem_refresh_milestones(ARRAY(SELECT DISTINCT n."postmortemId" FROM new_rows n WHERE n."milestone" IS NOT NULL));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM postmortem_refresh_milestones(ARRAY(SELECT DISTINCT o."postmortemId" FROM old_rows o WHERE o."milestone" IS NOT NULL));
  ELSE
    PERFORM postmortem_refresh_milestones(ARRAY(
      SELECT x."postmortemId" FROM old_rows o JOIN new_rows n ON n."id" = o."id",
        LATERAL (VALUES (o."postmortemId"), (n."postmortemId")) AS x("postmortemId")
      WHERE (o."milestone" IS NOT NULL OR n."milestone" IS NOT NULL)
        AND (o."postmortemId", o."milestone", o."occurredAt", o."deletedAt") IS DISTINCT FROM (n."postmortemId", n."milestone", n."occurredAt", n."deletedAt")
      GROUP BY 1));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION action_open_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM postmortem_refresh_open_actions(ARRAY(SELECT DISTINCT n."postmortemId" FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM postmortem_refresh_open_actions(ARRAY(SELECT DISTINCT o."postmortemId" FROM old_rows o));
  ELSE
    PERFORM postmortem_refresh_open_actions(ARRAY(
      SELECT x."postmortemId" FROM old_rows o JOIN new_rows n ON n."id" = o."id",
        LATERAL (VALUES (o."postmortemId"), (n."postmortemId")) AS x("postmortemId")
      WHERE (o."postmortemId", o."status", o."deadline", o."deletedAt") IS DISTINCT FROM (n."postmortemId", n."status", n."deadline", n."deletedAt")
      GROUP BY 1));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER timeline_milestones_insert AFTER INSERT ON "TimelineEntry" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_milestones_changed();
CREATE TRIGGER timeline_milestones_update AFTER UPDATE ON "TimelineEntry" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_milestones_changed();
CREATE TRIGGER timeline_milestones_delete AFTER DELETE ON "TimelineEntry" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION timeline_milestones_changed();
CREATE TRIGGER action_open_insert AFTER INSERT ON "CorrectiveAction" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_open_changed();
CREATE TRIGGER action_open_update AFTER UPDATE ON "CorrectiveAction" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_open_changed();
CREATE TRIGGER action_open_delete AFTER DELETE ON "CorrectiveAction" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION action_open_changed();

SELECT postmortem_refresh_milestones(ARRAY(SELECT "id" FROM "Postmortem"));
SELECT postmortem_refresh_open_actions(ARRAY(SELECT "id" FROM "Postmortem"));

-- CreateIndex: "has overdue actions", the list's filter.
CREATE INDEX "Postmortem_nextOpenDeadline_idx" ON "Postmortem" ("nextOpenDeadline") WHERE "deletedAt" IS NULL;

-- CreateIndex: the tracker's order, earliest deadline first and none last, so a page reads 51 rows, not all;
-- the second for its unfinished and overdue filters.
CREATE INDEX "CorrectiveAction_trackerOrder_idx" ON "CorrectiveAction" ((coalesce("deadline", '9999-12-31'::date)), "id")
  WHERE "deletedAt" IS NULL;
CREATE INDEX "CorrectiveAction_trackerOrder_unfinished_idx" ON "CorrectiveAction" ((coalesce("deadline", '9999-12-31'::date)), "id")
  WHERE "status" IN ('OPEN', 'IN_PROGRESS') AND "deletedAt" IS NULL;

-- CreateIndex: unfinished actions per postmortem with deadline and owner (overdue counts of a page of results,
-- the overview's counts by team and by owner), read without visiting the table.
CREATE INDEX "CorrectiveAction_postmortemId_unfinished_idx" ON "CorrectiveAction" ("postmortemId", "deadline") INCLUDE ("ownerId")
  WHERE "status" IN ('OPEN', 'IN_PROGRESS') AND "deletedAt" IS NULL;

-- Covering indexes for the aggregate queries. A postmortem row averages over 2 kB (its text stays inline),
-- so a scan of 50,000 of them reads ~90 MB; these narrow copies of the columns the managers' views filter,
-- group and count on let PostgreSQL answer with index-only scans of a few MB instead.
CREATE INDEX "Postmortem_browse_idx" ON "Postmortem" ("incidentDate", "id") INCLUDE ("severity", "status", "teamId",
  "facilitatorId", "createdById", "restricted", "meetingDate", "publishedAt", "createdAt", "firstOccurrenceAt", "detectedAt",
  "acknowledgedAt", "mitigatedAt", "resolvedAt", "detectOverrideMin", "acknowledgeOverrideMin", "mitigateOverrideMin",
  "resolveOverrideMin", "detectNotApplicable", "acknowledgeNotApplicable", "mitigateNotApplicable", "resolveNotApplicable",
  "openActionCount", "nextOpenDeadline", "aiSystemKey")
  WHERE "deletedAt" IS NULL;
CREATE INDEX "CorrectiveAction_postmortemId_live_idx" ON "CorrectiveAction" ("postmortemId") INCLUDE ("status", "horizon",
  "deadline", "completedAt", "ownerId")
  WHERE "deletedAt" IS NULL;
-- Published postmortems by AI system and date: the earlier ones a possible recurrence is compared with.
CREATE INDEX "Postmortem_published_aiSystemKey_idx" ON "Postmortem" ("aiSystemKey", "incidentDate")
  INCLUDE ("id", "restricted", "facilitatorId", "createdById") WHERE "status" = 'PUBLISHED' AND "deletedAt" IS NULL;
-- Written factors only: the template starts every postmortem with one empty factor per category.
CREATE INDEX "ContributingFactor_written_idx" ON "ContributingFactor" ("postmortemId", "category")
  WHERE btrim("description") <> '';
