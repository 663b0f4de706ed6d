-- The AI root causes and the written contributing-factor categories of each postmortem, on its row, so the
-- insights' cause and factor counts and its repeat incidents come from the same narrow index scan as its other
-- figures instead of joining 95,000 AI causes and 150,000 factors per request. Like "openActionCount", these
-- columns sit outside schema.prisma (the app never writes them), are kept by statement-level triggers and are
-- read with $queryRaw only.
ALTER TABLE "Postmortem" ADD COLUMN "aiCauseKinds" "AiCauseKind"[] NOT NULL DEFAULT '{}';
-- Written factors only: the template starts every postmortem with one empty factor per category.
ALTER TABLE "Postmortem" ADD COLUMN "factorCategories" "FactorCategory"[] NOT NULL DEFAULT '{}';

CREATE FUNCTION postmortem_refresh_causes(ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Postmortem" p SET "aiCauseKinds" = c."kinds", "factorCategories" = c."categories"
  FROM (SELECT i."id",
      coalesce((SELECT array_agg(ac."kind" ORDER BY ac."kind") FROM "AiCause" ac WHERE ac."postmortemId" = i."id"),
        '{}') AS "kinds",
      coalesce((SELECT array_agg(DISTINCT cf."category" ORDER BY cf."category") FROM "ContributingFactor" cf
        WHERE cf."postmortemId" = i."id" AND btrim(cf."description") <> ''), '{}') AS "categories"
    FROM unnest(ids) AS i("id")) c
  WHERE p."id" = c."id" AND (p."aiCauseKinds", p."factorCategories") IS DISTINCT FROM (c."kinds", c."categories")
$$;

-- One recompute per postmortem per statement, and only when a cause's kind or a factor's category or
-- written-ness changed (typing in a written factor's description leaves the postmortem row alone).
CREATE FUNCTION ai_cause_kinds_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM postmortem_refresh_causes(ARRAY(SELECT DISTINCT n."postmortemId" FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM postmortem_refresh_causes(ARRAY(SELECT DISTINCT o."postmortemId" FROM old_rows o));
  ELSE
    PERFORM postmortem_refresh_causes(ARRAY(
      SELECT x."postmortemId" FROM old_rows o JOIN new_rows n ON n."id" = o."id",
        LATERAL (VALUES (o."postmortemId"), (n."postmortemId")) AS x("postmortemId")
      WHERE (o."postmortemId", o."kind") IS DISTINCT FROM (n."postmortemId", n."kind")
      GROUP BY 1));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION factor_categories_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM postmortem_refresh_causes(ARRAY(SELECT DISTINCT n."postmortemId" FROM new_rows n WHERE btrim(n."description") <> ''));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM postmortem_refresh_causes(ARRAY(SELECT DISTINCT o."postmortemId" FROM old_rows o WHERE btrim(o."description") <> ''));
  ELSE
    PERFORM postmortem_refresh_causes(ARRAY(
      SELECT x."postmortemId" FROM old_rows o JOIN new_rows n ON n."id" = o."id",
        LATERAL (VALUES (o."postmortemId"), (n."postmortemId")) AS x("postmortemId")
      WHERE (o."postmortemId", o."category", btrim(o."description") <> '')
        IS DISTINCT FROM (n."postmortemId", n."category", btrim(n."description") <> '')
      GROUP BY 1));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER ai_cause_kinds_insert AFTER INSERT ON "AiCause" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ai_cause_kinds_changed();
CREATE TRIGGER ai_cause_kinds_update AFTER UPDATE ON "AiCause" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ai_cause_kinds_changed();
CREATE TRIGGER ai_cause_kinds_delete AFTER DELETE ON "AiCause" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ai_cause_kinds_changed();
CREATE TRIGGER factor_categories_insert AFTER INSERT ON "ContributingFactor" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factor_categories_changed();
CREATE TRIGGER factor_categories_update AFTER UPDATE ON "ContributingFactor" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factor_categories_changed();
CREATE TRIGGER factor_categories_delete AFTER DELETE ON "ContributingFactor" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION factor_categories_changed();

SELECT postmortem_refresh_causes(ARRAY(SELECT "id" FROM "Postmortem"));

-- The covering indexes gain the two arrays (see 20261201160000_browse_metrics for why they exist).
DROP INDEX "Postmortem_browse_idx";
CREATE INDEX "Postmortem_browse_idx" ON "Postmortem" ("incidentDate", "id") INCLUDE ("severity", "status", "teamId",
  "facilitatorId", "createdById", "restricted", "meetingDate", "publishedAt", "createdAt", "firstOccurrenceAt", "detectedAt",
  "acknowledgedAt", "mitigatedAt", "resolvedAt", "detectOverrideMin", "acknowledgeOverrideMin", "mitigateOverrideMin",
  "resolveOverrideMin", "detectNotApplicable", "acknowledgeNotApplicable", "mitigateNotApplicable", "resolveNotApplicable",
  "openActionCount", "nextOpenDeadline", "aiSystemKey", "aiCauseKinds", "factorCategories")
  WHERE "deletedAt" IS NULL;
DROP INDEX "Postmortem_published_aiSystemKey_idx";
CREATE INDEX "Postmortem_published_aiSystemKey_idx" ON "Postmortem" ("aiSystemKey", "incidentDate")
  INCLUDE ("id", "restricted", "facilitatorId", "createdById", "aiCauseKinds") WHERE "status" = 'PUBLISHED' AND "deletedAt" IS NULL;
