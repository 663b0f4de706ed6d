import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { authorize } from "@/lib/data/access";

// The earlier values of the fields of one thing (the postmortem's own fields, or one row), read from
// the DocEvent log: who set each value and when. Restoring one is an ordinary edit, sent by the page.

export type FieldChange = { seq: number; field: string; before: unknown; after: unknown; actorName: string | null; at: string };

const LIMIT = 100;

export async function listFieldHistory(
  actor: Actor,
  postmortemId: string,
  target: { entity: string; entityId: string; fields?: string[] },
): Promise<FieldChange[]> {
  const db = getDb();
  await authorize(db, actor, postmortemId, "viewHistory");
  const rows = await db.docEvent.findMany({
    where: {
      postmortemId,
      entity: target.entity,
      entityId: target.entityId,
      field: target.fields ? { in: target.fields } : { not: null },
    },
    orderBy: { seq: "desc" },
    take: LIMIT,
    include: { actor: { select: { name: true } } },
  });
  return rows.map((e) => ({
    seq: e.seq,
    field: e.field as string,
    before: e.before ?? null,
    after: e.after ?? null,
    actorName: e.actor?.name ?? null,
    at: e.at.toISOString(),
  }));
}
