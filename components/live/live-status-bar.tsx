"use client";

import { useLiveDoc, type LiveStatus } from "@/components/live/live-doc-provider";
import type { PresencePerson } from "@/lib/realtime/live-event";

const plural = (n: number) => (n === 1 ? "1 change" : `${n} changes`);

/** The one page-level save state (the words people see, and a tone for them). */
export function describeStatus(s: LiveStatus): { text: string; tone: "ok" | "busy" | "warn" | "error" } {
  if (s.accessLost) return { text: "You no longer have access to this postmortem", tone: "error" };
  if (!s.online) return { text: s.waiting > 0 ? `Offline — ${plural(s.waiting)} will be sent` : "Offline", tone: "warn" };
  if (s.outage) return { text: s.waiting > 0 ? `Not connected — ${plural(s.waiting)} will be sent` : "Not connected", tone: "warn" };
  if (s.stream === "reconnecting") return { text: "Reconnecting", tone: "warn" };
  if (s.waiting > 0) return { text: `${plural(s.waiting)} waiting`, tone: "busy" };
  return { text: "All changes saved", tone: "ok" };
}

const TONES = {
  ok: "text-green-800",
  busy: "text-slate-700",
  warn: "text-amber-900",
  error: "text-red-800",
} as const;

function initials(name: string) {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join("") || "?"
  );
}

export function Avatars({ people }: { people: PresencePerson[] }) {
  // One avatar per person, even with several tabs open.
  const unique = [...new Map(people.map((p) => [p.userId, p])).values()];
  return (
    <ul className="flex items-center -space-x-1" aria-label="People in this postmortem" data-testid="presence">
      {unique.map((p) => (
        <li
          key={p.userId}
          title={p.name}
          data-testid="presence-person"
          data-name={p.name}
          className="flex size-7 items-center justify-center rounded-full border-2 border-white text-xs font-semibold text-white"
          style={{ background: p.color }}
        >
          <span aria-hidden>{initials(p.name)}</span>
          <span className="sr-only">{p.name}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Sticky bar of the document: who is here, and the one save state of the page. A server or database
 * outage shows here as a banner while edits wait in the browser.
 */
export function LiveStatusBar() {
  const live = useLiveDoc();
  const { text, tone } = describeStatus(live.status);
  return (
    <div className="no-print sticky top-0 z-20 -mx-1 space-y-2 bg-slate-50/95 px-1 py-2 backdrop-blur">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Avatars people={live.presence} />
        <p role="status" aria-live="polite" data-testid="page-save-state" data-tone={tone} className={`text-sm font-medium ${TONES[tone]}`}>
          {text}
        </p>
      </div>
      {live.status.outage || live.status.accessLost ? (
        <div
          role="alert"
          data-testid="outage-banner"
          className={`rounded-md border px-4 py-2 text-sm ${live.status.accessLost ? "border-red-200 bg-red-50 text-red-800" : "border-amber-200 bg-amber-50 text-amber-900"}`}
        >
          {live.status.accessLost
            ? "You were removed from this postmortem or it is no longer available to you. Changes from others no longer arrive here."
            : `${live.status.outage} Your edits are kept in this browser and will be sent when the connection returns.`}
        </div>
      ) : null}
    </div>
  );
}

/** Outlines a field or row someone else is in, in their colour, with their name. */
export function PresenceMark({
  entity,
  entityId,
  field,
  children,
  className = "",
}: {
  entity: string;
  entityId: string;
  field?: string;
  children: React.ReactNode;
  className?: string;
}) {
  const live = useLiveDoc();
  const here = live.presence.filter(
    (p) =>
      p.tabId !== live.tabId &&
      p.focus?.entity === entity &&
      p.focus.entityId === entityId &&
      (field === undefined || p.focus.field === field),
  );
  const first = here[0];
  return (
    <div
      className={`relative rounded-md ${className}`}
      data-testid={first ? "presence-mark" : undefined}
      data-editors={here.map((p) => p.name).join(", ") || undefined}
      style={first ? { outline: `2px solid ${first.color}`, outlineOffset: 2 } : undefined}
    >
      {children}
      {first ? (
        <span
          className="pointer-events-none absolute -top-3 right-1 z-10 rounded px-1.5 text-[11px] font-medium text-white"
          style={{ background: first.color }}
        >
          {here.map((p) => p.name).join(", ")}
        </span>
      ) : null}
    </div>
  );
}
