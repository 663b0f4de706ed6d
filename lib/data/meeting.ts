import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { authorize, type Tx } from "@/lib/data/access";
import { appendDocEvents } from "@/lib/data/doc-events";
import { agendaFor, isAgendaItem } from "@/lib/domain/agenda";
import type { EndMeetingInput, MoveMeetingItemInput } from "@/lib/validations/meeting";

// The review meeting. Its state changes are DocEvents of entity "meeting" (field null = started,
// "currentItem" = moved on, "endedAt" = ended), so every open page follows the facilitator through the
// same live feed as any edit. Leading the meeting is the facilitator's (or an admin's) job: the same
// people who may publish.

export type MeetingAttendee = { userId: string; name: string };
export type MeetingDto = {
  id: string;
  startedAt: string;
  currentItem: string;
  itemStartedAt: string;
  endedAt: string | null;
  attendees: MeetingAttendee[];
};

type MeetingRow = { id: string; startedAt: Date; currentItem: string; itemStartedAt: Date; endedAt: Date | null; attendees: unknown };

function toDto(m: MeetingRow): MeetingDto {
  return {
    id: m.id,
    startedAt: m.startedAt.toISOString(),
    currentItem: m.currentItem,
    itemStartedAt: m.itemStartedAt.toISOString(),
    endedAt: m.endedAt?.toISOString() ?? null,
    attendees: Array.isArray(m.attendees) ? (m.attendees as MeetingAttendee[]) : [],
  };
}

export async function getMeeting(actor: Actor, postmortemId: string): Promise<MeetingDto | null> {
  const db = getDb();
  await authorize(db, actor, postmortemId, "view");
  const meeting = await db.meeting.findUnique({ where: { postmortemId } });
  return meeting ? toDto(meeting) : null;
}

function leadMeeting<T>(actor: Actor, postmortemId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().$transaction(async (tx) => {
    await authorize(tx, actor, postmortemId, "publish", true);
    return fn(tx);
  });
}

async function runningMeeting(tx: Tx, postmortemId: string) {
  const meeting = await tx.meeting.findUnique({ where: { postmortemId } });
  if (!meeting) throw new AppError("VALIDATION", { message: "The meeting has not started." });
  if (meeting.endedAt) throw new AppError("VALIDATION", { message: "The meeting has ended." });
  return meeting;
}

/** Starts the meeting on the agenda's first item; its start is the post-mortem date (which stops the 48-hour clock). */
export function startMeeting(actor: Actor, postmortemId: string): Promise<MeetingDto> {
  return leadMeeting(actor, postmortemId, async (tx) => {
    const pm = await tx.postmortem.findUniqueOrThrow({
      where: { id: postmortemId },
      select: { severity: true, meetingDate: true, incidentDate: true },
    });
    const [first] = agendaFor(pm.severity);
    if (!first) throw new AppError("VALIDATION", { message: "A low-severity log entry has no review meeting." });
    const existing = await tx.meeting.findUnique({ where: { postmortemId } });
    if (existing)
      throw new AppError("VALIDATION", {
        message: existing.endedAt ? "The meeting has already been held." : "The meeting has already started.",
      });
    const now = new Date();
    const meeting = await tx.meeting.create({ data: { postmortemId, startedAt: now, currentItem: first.id, itemStartedAt: now } });
    const dto = toDto(meeting);
    const meetingDate = now.getTime() < pm.incidentDate.getTime() ? pm.incidentDate : now;
    await tx.postmortem.update({ where: { id: postmortemId }, data: { meetingDate } });
    await appendDocEvents(tx, postmortemId, actor.id, [
      { entity: "meeting", entityId: meeting.id, field: null, after: dto },
      { entity: "postmortem", entityId: postmortemId, field: "meetingDate", before: pm.meetingDate, after: meetingDate },
    ]);
    return dto;
  });
}

/** Moves the meeting (and everyone following the facilitator) to another agenda item; its timer restarts. */
export function moveMeetingItem(actor: Actor, input: MoveMeetingItemInput): Promise<MeetingDto> {
  return leadMeeting(actor, input.postmortemId, async (tx) => {
    const meeting = await runningMeeting(tx, input.postmortemId);
    const pm = await tx.postmortem.findUniqueOrThrow({ where: { id: input.postmortemId }, select: { severity: true } });
    if (!isAgendaItem(pm.severity, input.item))
      throw new AppError("VALIDATION", { message: "That is not an item of this meeting's agenda." });
    if (meeting.currentItem === input.item) return toDto(meeting);
    const updated = await tx.meeting.update({ where: { id: meeting.id }, data: { currentItem: input.item, itemStartedAt: new Date() } });
    await appendDocEvents(tx, input.postmortemId, actor.id, [
      {
        entity: "meeting",
        entityId: meeting.id,
        field: "currentItem",
        before: meeting.currentItem,
        after: { currentItem: updated.currentItem, itemStartedAt: updated.itemStartedAt.toISOString() },
      },
    ]);
    return toDto(updated);
  });
}

/** Ends the meeting and records who attended (the people the facilitator confirmed). */
export function endMeeting(actor: Actor, input: EndMeetingInput): Promise<MeetingDto> {
  return leadMeeting(actor, input.postmortemId, async (tx) => {
    const meeting = await runningMeeting(tx, input.postmortemId);
    const ids = [...new Set(input.attendeeIds)];
    const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
    if (users.length !== ids.length)
      throw new AppError("VALIDATION", { fieldErrors: { attendeeIds: ["Someone in the attendance list has no account."] } });
    const attendees: MeetingAttendee[] = users.map((u) => ({ userId: u.id, name: u.name }));
    const updated = await tx.meeting.update({ where: { id: meeting.id }, data: { endedAt: new Date(), attendees } });
    const dto = toDto(updated);
    await appendDocEvents(tx, input.postmortemId, actor.id, [
      { entity: "meeting", entityId: meeting.id, field: "endedAt", after: { endedAt: dto.endedAt, attendees } },
    ]);
    return dto;
  });
}
