"use client";

import { useState } from "react";
import type { SectionProps } from "@/components/postmortem/section-props";
import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import { EVENT_KIND_LABELS, MILESTONE_LABELS } from "@/lib/domain/labels";
import { TEMPLATE_INSTRUCTIONS } from "@/lib/domain/template";
import { toTimeCell } from "@/lib/validations/timeline";
import { SectionCard } from "@/components/postmortem/section-card";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { LocalTime } from "@/components/postmortem/timeline/local-time";
import { TimelinePaste } from "@/components/postmortem/timeline/timeline-paste";
import { TimelineRow } from "@/components/postmortem/timeline/timeline-row";
import { useTimeline } from "@/components/postmortem/timeline/use-timeline";

const guidance = TEMPLATE_INSTRUCTIONS.find((g) => g.id === "timeline-first");
const TITLE = "Timeline of Events";

function Guidance() {
  if (!guidance) return null;
  return (
    <p className="mb-3 text-sm text-slate-600">
      <strong className="font-semibold text-slate-800">{guidance.title}.</strong> {guidance.body}
    </p>
  );
}

function Head({ editing }: { editing: boolean }) {
  const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  return (
    <thead className="border-b border-slate-200 bg-slate-50">
      <tr>
        <th scope="col" className={th}>
          Time (UTC)
        </th>
        <th scope="col" className={`${th} w-[30%]`}>
          Event
        </th>
        <th scope="col" className={th}>
          Actor
        </th>
        <th scope="col" className={`${th} w-[24%]`}>
          Notes
        </th>
        <th scope="col" className={th}>
          Milestone
        </th>
        <th scope="col" className={th}>
          Kind
        </th>
        {editing ? (
          <th scope="col" className={th}>
            <span className="sr-only">Row actions</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}

/** The template's timeline table, filled in together during the review meeting. */
export function TimelineSection({ doc, canEdit }: SectionProps) {
  return canEdit ? <TimelineEditor doc={doc} /> : <TimelineReadOnly doc={doc} />;
}

function TimelineReadOnly({ doc }: { doc: PostmortemDocument }) {
  return (
    <SectionCard id="timeline" title={TITLE}>
      {doc.timeline.length === 0 ? (
        <p className="text-sm text-slate-600">No timeline events were recorded.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-[48rem] w-full text-sm">
            <Head editing={false} />
            <tbody className="divide-y divide-slate-100">
              {doc.timeline.map((row) => (
                <tr key={row.id} data-testid="timeline-row" className="align-top">
                  <td className="px-2 py-2 font-mono whitespace-nowrap">
                    {row.occurredAt ? toTimeCell(row.occurredAt) : <span className="text-slate-400">—</span>}
                    <LocalTime value={toTimeCell(row.occurredAt)} />
                  </td>
                  <td className="px-2 py-2 whitespace-pre-wrap">{row.event}</td>
                  <td className="px-2 py-2">{row.actor}</td>
                  <td className="px-2 py-2 whitespace-pre-wrap">{row.notes}</td>
                  <td className="px-2 py-2">{row.milestone ? MILESTONE_LABELS[row.milestone] : ""}</td>
                  <td className="px-2 py-2">{EVENT_KIND_LABELS[row.kind]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}

function TimelineEditor({ doc }: { doc: PostmortemDocument }) {
  const timeline = useTimeline(doc.id, doc.timeline, doc.seq);
  const [pasting, setPasting] = useState(false);
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const { rows } = timeline;

  function move(key: string, direction: -1 | 1) {
    const i = rows.findIndex((r) => r.key === key);
    if (direction === -1 && i > 0) timeline.moveRow(key, i >= 2 ? rows[i - 2].key : null);
    if (direction === 1 && i < rows.length - 1) timeline.moveRow(key, rows[i + 1].key);
  }

  async function paste(text: string) {
    const result = await timeline.paste(text);
    setPasteNote(result.ok ? `Added ${result.data.rows.length} rows from the pasted lines.` : result.message);
    return result;
  }

  return (
    <SectionCard
      id="timeline"
      title={TITLE}
      state={timeline.state}
      description="Times are UTC. Type 14:05 for that time on the incident day, or a full date and time."
    >
      <Guidance />
      <div className="overflow-x-auto">
        <table className="min-w-[64rem] w-full text-sm" aria-describedby="timeline-keys">
          <Head editing />
          <tbody className="divide-y divide-slate-100">
            {rows.map((view, index) => (
              <TimelineRow
                key={view.key}
                view={view}
                index={index}
                count={rows.length}
                incidentDate={doc.incidentDate}
                focusOnMount={timeline.focusKey === view.key}
                onAddBelow={(key) => timeline.addRow(key)}
                onDelete={timeline.deleteRow}
                onMove={move}
                onPasteLines={(text) => void paste(text)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? (
        <p className="py-4 text-sm text-slate-600">No events yet. Add the first one, or paste lines from the incident channel.</p>
      ) : null}
      <p id="timeline-keys" className="mt-2 text-xs text-slate-500">
        Enter saves the row and adds one below; ↑ and ↓ move between rows; Tab moves across.
      </p>
      {timeline.state.kind === "error" ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {timeline.state.message}
        </p>
      ) : null}
      {timeline.deleted ? (
        <div className="mt-3">
          <Alert tone="info">
            <span className="mr-3">Deleted “{timeline.deleted.label}”.</span>
            <Button size="sm" variant="secondary" onClick={timeline.undoDelete}>
              Undo
            </Button>{" "}
            <Button size="sm" variant="ghost" onClick={timeline.dismissDeleted}>
              Dismiss
            </Button>
          </Alert>
        </div>
      ) : null}
      {pasteNote ? (
        <p role="status" className="mt-2 text-sm text-slate-700">
          {pasteNote}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" onClick={() => timeline.addRow()}>
          Add row
        </Button>
        <Button size="sm" variant="secondary" aria-expanded={pasting} onClick={() => setPasting((p) => !p)}>
          Paste lines
        </Button>
      </div>
      {pasting ? <TimelinePaste onPaste={paste} onClose={() => setPasting(false)} /> : null}
    </SectionCard>
  );
}
