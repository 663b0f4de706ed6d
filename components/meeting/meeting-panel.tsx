"use client";

import { useEffect, useState } from "react";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import { showAgendaItem, useMeeting } from "@/components/meeting/meeting-provider";
import { AttendanceCheck } from "@/components/meeting/attendance-check";
import { usePresentingView } from "@/components/meeting/use-presenting-view";
import { moveMeetingItemAction, startMeetingAction } from "@/app/(app)/postmortems/[id]/meeting-actions";
import { agendaFor, formatTimer, meetingClock, nextAgendaItem, plannedMinutes, type AgendaItem } from "@/lib/domain/agenda";
import { formatUtcDateTime } from "@/lib/domain/dates";
import type { SectionId } from "@/lib/domain/severity-policy";
import { Button } from "@/components/ui/button";

function useNow(active: boolean): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(new Date());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** The review meeting: start it, walk the agenda with its timers, follow the facilitator, end it. */
export function MeetingPanel() {
  const live = useLiveDoc();
  const state = useMeeting();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ending, setEnding] = useState(false);
  const now = useNow(!!state?.running);
  usePresentingView(state?.presenting ? (state.meeting?.currentItem ?? null) : null);
  const agenda = agendaFor(live.doc.severity);
  if (!state || agenda.length === 0) return null;
  const { meeting, running } = state;
  const leads = live.doc.permissions.publish;

  async function run(action: () => ReturnType<typeof startMeetingAction>) {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (result.ok) state?.accept(result.data);
      else setError(result.message);
    } catch {
      setError("The server cannot be reached; try again.");
    } finally {
      setBusy(false);
    }
  }
  const moveTo = (item: SectionId) => run(() => moveMeetingItemAction({ postmortemId: live.postmortemId, item }));

  if (!meeting) {
    return (
      <section
        aria-label="Review meeting"
        data-testid="meeting-panel"
        data-state="not-started"
        className="no-print rounded-lg border border-brand-200 bg-brand-50/40 p-4 text-sm"
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 className="font-semibold">Review meeting</h2>
            <p className="text-slate-600">
              {agenda.length} agenda items, about {plannedMinutes(agenda)} min, timeline first.
              {leads ? " Starting it records today as the post-mortem date." : " The facilitator starts it."}
            </p>
          </div>
          {leads ? (
            <Button disabled={busy} onClick={() => void run(() => startMeetingAction({ postmortemId: live.postmortemId }))}>
              Start the meeting
            </Button>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="mt-2 font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </section>
    );
  }

  if (!running) {
    const clock = meetingClock(
      agenda,
      {
        ...meeting,
        startedAt: new Date(meeting.startedAt),
        itemStartedAt: new Date(meeting.itemStartedAt),
        endedAt: new Date(meeting.endedAt ?? meeting.startedAt),
      },
      new Date(),
    );
    return (
      <section
        aria-label="Review meeting"
        data-testid="meeting-panel"
        data-state="ended"
        className="no-print rounded-lg border border-slate-200 bg-white p-4 text-sm"
      >
        <h2 className="font-semibold">Review meeting held</h2>
        <p className="text-slate-600">
          {formatUtcDateTime(new Date(meeting.startedAt))} UTC · {formatTimer(clock.totalMs)}
        </p>
        <p data-testid="meeting-attendees">
          Attended: {meeting.attendees.length > 0 ? meeting.attendees.map((a) => a.name).join(", ") : "nobody recorded"}
        </p>
      </section>
    );
  }

  const clock = now
    ? meetingClock(
        agenda,
        { ...meeting, startedAt: new Date(meeting.startedAt), itemStartedAt: new Date(meeting.itemStartedAt), endedAt: null },
        now,
      )
    : null;
  const current = agenda.find((a) => a.id === meeting.currentItem);
  const next = nextAgendaItem(agenda, meeting.currentItem);
  return (
    <section
      aria-label="Review meeting"
      data-testid="meeting-panel"
      data-state="running"
      data-current-item={meeting.currentItem}
      className={`no-print sticky top-14 z-10 rounded-lg border border-brand-300 bg-white p-3 text-sm shadow-sm ${state.presenting ? "text-base" : ""}`}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="min-w-0 flex-1">
          <span className="text-xs font-semibold uppercase tracking-wide text-brand-700">Now discussing</span>{" "}
          <strong data-testid="meeting-current-item">{current?.title ?? meeting.currentItem}</strong>
        </p>
        <p className="font-mono tabular-nums" aria-label="Timers">
          <span title="Time on this item" className={clock?.itemOver ? "text-red-700" : ""} data-testid="item-timer">
            {clock ? formatTimer(clock.itemMs) : "–"}
          </span>
          <span className="text-slate-500"> / {current?.minutes ?? 0}:00 · total </span>
          <span title="Time since the meeting started" className={clock?.totalOver ? "text-red-700" : ""} data-testid="meeting-timer">
            {clock ? formatTimer(clock.totalMs) : "–"}
          </span>
        </p>
        <div className="flex flex-wrap gap-2">
          {leads && next ? (
            <Button size="sm" disabled={busy} onClick={() => void moveTo(next.id)}>
              Next: {next.title.split(":")[0]}
            </Button>
          ) : null}
          {!leads ? (
            state.following ? (
              <Button size="sm" variant="secondary" onClick={() => state.setFollowing(false)}>
                Stop following
              </Button>
            ) : (
              <Button size="sm" onClick={() => state.setFollowing(true)}>
                Follow the facilitator
              </Button>
            )
          ) : null}
          <Button size="sm" variant="secondary" aria-pressed={state.presenting} onClick={() => state.setPresenting(!state.presenting)}>
            {state.presenting ? "Leave presenting view" : "Present"}
          </Button>
          {leads ? (
            <Button size="sm" variant="danger" onClick={() => setEnding(true)}>
              End meeting
            </Button>
          ) : null}
        </div>
      </div>
      {!leads ? (
        <p className="mt-1 text-xs text-slate-500" data-testid="follow-state">
          {state.following
            ? "Following the facilitator: your page moves with the meeting."
            : "Not following: your page stays where you are."}
        </p>
      ) : null}
      <Agenda
        agenda={agenda}
        current={meeting.currentItem}
        onSelect={leads ? (id) => void moveTo(id) : showAgendaItem}
        leads={leads}
        busy={busy}
      />
      {error ? (
        <p role="alert" className="mt-2 font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {ending && leads ? (
        <AttendanceCheck
          meeting={meeting}
          onCancel={() => setEnding(false)}
          onEnded={(m) => {
            setEnding(false);
            state.accept(m);
          }}
        />
      ) : null}
    </section>
  );
}

function Agenda({
  agenda,
  current,
  onSelect,
  leads,
  busy,
}: {
  agenda: readonly AgendaItem[];
  current: string;
  onSelect: (id: SectionId) => void;
  leads: boolean;
  busy: boolean;
}) {
  return (
    <ol aria-label="Agenda" className="mt-2 flex gap-1 overflow-x-auto pb-1 text-xs" data-testid="agenda">
      {agenda.map((item, i) => (
        <li key={item.id} className="shrink-0">
          <button
            type="button"
            disabled={busy}
            aria-current={item.id === current ? "step" : undefined}
            onClick={() => onSelect(item.id)}
            title={leads ? `Move the meeting to ${item.title}` : `Go to ${item.title}`}
            className={`rounded-full border px-2.5 py-1 ${item.id === current ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {i + 1}. {item.title.split(":")[0]} <span className="opacity-70">{item.minutes}′</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
