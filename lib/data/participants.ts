import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { assertMayChangeParticipants, type Tx } from "@/lib/data/access";
import { appendDocEvents } from "@/lib/data/doc-events";
import { findCreatedBy, planFieldChanges, withEditLock } from "@/lib/data/field-writes";
import type { ParticipantDto } from "@/lib/data/postmortem-document";
import type { AddParticipantInput, UpdateParticipantRoleInput } from "@/lib/validations/sections";

// Attendees of the review: users of the app (who then may edit, as participants) or free-text names of
// people without an account. The facilitator's row follows the Facilitator field of the details section.

async function toDto(tx: Tx, id: string): Promise<ParticipantDto> {
  const p = await tx.participant.findUniqueOrThrow({ where: { id }, include: { user: { select: { name: true } } } });
  return { id: p.id, userId: p.userId, name: p.user?.name ?? p.name, role: p.role };
}

async function rowOf(tx: Tx, postmortemId: string, participantId: string) {
  const row = await tx.participant.findFirst({ where: { id: participantId, postmortemId } });
  if (!row) throw new AppError("DELETED", { message: "That attendee was removed by someone else." });
  return row;
}

/** Adds an attendee; a retry with the same client mutation id returns the row the first attempt made. */
export async function addParticipant(actor: Actor, input: AddParticipantInput): Promise<ParticipantDto> {
  const { postmortemId, clientMutationId } = input;
  return withEditLock(actor, postmortemId, async (tx, access) => {
    assertMayChangeParticipants(actor, access);
    const earlier = await findCreatedBy(tx, postmortemId, "participant", clientMutationId);
    if (earlier && (await tx.participant.findUnique({ where: { id: earlier }, select: { id: true } }))) return toDto(tx, earlier);
    const name = input.userId ? "" : input.name;
    if (input.userId) {
      const user = await tx.user.findFirst({ where: { id: input.userId, disabled: false }, select: { name: true } });
      if (!user) throw new AppError("VALIDATION", { fieldErrors: { userId: ["Choose an active user from the list."] } });
      const existing = await tx.participant.findUnique({ where: { postmortemId_userId: { postmortemId, userId: input.userId } } });
      if (existing) throw new AppError("VALIDATION", { fieldErrors: { userId: [`${user.name} is already an attendee.`] } });
    } else {
      const sameName = await tx.participant.findFirst({
        where: { postmortemId, userId: null, name: { equals: name, mode: "insensitive" } },
        select: { id: true },
      });
      if (sameName) throw new AppError("VALIDATION", { fieldErrors: { name: [`${name} is already an attendee.`] } });
    }
    const created = await tx.participant.create({
      data: { postmortemId, userId: input.userId, name, role: input.role },
    });
    await appendDocEvents(
      tx,
      postmortemId,
      actor.id,
      [{ entity: "participant", entityId: created.id, field: null, before: null, after: { userId: input.userId, name, role: input.role } }],
      clientMutationId,
    );
    return toDto(tx, created.id);
  });
}

/** Changes an attendee's role; a role someone else changed meanwhile is a conflict, not overwritten. */
export async function updateParticipantRole(actor: Actor, input: UpdateParticipantRoleInput): Promise<ParticipantDto> {
  const { postmortemId, participantId, role, baseRole } = input;
  return withEditLock(actor, postmortemId, async (tx, access) => {
    assertMayChangeParticipants(actor, access);
    const row = await rowOf(tx, postmortemId, participantId);
    if (row.role === role) return toDto(tx, row.id);
    planFieldChanges(row, { role }, { role: baseRole }, { entity: "participant", entityId: row.id });
    if (row.role === "FACILITATOR" && row.userId === access.facilitatorId) {
      throw new AppError("VALIDATION", {
        message: "Choose another facilitator in the details first; the facilitator keeps the Facilitator role.",
        fieldErrors: { role: ["The facilitator keeps the Facilitator role."] },
      });
    }
    await tx.participant.update({ where: { id: row.id }, data: { role } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "participant", entityId: row.id, field: "role", before: row.role, after: role },
    ]);
    return toDto(tx, row.id);
  });
}

/** Removes an attendee (the row itself: participation has no history of its own beyond the DocEvent). */
export async function removeParticipant(actor: Actor, input: { postmortemId: string; participantId: string }): Promise<{ id: string }> {
  const { postmortemId, participantId } = input;
  return withEditLock(actor, postmortemId, async (tx, access) => {
    assertMayChangeParticipants(actor, access);
    const row = await tx.participant.findFirst({ where: { id: participantId, postmortemId } });
    if (!row) return { id: participantId };
    if (row.userId && row.userId === access.facilitatorId && row.role === "FACILITATOR") {
      throw new AppError("VALIDATION", {
        message: "The facilitator cannot be removed from the attendees. Choose another facilitator first.",
      });
    }
    await tx.participant.delete({ where: { id: row.id } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "participant", entityId: row.id, field: null, before: { userId: row.userId, name: row.name, role: row.role }, after: null },
    ]);
    return { id: row.id };
  });
}
