import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { can, canTrackFollowUp, type Actor } from "@/lib/auth/permissions";
import { assertCan, authorize, loadAccess } from "@/lib/data/access";
import { appendDocEvents } from "@/lib/data/doc-events";
import { withEditLock } from "@/lib/data/field-writes";

// "Share lessons": who receives the postmortem when it is published (teams and people), and the
// runbooks and documents changed because of it. Every change is logged as a DocEvent.

export type SharingDto = {
  distribution: { id: string; kind: "team" | "person"; name: string }[];
  documentation: { id: string; title: string; link: string; ownerId: string | null; ownerName: string | null; done: boolean }[];
  teams: { id: string; name: string }[];
  canEdit: boolean;
};

export async function getSharing(actor: Actor, postmortemId: string): Promise<SharingDto> {
  const db = getDb();
  const access = await loadAccess(db, postmortemId);
  assertCan(actor, "view", access);
  const [entries, docs, teams] = await Promise.all([
    db.distributionEntry.findMany({
      where: { postmortemId },
      orderBy: { createdAt: "asc" },
      include: { team: { select: { name: true } }, user: { select: { name: true } } },
    }),
    db.documentationUpdate.findMany({
      where: { postmortemId },
      orderBy: { createdAt: "asc" },
      include: { owner: { select: { name: true } } },
    }),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    distribution: entries.map((e) => ({
      id: e.id,
      kind: e.teamId ? ("team" as const) : ("person" as const),
      name: e.team?.name ?? e.user?.name ?? "",
    })),
    documentation: docs.map((d) => ({
      id: d.id,
      title: d.title,
      link: d.link,
      ownerId: d.ownerId,
      ownerName: d.owner?.name ?? null,
      done: d.done,
    })),
    teams,
    canEdit: can(actor, "edit", access),
  };
}

export async function addDistribution(actor: Actor, input: { postmortemId: string; teamId?: string | null; userId?: string | null }) {
  const { postmortemId } = input;
  return withEditLock(actor, postmortemId, async (tx) => {
    if (!!input.teamId === !!input.userId) throw new AppError("VALIDATION", { message: "Choose a team or a person." });
    const target = input.teamId
      ? await tx.team.findUnique({ where: { id: input.teamId }, select: { name: true } })
      : await tx.user.findFirst({ where: { id: input.userId!, disabled: false }, select: { name: true } });
    if (!target)
      throw new AppError("VALIDATION", {
        message: input.teamId ? "Choose a team from the list." : "Choose an active person from the list.",
      });
    const existing = await tx.distributionEntry.findFirst({
      where: { postmortemId, ...(input.teamId ? { teamId: input.teamId } : { userId: input.userId }) },
    });
    if (existing) return { id: existing.id };
    const row = await tx.distributionEntry.create({ data: { postmortemId, teamId: input.teamId ?? null, userId: input.userId ?? null } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "distribution", entityId: row.id, field: null, after: { teamId: row.teamId, userId: row.userId, name: target.name } },
    ]);
    return { id: row.id };
  });
}

export async function removeDistribution(actor: Actor, input: { postmortemId: string; id: string }) {
  await withEditLock(actor, input.postmortemId, async (tx) => {
    const row = await tx.distributionEntry.findFirst({ where: { id: input.id, postmortemId: input.postmortemId } });
    if (!row) return;
    await tx.distributionEntry.delete({ where: { id: row.id } });
    await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "distribution", entityId: row.id, field: null, before: { teamId: row.teamId, userId: row.userId }, after: null },
    ]);
  });
}

export async function addDocumentationUpdate(
  actor: Actor,
  input: { postmortemId: string; title: string; link: string; ownerId: string | null },
) {
  return withEditLock(actor, input.postmortemId, async (tx) => {
    if (input.ownerId && !(await tx.user.findFirst({ where: { id: input.ownerId, disabled: false }, select: { id: true } }))) {
      throw new AppError("VALIDATION", { fieldErrors: { ownerId: ["Choose an active person as owner."] } });
    }
    const row = await tx.documentationUpdate.create({ data: input });
    await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "documentation", entityId: row.id, field: null, after: { title: row.title, link: row.link, ownerId: row.ownerId } },
    ]);
    return { id: row.id };
  });
}

/**
 * Ticking a document done outlives the review (like an action's status): its owner, the facilitator, the
 * postmortem's editors and admins may do it after publishing too.
 */
export async function setDocumentationDone(actor: Actor, input: { postmortemId: string; id: string; done: boolean }) {
  await getDb().$transaction(async (tx) => {
    const access = await authorize(tx, actor, input.postmortemId, "view", true);
    const row = await tx.documentationUpdate.findFirst({ where: { id: input.id, postmortemId: input.postmortemId } });
    if (!row) throw new AppError("DELETED");
    if (!canTrackFollowUp(actor, access, row.ownerId)) throw new AppError("FORBIDDEN");
    if (row.done === input.done) return;
    await tx.documentationUpdate.update({ where: { id: row.id }, data: { done: input.done } });
    await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "documentation", entityId: row.id, field: "done", before: row.done, after: input.done },
    ]);
  });
}

export async function removeDocumentationUpdate(actor: Actor, input: { postmortemId: string; id: string }) {
  await withEditLock(actor, input.postmortemId, async (tx) => {
    const row = await tx.documentationUpdate.findFirst({ where: { id: input.id, postmortemId: input.postmortemId } });
    if (!row) return;
    await tx.documentationUpdate.delete({ where: { id: row.id } });
    await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "documentation", entityId: row.id, field: null, before: { title: row.title, link: row.link }, after: null },
    ]);
  });
}
