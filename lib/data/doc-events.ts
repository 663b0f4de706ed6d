import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/data/access";
import { readEnv } from "@/lib/env";
import { signalDocChanged } from "@/lib/realtime/bus";
import { currentDocEventOrigin } from "@/lib/data/doc-event-origin";

export type DocChange = {
  entity: string;
  entityId?: string | null;
  field?: string | null;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe form of a stored value (dates as ISO strings, bigints and decimals as strings). */
export function toJsonValue(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (
    typeof value === "object" &&
    value !== null &&
    "toFixed" in value &&
    typeof (value as { toString: unknown }).toString === "function"
  ) {
    return String(value);
  }
  return value as Prisma.InputJsonValue;
}

/** NOTIFY payloads must stay under 8000 bytes; above this the signal carries only the seq. */
const NOTIFY_EVENTS_MAX_BYTES = 7000;

/**
 * Appends the changes to the postmortem's log in the caller's transaction, in one statement. The seq
 * numbers are taken by incrementing Postmortem.seq in that same statement, so they are gap-free and
 * ordered per postmortem. With PostgreSQL a NOTIFY goes out at commit carrying the new events as the live
 * stream sends them (or only the seq when they are too large), so other processes need not read them back.
 */
export async function appendDocEvents(
  tx: Tx,
  postmortemId: string,
  actorId: string | null,
  changes: DocChange[],
  clientMutationId?: string | null,
): Promise<number> {
  if (changes.length === 0) {
    const row = await tx.postmortem.findUniqueOrThrow({ where: { id: postmortemId }, select: { seq: true } });
    return row.seq;
  }
  // The row lock is held from here to commit, so everything rides on one statement. Absent keys are SQL
  // NULLs (as Prisma writes an undefined Json field); `ord` numbers the events from 1; times are stored in
  // UTC, as Prisma stores DateTime.
  const events = JSON.stringify(
    changes.map((c, i) => ({
      ord: i + 1,
      id: randomUUID().replaceAll("-", ""),
      entity: c.entity,
      entityId: c.entityId ?? null,
      field: c.field ?? null,
      before: toJsonValue(c.before) ?? undefined,
      after: toJsonValue(c.after) ?? undefined,
    })),
  );
  const notify = Boolean(readEnv().externalDatabaseUrl);
  const [{ seq }] = await tx.$queryRaw<{ seq: number }[]>`
    WITH bumped AS (
      UPDATE "Postmortem" SET "seq" = "seq" + ${changes.length}, "updatedAt" = now()
      WHERE "id" = ${postmortemId} RETURNING "id", "seq"
    ), inserted AS (
      INSERT INTO "DocEvent" ("id", "postmortemId", "seq", "actorId", "entity", "entityId", "field", "before", "after",
        "clientMutationId", "origin", "at")
      SELECT e."id", b."id", b."seq" - ${changes.length} + e."ord", ${actorId}::text, e."entity", e."entityId", e."field",
        e."before", e."after", ${clientMutationId ?? null}::text, ${currentDocEventOrigin()}::text,
        now() AT TIME ZONE 'UTC'
      FROM bumped b, jsonb_to_recordset(${events}::jsonb) AS e("ord" int, "id" text, "entity" text, "entityId" text,
        "field" text, "before" jsonb, "after" jsonb)
      RETURNING "seq", "entity", "entityId", "field", "after", "at"
    ), signal AS (
      SELECT json_build_object('id', b."id", 'seq', b."seq", 'events', (
        SELECT json_agg(json_build_object('seq', i."seq", 'entity', i."entity", 'entityId', i."entityId", 'field', i."field",
          'after', i."after", 'actorId', ${actorId}::text, 'actorName', (SELECT u."name" FROM "User" u WHERE u."id" = ${actorId}::text),
          'clientMutationId', ${clientMutationId ?? null}::text,
          'at', to_char(i."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY i."seq")
        FROM inserted i))::text AS "full", b."id", b."seq"
      FROM bumped b WHERE ${notify}
    )
    SELECT b."seq", (SELECT pg_notify('postmortem', CASE WHEN octet_length(s."full") <= ${NOTIFY_EVENTS_MAX_BYTES}
        THEN s."full" ELSE json_build_object('id', s."id", 'seq', s."seq")::text END)::text FROM signal s) AS "notified"
    FROM bumped b`;
  signalDocChanged(postmortemId, seq);
  return seq;
}
