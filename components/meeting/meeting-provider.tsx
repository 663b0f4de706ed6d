"use client";

import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import type { MeetingDto } from "@/lib/data/meeting";

// The meeting as this page knows it, kept current by the "meeting" events of the live feed. Following
// the facilitator is a per-tab choice: while on, each move to another agenda item scrolls this page to it.

export type MeetingState = {
  meeting: MeetingDto | null;
  running: boolean;
  following: boolean;
  setFollowing: (on: boolean) => void;
  presenting: boolean;
  setPresenting: (on: boolean) => void;
  /** Everyone this tab has seen on the page while the meeting ran (userId → name). */
  seen: ReadonlyMap<string, string>;
  /** Answers of the server actions, so the panel updates before the event arrives. */
  accept: (meeting: MeetingDto) => void;
};

const MeetingContext = createContext<MeetingState | null>(null);

export function useMeeting(): MeetingState | null {
  return useContext(MeetingContext);
}

export function showAgendaItem(item: string) {
  document.getElementById(item)?.scrollIntoView({ block: "start" });
}

type MeetingPatch = { currentItem?: string; itemStartedAt?: string; endedAt?: string; attendees?: MeetingDto["attendees"] };

export function MeetingProvider({ initial, children }: { initial: MeetingDto | null; children: React.ReactNode }) {
  const live = useLiveDoc();
  const [meeting, setMeeting] = useState(initial);
  const [following, setFollowingState] = useState(true);
  const [presenting, setPresenting] = useState(false);

  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.entity !== "meeting") return;
        if (event.field === null) setMeeting(event.after as MeetingDto);
        else setMeeting((m) => (m && m.id === event.entityId ? { ...m, ...(event.after as MeetingPatch) } : m));
      }),
    [live],
  );

  const running = !!meeting && !meeting.endedAt;
  const [seen, setSeen] = useState<ReadonlyMap<string, string>>(new Map());
  const [seenFrom, setSeenFrom] = useState<typeof live.presence | null>(null);
  if (running && seenFrom !== live.presence) {
    setSeenFrom(live.presence);
    const missing = live.presence.filter((p) => !seen.has(p.userId));
    if (missing.length > 0) setSeen(new Map([...seen, ...missing.map((p) => [p.userId, p.name] as const)]));
  }
  const current = running ? meeting.currentItem : null;
  useEffect(() => {
    if (current && following) showAgendaItem(current);
  }, [current, following]);

  const setFollowing = useCallback((on: boolean) => setFollowingState(on), []);
  const accept = useCallback((next: MeetingDto) => setMeeting(next), []);

  return (
    <MeetingContext.Provider
      value={{ meeting, running, seen, following, setFollowing, presenting: presenting && running, setPresenting, accept }}
    >
      {children}
    </MeetingContext.Provider>
  );
}
