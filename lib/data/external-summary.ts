import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/auth/permissions";
import { assertCan, loadAccess, type LoadedAccess, type Tx } from "@/lib/data/access";
import { appendDocEvents } from "@/lib/data/doc-events";
import { externalDraft, missingParts, type ExternalParts, type PublicSummary } from "@/lib/domain/external-summary";

// The external summary's release: approval freezes a copy of the three parts (plus the public facts),
// publication gives that copy an unguessable link, revocation takes the link away. The draft keeps
// changing in the document; the public page only ever reads the frozen copy.

export type ExternalReleaseDto = {
  approved: ExternalParts | null;
  approvedAt: string | null;
  publicToken: string | null;
  publishedAt: string | null;
  revokedAt: string | null;
  indexable: boolean;
  canApprove: boolean;
  summary: PublicSummaryDto | null;
};

export type PublicSummaryDto = Omit<PublicSummary, "incidentDate" | "resolvedAt"> & { incidentDate: string; resolvedAt: string | null };

/** The facilitator (or, without one, the creator) and admins approve and publish the external summary. */
async function authorizeRelease(tx: Tx, actor: Actor, id: string): Promise<LoadedAccess> {
  const access = await loadAccess(tx, id, true);
  assertCan(actor, "view", access);
  if (!can(actor, "releaseExternalSummary", access))
    throw new AppError("FORBIDDEN", { message: "Only the facilitator or an administrator can approve and publish the external summary." });
  return access;
}

type ReleaseRow = NonNullable<Awaited<ReturnType<typeof findRelease>>>;
const findRelease = (db: Tx, postmortemId: string) => db.externalSummaryRelease.findUnique({ where: { postmortemId } });

function toPublic(r: ReleaseRow): PublicSummaryDto {
  return {
    title: r.title,
    whatHappened: r.whatHappened,
    whatWeDid: r.whatWeDid,
    prevention: r.prevention,
    incidentDate: r.incidentDate.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    customerImpact: r.customerImpact,
  };
}

export async function getExternalRelease(actor: Actor, postmortemId: string): Promise<ExternalReleaseDto> {
  const db = getDb();
  const access = await loadAccess(db, postmortemId);
  assertCan(actor, "view", access);
  const release = await findRelease(db, postmortemId);
  const approved = release ? { whatHappened: release.whatHappened, whatWeDid: release.whatWeDid, prevention: release.prevention } : null;
  return {
    approved,
    approvedAt: release?.approvedAt.toISOString() ?? null,
    publicToken: release?.publicToken ?? null,
    publishedAt: release?.publishedAt?.toISOString() ?? null,
    revokedAt: release?.revokedAt?.toISOString() ?? null,
    indexable: release?.indexable ?? false,
    canApprove: can(actor, "releaseExternalSummary", access),
    summary: release ? toPublic(release) : null,
  };
}

/** Freezes the current draft as the approved external summary; a published link shows it from now on. */
export async function approveExternalSummary(actor: Actor, postmortemId: string): Promise<{ seq: number }> {
  return getDb().$transaction(async (tx) => {
    await authorizeRelease(tx, actor, postmortemId);
    const pm = await tx.postmortem.findUniqueOrThrow({
      where: { id: postmortemId },
      select: {
        incidentName: true,
        incidentDate: true,
        customerFacing: true,
        externalSummary: true,
        externalWhatWeDid: true,
        externalPrevention: true,
        impact: { select: { customerLevel: true } },
        timeline: {
          where: { deletedAt: null, milestone: "RESOLVED", occurredAt: { not: null } },
          orderBy: { occurredAt: "asc" },
          take: 1,
          select: { occurredAt: true },
        },
      },
    });
    if (!pm.customerFacing)
      throw new AppError("VALIDATION", { message: "Mark the incident as customer-facing before approving an external summary." });
    const draft = externalDraft(pm);
    const missing = missingParts(draft);
    if (missing.length > 0) throw new AppError("VALIDATION", { message: `Write every part before approving: ${missing.join(", ")}.` });
    const data = {
      title: pm.incidentName.trim(),
      whatHappened: draft.whatHappened.trim(),
      whatWeDid: draft.whatWeDid.trim(),
      prevention: draft.prevention.trim(),
      incidentDate: pm.incidentDate,
      resolvedAt: pm.timeline[0]?.occurredAt ?? null,
      customerImpact: pm.impact?.customerLevel ?? null,
      approvedAt: new Date(),
      approvedById: actor.id,
    };
    await tx.externalSummaryRelease.upsert({ where: { postmortemId }, create: { postmortemId, ...data }, update: data });
    const seq = await appendDocEvents(tx, postmortemId, actor.id, [
      {
        entity: "externalSummary",
        entityId: postmortemId,
        field: "approved",
        after: { whatHappened: data.whatHappened, whatWeDid: data.whatWeDid, prevention: data.prevention },
      },
    ]);
    return { seq };
  });
}

/** Gives the approved summary a public link (a new one after a revocation). */
export async function publishExternalSummary(actor: Actor, postmortemId: string): Promise<{ token: string }> {
  return getDb().$transaction(async (tx) => {
    await authorizeRelease(tx, actor, postmortemId);
    const release = await findRelease(tx, postmortemId);
    if (!release) throw new AppError("VALIDATION", { message: "Approve the external summary before publishing it." });
    if (release.publicToken) return { token: release.publicToken };
    const token = randomBytes(24).toString("base64url");
    await tx.externalSummaryRelease.update({
      where: { postmortemId },
      data: { publicToken: token, publishedAt: new Date(), revokedAt: null },
    });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "externalSummary", entityId: postmortemId, field: "published", after: true },
    ]);
    return { token };
  });
}

export async function revokeExternalSummary(actor: Actor, postmortemId: string): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await authorizeRelease(tx, actor, postmortemId);
    const release = await findRelease(tx, postmortemId);
    if (!release?.publicToken) return;
    await tx.externalSummaryRelease.update({ where: { postmortemId }, data: { publicToken: null, revokedAt: new Date() } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "externalSummary", entityId: postmortemId, field: "revoked", after: true },
    ]);
  });
}

/** Search engines are kept out (noindex) until the team decides otherwise. */
export async function setExternalSummaryIndexable(actor: Actor, postmortemId: string, indexable: boolean): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await authorizeRelease(tx, actor, postmortemId);
    const release = await findRelease(tx, postmortemId);
    if (!release) throw new AppError("VALIDATION", { message: "Approve the external summary first." });
    if (release.indexable === indexable) return;
    await tx.externalSummaryRelease.update({ where: { postmortemId }, data: { indexable } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "externalSummary", entityId: postmortemId, field: "indexable", before: release.indexable, after: indexable },
    ]);
  });
}

/** The public page's read: the token is the only credential; a revoked link or deleted postmortem is gone. */
export async function getPublicSummary(token: string): Promise<(PublicSummaryDto & { indexable: boolean }) | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const release = await getDb().externalSummaryRelease.findFirst({ where: { publicToken: token, postmortem: { deletedAt: null } } });
  return release ? { ...toPublic(release), indexable: release.indexable } : null;
}
