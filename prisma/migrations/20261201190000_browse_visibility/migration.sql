-- Restricted postmortems by id: the visibility rule (browse-sql.visibleSql) reads the restricted postmortems a
-- person takes part in once per statement, so each restricted row is checked against a few ids instead of
-- every postmortem the person ever attended (hundreds for a long-standing facilitator).
CREATE INDEX "Postmortem_restricted_idx" ON "Postmortem" ("id") WHERE "restricted";

-- CreateIndex: postmortems created in a period (the follow-up report's "new postmortems").
CREATE INDEX "Postmortem_createdAt_idx" ON "Postmortem"("createdAt");
