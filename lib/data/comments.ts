import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { authorize, type Tx } from "@/lib/data/access";
import { appendDocEvents } from "@/lib/data/doc-events";
import { findCreatedBy } from "@/lib/data/field-writes";
import type { AddCommentInput, ResolveCommentInput } from "@/lib/validations/comments";

// Threaded comments. Each change is a DocEvent of entity "comment" (field null = added, "resolvedAt" =
// resolved or reopened), so comments reach every open page through the document's live feed. Whoever
// may edit the postmortem may comment; a thread is resolved or reopened as a whole (its first comment).

export type CommentDto = {
  id: string;
  anchor: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string;
  body: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  createdAt: string;
};

const include = { author: { select: { name: true } }, resolvedBy: { select: { name: true } } } as const;

type CommentRow = {
  id: string;
  anchor: string;
  parentId: string | null;
  authorId: string | null;
  body: string;
  resolvedAt: Date | null;
  createdAt: Date;
  author: { name: string } | null;
  resolvedBy: { name: string } | null;
};

function toDto(c: CommentRow): CommentDto {
  return {
    id: c.id,
    anchor: c.anchor,
    parentId: c.parentId,
    authorId: c.authorId,
    authorName: c.author?.name ?? "Former user",
    body: c.body,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    resolvedByName: c.resolvedBy?.name ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

export async function listComments(actor: Actor, postmortemId: string): Promise<CommentDto[]> {
  const db = getDb();
  await authorize(db, actor, postmortemId, "view");
  const rows = await db.comment.findMany({ where: { postmortemId }, include, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toDto);
}

/** The row a row anchor names must be a live row of this postmortem. */
async function assertAnchorExists(tx: Tx, postmortemId: string, anchor: string) {
  const [kind, id] = anchor.split(":");
  const where = { id, postmortemId, deletedAt: null };
  const found =
    kind === "section"
      ? true
      : kind === "timeline"
        ? await tx.timelineEntry.count({ where })
        : kind === "why"
          ? await tx.whyStep.count({ where })
          : kind === "action"
            ? await tx.correctiveAction.count({ where })
            : 0;
  if (!found) throw new AppError("DELETED", { message: "That row was deleted, so it cannot take comments." });
}

export async function addComment(actor: Actor, input: AddCommentInput): Promise<CommentDto> {
  const { postmortemId, clientMutationId } = input;
  return getDb().$transaction(async (tx) => {
    await authorize(tx, actor, postmortemId, "edit", true);
    const retried = await findCreatedBy(tx, postmortemId, "comment", clientMutationId);
    if (retried) return toDto(await tx.comment.findUniqueOrThrow({ where: { id: retried }, include }));
    let anchor = input.anchor;
    if (input.parentId) {
      const parent = await tx.comment.findFirst({ where: { id: input.parentId, postmortemId } });
      if (!parent) throw new AppError("DELETED", { message: "That thread no longer exists." });
      if (parent.parentId) throw new AppError("VALIDATION", { message: "Reply to the thread's first comment." });
      anchor = parent.anchor;
    } else {
      await assertAnchorExists(tx, postmortemId, anchor);
    }
    const row = await tx.comment.create({
      data: { postmortemId, anchor, parentId: input.parentId ?? null, authorId: actor.id, body: input.body },
      include,
    });
    const dto = toDto(row);
    await appendDocEvents(tx, postmortemId, actor.id, [{ entity: "comment", entityId: row.id, field: null, after: dto }], clientMutationId);
    return dto;
  });
}

export async function setCommentResolved(actor: Actor, input: ResolveCommentInput): Promise<CommentDto> {
  const { postmortemId, commentId, resolved } = input;
  return getDb().$transaction(async (tx) => {
    await authorize(tx, actor, postmortemId, "edit", true);
    const thread = await tx.comment.findFirst({ where: { id: commentId, postmortemId, parentId: null }, include });
    if (!thread) throw new AppError("DELETED", { message: "That thread no longer exists." });
    if ((thread.resolvedAt !== null) === resolved) return toDto(thread);
    const resolvedAt = resolved ? new Date() : null;
    const row = await tx.comment.update({
      where: { id: commentId },
      data: { resolvedAt, resolvedById: resolved ? actor.id : null },
      include,
    });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "comment", entityId: commentId, field: "resolvedAt", before: thread.resolvedAt, after: resolvedAt },
    ]);
    return toDto(row);
  });
}
