import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { assertCan, authorize, loadAccess } from "@/lib/data/access";
import { appendDocEvents, type DocChange } from "@/lib/data/doc-events";
import { getPostmortemDocument, type PostmortemDocument } from "@/lib/data/postmortem-document";
import { buildSnapshot } from "@/lib/data/snapshot-from-document";
import { checkPublish, type PublishCheck } from "@/lib/domain/completeness";
import type { PostmortemStatus } from "@/lib/generated/prisma/enums";
import { HISTORY_PAGE_SIZE } from "@/lib/validations/lifecycle";

export async function getPublishCheck(actor: Actor, id: string): Promise<PublishCheck> {
  return checkPublish(buildSnapshot(await getPostmortemDocument(actor, id)));
}

export type StatusChange = { postmortemId: string; to: PostmortemStatus };

const notReady = (n: number) => `Not ready to publish: ${n} ${n === 1 ? "item" : "items"} missing`;

type Transition = { status: PostmortemStatus; publishedAt: string | null };
const STALE = Symbol("stale publish check");

/**
 * The review lifecycle: DRAFT ⇄ IN_REVIEW by editors, → PUBLISHED by whoever may publish once the
 * publish check passes, PUBLISHED → IN_REVIEW (reopen) by the facilitator or an admin only. A published
 * postmortem goes back to draft only through review, so its history reads as reopen-then-edit.
 *
 * The publish check reads the document before the transaction (embedded PGlite cannot serve a second
 * connection while one holds a transaction); the locked row's seq then proves nothing changed since,
 * otherwise the check is simply run again.
 */
export async function setStatus(actor: Actor, input: StatusChange): Promise<Transition> {
  for (let attempt = 0; ; attempt++) {
    const doc = input.to === "PUBLISHED" ? await getPostmortemDocument(actor, input.postmortemId) : null;
    try {
      return await transition(actor, input, doc);
    } catch (error) {
      if (error !== STALE) throw error;
      if (attempt >= 2) throw new AppError("CONFLICT");
    }
  }
}

function transition(actor: Actor, input: StatusChange, doc: PostmortemDocument | null): Promise<Transition> {
  return getDb().$transaction(async (tx) => {
    const access = await loadAccess(tx, input.postmortemId, true);
    assertCan(actor, "view", access);
    const pm = await tx.postmortem.findUniqueOrThrow({ where: { id: access.id }, select: { status: true, publishedAt: true } });
    const from = pm.status;
    if (from === input.to) return { status: from, publishedAt: pm.publishedAt?.toISOString() ?? null };

    let publishedAt: Date | null = pm.publishedAt;
    if (from === "PUBLISHED") {
      if (input.to !== "IN_REVIEW") throw new AppError("VALIDATION", { message: "Reopen a published postmortem for review first." });
      assertCan(actor, "reopen", access);
      publishedAt = null;
    } else if (input.to === "PUBLISHED") {
      assertCan(actor, "publish", access);
      if (!doc || doc.seq !== access.seq) throw STALE;
      const check = checkPublish(buildSnapshot(doc));
      if (!check.ok) {
        throw new AppError("VALIDATION", {
          message: notReady(check.problems.length),
          detail: { problems: check.problems, warnings: check.warnings },
        });
      }
      publishedAt = new Date();
    } else {
      assertCan(actor, "edit", access);
    }

    await tx.postmortem.update({ where: { id: access.id }, data: { status: input.to, publishedAt } });
    const events: DocChange[] = [{ entity: "postmortem", entityId: access.id, field: "status", before: from, after: input.to }];
    if ((pm.publishedAt?.getTime() ?? null) !== (publishedAt?.getTime() ?? null)) {
      events.push({ entity: "postmortem", entityId: access.id, field: "publishedAt", before: pm.publishedAt, after: publishedAt });
    }
    await appendDocEvents(tx, access.id, actor.id, events);
    return { status: input.to, publishedAt: publishedAt?.toISOString() ?? null };
  });
}

export type HistoryItem = {
  seq: number;
  /** "Action 3", "Timeline row"… : the thing that changed, readable without its id. */
  subject: string;
  at: string;
  actorName: string | null;
  entity: string;
  entityId: string | null;
  field: string | null;
  before: unknown;
  after: unknown;
  /** "assistant" when the assistant drafted the change and `actorName` accepted it. */
  origin: string | null;
};

export type HistoryPage = { items: HistoryItem[]; nextBefore: number | null };

/** The postmortem's change log, newest first, a page at a time (`before` is the oldest seq already shown). */
export async function listHistory(actor: Actor, id: string, options: { before?: number; limit?: number } = {}): Promise<HistoryPage> {
  const db = getDb();
  await authorize(db, actor, id, "viewHistory");
  const limit = options.limit ?? HISTORY_PAGE_SIZE;
  const rows = await db.docEvent.findMany({
    where: { postmortemId: id, ...(options.before ? { seq: { lt: options.before } } : {}) },
    orderBy: { seq: "desc" },
    take: limit + 1,
    include: { actor: { select: { name: true } } },
  });
  const page = rows.slice(0, limit);
  const names = await userNames(page.flatMap((e) => (USER_FIELDS.has(e.field ?? "") ? [e.before, e.after] : [])));
  const actionIds = page.filter((e) => e.entity === "action" && e.entityId).map((e) => e.entityId as string);
  const numbers = new Map(
    (await db.correctiveAction.findMany({ where: { id: { in: actionIds } }, select: { id: true, number: true } })).map((a) => [
      a.id,
      a.number,
    ]),
  );
  const person = (v: unknown) => (typeof v === "string" ? (names.get(v) ?? v) : (v ?? null));
  return {
    items: page.map((e) => {
      const byName = USER_FIELDS.has(e.field ?? "");
      const number = e.entityId ? numbers.get(e.entityId) : undefined;
      return {
        seq: e.seq,
        at: e.at.toISOString(),
        actorName: e.actor?.name ?? null,
        entity: e.entity,
        entityId: e.entityId,
        subject: e.entity === "action" && number ? `Action ${number}` : e.entity,
        field: e.field,
        before: byName ? person(e.before) : (e.before ?? null),
        after: byName ? person(e.after) : (e.after ?? null),
        origin: e.origin,
      };
    }),
    nextBefore: rows.length > limit ? page[page.length - 1].seq : null,
  };
}

// Fields that hold a user id; the history shows the person's name instead.
const USER_FIELDS = new Set(["ownerId", "facilitatorId", "userId"]);

async function userNames(values: unknown[]): Promise<Map<string, string>> {
  const ids = [...new Set(values.filter((v): v is string => typeof v === "string"))];
  if (ids.length === 0) return new Map();
  const users = await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
