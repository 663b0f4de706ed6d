-- The first statement of every write to a postmortem (lib/data/access.ts, loadAccess with a lock): lock the
-- row, then load what authorisation needs and whether the edit's client mutation id was applied before, in
-- one round trip. As a VOLATILE function its second query takes a fresh snapshot once the lock is granted, so
-- it sees the participants and events of every writer that committed while this one waited (a single
-- SELECT … FOR UPDATE would read them from the snapshot taken before the wait).
CREATE FUNCTION postmortem_lock_for_write(p_id text, p_mutation text)
RETURNS TABLE (
  "id" text,
  "seq" integer,
  "restricted" boolean,
  "status" text,
  "facilitatorId" text,
  "createdById" text,
  "participants" json,
  "appliedSeq" integer
) LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
  PERFORM 1 FROM "Postmortem" p WHERE p."id" = p_id AND p."deletedAt" IS NULL FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT p."id", p."seq", p."restricted", p."status"::text, p."facilitatorId", p."createdById",
      COALESCE((SELECT json_agg(json_build_object('userId', pa."userId", 'role', pa."role"))
                FROM "Participant" pa WHERE pa."postmortemId" = p."id"), '[]'::json),
      (SELECT max(e."seq") FROM "DocEvent" e WHERE e."postmortemId" = p."id" AND e."clientMutationId" = p_mutation)
    FROM "Postmortem" p WHERE p."id" = p_id;
END
$$;
