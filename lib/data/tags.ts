import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { appendDocEvents } from "@/lib/data/doc-events";
import { withEditLock } from "@/lib/data/field-writes";
import { visibleSql } from "@/lib/data/browse-sql";
import type { SetTagsData } from "@/lib/validations/tags";

/** Replaces the postmortem's tags (editors only) and logs the change as one DocEvent. */
export async function setPostmortemTags(actor: Actor, input: SetTagsData): Promise<string[]> {
  return withEditLock(actor, input.postmortemId, async (tx) => {
    const current = (await tx.postmortemTag.findMany({ where: { postmortemId: input.postmortemId }, orderBy: { tag: "asc" } })).map(
      (t) => t.tag,
    );
    if (current.join(",") === input.tags.join(",")) return current;
    await tx.postmortemTag.deleteMany({ where: { postmortemId: input.postmortemId, tag: { notIn: input.tags } } });
    await tx.postmortemTag.createMany({
      data: input.tags.filter((t) => !current.includes(t)).map((tag) => ({ postmortemId: input.postmortemId, tag })),
    });
    await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "postmortem", entityId: input.postmortemId, field: "tags", before: current, after: input.tags },
    ]);
    return input.tags;
  });
}

export type TagCount = { tag: string; count: number };

/** Tags in use on postmortems the actor may see, most used first: suggestions and the tag filter. */
export async function listTags(actor: Actor, limit = 200): Promise<TagCount[]> {
  return getDb().$queryRaw<TagCount[]>`
    SELECT pt."tag", count(*)::int AS "count" FROM "PostmortemTag" pt JOIN "Postmortem" p ON p."id" = pt."postmortemId"
    WHERE ${visibleSql(actor)} GROUP BY pt."tag" ORDER BY count(*) DESC, pt."tag" LIMIT ${limit}`;
}

/** The tags of one postmortem the caller has already been allowed to read. */
export async function tagsOf(postmortemId: string): Promise<string[]> {
  const rows = await getDb().postmortemTag.findMany({ where: { postmortemId }, orderBy: { tag: "asc" }, select: { tag: true } });
  return rows.map((r) => r.tag);
}
