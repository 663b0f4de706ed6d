"use client";

import { createTicketAction } from "@/app/(app)/postmortems/[id]/sharing-actions";
import type { ActionTicketDto } from "@/lib/integrations/trackers";
import type { TrackerKind } from "@/lib/generated/prisma/enums";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerCall } from "@/components/sharing/use-server-call";

const LABEL: Record<TrackerKind, string> = { JIRA: "Jira", LINEAR: "Linear" };

/** "Create in Jira / Linear" per corrective action, shown only when an admin configured a tracker. */
export function TrackerTickets({
  postmortemId,
  tickets,
  trackers,
  canCreate,
}: {
  postmortemId: string;
  tickets: ActionTicketDto[];
  trackers: TrackerKind[];
  canCreate: boolean;
}) {
  const { busy, error, run } = useServerCall();
  if (trackers.length === 0 || tickets.length === 0) return null;
  return (
    <section
      aria-labelledby="tracker-title"
      data-testid="tracker-tickets"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 print:hidden"
    >
      <h2 id="tracker-title" className="text-lg font-semibold">
        Actions in {trackers.map((t) => LABEL[t]).join(" and ")}
      </h2>
      <p className="text-sm text-slate-600">
        Track corrective actions to completion in the team&apos;s tracker; ticket status is pulled back here on a schedule.
      </p>
      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <ul className="mt-3 divide-y divide-slate-100 text-sm">
        {tickets.map((t) => (
          <li key={t.id} className="flex flex-wrap items-center gap-2 py-2">
            <span className="font-mono text-xs text-slate-500">#{t.number}</span>
            <span className="min-w-0 flex-1">{t.action}</span>
            {t.trackerKey ? (
              <span>
                <a href={t.trackerUrl ?? "#"} target="_blank" rel="noopener noreferrer" className="font-mono text-brand-700 underline">
                  {t.trackerKey}
                </a>
                {t.trackerStatus ? <span className="text-slate-600"> · {t.trackerStatus}</span> : null}
              </span>
            ) : canCreate ? (
              trackers.map((kind) => (
                <Button
                  key={kind}
                  size="sm"
                  variant="secondary"
                  disabled={busy}
                  onClick={() => run(() => createTicketAction({ postmortemId, actionId: t.id, kind }))}
                >
                  Create in {LABEL[kind]}
                </Button>
              ))
            ) : (
              <span className="text-slate-500">No ticket</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
