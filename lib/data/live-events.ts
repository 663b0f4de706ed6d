import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { authorize } from "@/lib/data/access";
import type { LiveEvent } from "@/lib/realtime/live-event";

/** Authorises a live stream (view permission) and answers the postmortem's current seq. */
export async function authorizeLiveStream(actor: Actor, postmortemId: string): Promise<{ seq: number }> {
  const access = await authorize(getDb(), actor, postmortemId, "view");
  return { seq: access.seq };
}

/**
 * The log after `afterSeq`, oldest first. Not authorised here: only the live feed calls it, for streams
 * that `authorizeLiveStream` admitted (and re-checks while they are open).
 */
export async function loadDocEventsAfter(postmortemId: string, afterSeq: number, limit = 500): Promise<LiveEvent[]> {
  const rows = await getDb().docEvent.findMany({
    where: { postmortemId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
    select: {
      seq: true,
      entity: true,
      entityId: true,
      field: true,
      after: true,
      actorId: true,
      clientMutationId: true,
      at: true,
      actor: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    seq: r.seq,
    entity: r.entity,
    entityId: r.entityId,
    field: r.field,
    after: r.after ?? null,
    actorId: r.actorId,
    actorName: r.actor?.name ?? null,
    clientMutationId: r.clientMutationId,
    at: r.at.toISOString(),
  }));
}
