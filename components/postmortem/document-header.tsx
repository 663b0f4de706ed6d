"use client";

import type { ReactNode } from "react";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import { SeverityBadge, StatusBadge, formatDate } from "@/components/postmortems/labels";
import { reviewPolicyFor } from "@/lib/domain/severity-policy";

/**
 * The document's title line: name, severity, status, review type, facilitator and team follow the live
 * document, so a change made by someone else shows here at once. `clock` and `actions` are rendered by
 * the server (the 48-hour clock needs the server's time).
 */
export function DocumentHeader({ clock, actions }: { clock: ReactNode; actions: ReactNode }) {
  const { doc } = useLiveDoc();
  return (
    <header className="space-y-2">
      <p className="font-mono text-sm text-slate-500">{doc.incidentKey}</p>
      <h1 className="text-2xl font-semibold break-words">{doc.incidentName}</h1>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <SeverityBadge severity={doc.severity} />
        <StatusBadge status={doc.status} />
        <span data-testid="review-type">{reviewPolicyFor(doc.severity).label}</span>
        {clock}
        <span>· Incident {formatDate(doc.incidentDate)}</span>
        {doc.facilitatorName ? <span>· Facilitator {doc.facilitatorName}</span> : null}
        {doc.teamName ? <span>· {doc.teamName}</span> : null}
        {actions}
      </div>
    </header>
  );
}
