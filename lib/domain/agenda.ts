import type { Severity } from "@/lib/generated/prisma/enums";
import { reviewTypeFor, type ReviewType, type SectionId } from "@/lib/domain/severity-policy";

// The review meeting's agenda. The template says "Build the timeline first: reconstruct what happened
// chronologically before analysing why", so every agenda opens with the timeline and only then walks the
// analysis in the template's order. A log entry (Low) has no meeting and so no agenda.

export type AgendaItem = { id: SectionId; title: string; minutes: number };

const FULL: readonly AgendaItem[] = [
  { id: "timeline", title: "Build the timeline", minutes: 15 },
  { id: "metrics", title: "Key metrics from the timeline", minutes: 5 },
  { id: "root-cause", title: "5 Whys: find the systemic root cause", minutes: 15 },
  { id: "factors", title: "Contributing factors", minutes: 5 },
  { id: "ai-causes", title: "AI-specific root causes", minutes: 5 },
  { id: "impact", title: "Impact assessment", minutes: 5 },
  { id: "actions", title: "Corrective actions: owner and deadline for each", minutes: 10 },
  { id: "lessons", title: "Lessons learned", minutes: 5 },
  { id: "summary", title: "Agree the summary", minutes: 5 },
];

const LIGHTWEIGHT: readonly AgendaItem[] = [
  { id: "timeline", title: "Build the timeline", minutes: 10 },
  { id: "root-cause", title: "5 Whys: find the systemic root cause", minutes: 10 },
  { id: "actions", title: "Corrective actions: owner and deadline for each", minutes: 5 },
  { id: "lessons", title: "Lessons learned", minutes: 5 },
  { id: "summary", title: "Agree the summary", minutes: 2 },
];

const AGENDAS: Record<ReviewType, readonly AgendaItem[]> = { FULL, LIGHTWEIGHT, LOG: [] };

export function agendaFor(severity: Severity): readonly AgendaItem[] {
  return AGENDAS[reviewTypeFor(severity)];
}

export function isAgendaItem(severity: Severity, id: string): boolean {
  return agendaFor(severity).some((item) => item.id === id);
}

/** The item after `current`, or null at the end of the agenda. */
export function nextAgendaItem(agenda: readonly AgendaItem[], current: string): AgendaItem | null {
  const index = agenda.findIndex((item) => item.id === current);
  return index >= 0 && index + 1 < agenda.length ? agenda[index + 1] : null;
}

export function plannedMinutes(agenda: readonly AgendaItem[]): number {
  return agenda.reduce((sum, item) => sum + item.minutes, 0);
}

export type MeetingClock = {
  /** Time since the meeting started (to its end once ended). */
  totalMs: number;
  /** Time on the current agenda item. */
  itemMs: number;
  itemPlannedMs: number;
  totalPlannedMs: number;
  itemOver: boolean;
  totalOver: boolean;
};

type ClockInput = { startedAt: Date; itemStartedAt: Date; endedAt: Date | null; currentItem: string };

/** Both timers of a meeting at `now`; they stop when the meeting ends and never run backwards. */
export function meetingClock(agenda: readonly AgendaItem[], meeting: ClockInput, now: Date): MeetingClock {
  const end = meeting.endedAt ?? now;
  const totalMs = Math.max(0, end.getTime() - meeting.startedAt.getTime());
  const itemMs = Math.max(0, end.getTime() - meeting.itemStartedAt.getTime());
  const item = agenda.find((a) => a.id === meeting.currentItem);
  const itemPlannedMs = (item?.minutes ?? 0) * 60_000;
  const totalPlannedMs = plannedMinutes(agenda) * 60_000;
  return { totalMs, itemMs, itemPlannedMs, totalPlannedMs, itemOver: itemMs > itemPlannedMs, totalOver: totalMs > totalPlannedMs };
}

/** "m:ss", or "h:mm:ss" from an hour on. */
export function formatTimer(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
