"use client";

import { useState } from "react";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import { useMeeting } from "@/components/meeting/meeting-provider";
import { endMeetingAction } from "@/app/(app)/postmortems/[id]/meeting-actions";
import type { MeetingDto } from "@/lib/data/meeting";
import { Button } from "@/components/ui/button";

/**
 * Ending the meeting: the facilitator confirms who attended. Everyone seen on the page during the
 * meeting is ticked; participants who were not seen are listed unticked.
 */
export function AttendanceCheck({
  meeting,
  onCancel,
  onEnded,
}: {
  meeting: MeetingDto;
  onCancel: () => void;
  onEnded: (m: MeetingDto) => void;
}) {
  const live = useLiveDoc();
  const state = useMeeting();
  const seen = state?.seen ?? new Map<string, string>();
  const people = new Map(seen);
  for (const p of live.doc.participants) if (p.userId && !people.has(p.userId)) people.set(p.userId, p.name);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(seen.keys()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      const result = await endMeetingAction({ postmortemId: live.postmortemId, attendeeIds: [...ticked] });
      if (result.ok) onEnded(result.data);
      else setError(result.fieldErrors?.attendeeIds?.[0] ?? result.message);
    } catch {
      setError("The server cannot be reached; the meeting is still running.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="mt-3 rounded-md border border-slate-200 p-3" data-testid="attendance-check" data-meeting={meeting.id}>
      <legend className="px-1 font-semibold">Who attended?</legend>
      <ul className="grid gap-1 sm:grid-cols-2">
        {[...people].map(([userId, name]) => (
          <li key={userId}>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={ticked.has(userId)}
                onChange={(e) => {
                  const next = new Set(ticked);
                  if (e.target.checked) next.add(userId);
                  else next.delete(userId);
                  setTicked(next);
                }}
              />
              {name}
              {seen.has(userId) ? <span className="text-xs text-slate-500">(was here)</span> : null}
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="mt-2 font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 flex gap-2">
        <Button size="sm" disabled={busy} onClick={() => void confirm()}>
          Confirm attendance and end the meeting
        </Button>
        <Button size="sm" variant="secondary" onClick={onCancel}>
          Keep going
        </Button>
      </div>
    </fieldset>
  );
}
