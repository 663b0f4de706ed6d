-- An edit looks up its client mutation id in the postmortem's log (is this a retry?) under the row lock:
-- without this index that lookup scans the whole log of the postmortem, which grows with every edit.
CREATE INDEX "DocEvent_postmortemId_clientMutationId_idx" ON "DocEvent"("postmortemId", "clientMutationId");
