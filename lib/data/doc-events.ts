import "server-only";
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

/**
 * Appends the changes to the postmortem's log in the caller's transaction. The seq numbers are taken by
 * incrementing Postmortem.seq in that same transaction, so they are gap-free and ordered per postmortem,
 * and a NOTIFY goes out at commit for the other server processes.
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
  // The row lock is held from here to commit, so the NOTIFY (delivered at commit) rides on the same statement.
  const notify = Boolean(readEnv().externalDatabaseUrl);
  const [{ seq }] = await tx.$queryRaw<{ seq: number }[]>`
    WITH bumped AS (
      UPDATE "Postmortem" SET "seq" = "seq" + ${changes.length}, "updatedAt" = now()
      WHERE "id" = ${postmortemId} RETURNING "id", "seq"
    )
    SELECT "seq", CASE WHEN ${notify} THEN pg_notify('postmortem', json_build_object('id', "id", 'seq', "seq")::text)::text END AS "notified"
    FROM bumped`;
  const first = seq - changes.length + 1;
  const origin = currentDocEventOrigin();
  await tx.docEvent.createMany({
    data: changes.map((c, i) => ({
      postmortemId,
      seq: first + i,
      actorId,
      entity: c.entity,
      entityId: c.entityId ?? null,
      field: c.field ?? null,
      before: toJsonValue(c.before) ?? undefined,
      after: toJsonValue(c.after) ?? undefined,
      clientMutationId: clientMutationId ?? null,
      origin,
    })),
  });
  signalDocChanged(postmortemId, seq);
  return seq;
}
