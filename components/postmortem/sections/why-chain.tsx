"use client";

import { addWhyAction, deleteWhyAction } from "@/app/(app)/postmortems/[id]/section-actions";
import { BlamelessHints } from "@/components/postmortem/blameless-hints";
import { WhyCoaching } from "@/components/assistant/why-coaching";
import type { SaveState } from "@/components/postmortem/section-card";
import { savedNow } from "@/components/postmortem/use-section-form";
import { FieldConflictNote, FieldSaveNote } from "@/components/live/field-conflict";
import { PresenceMark } from "@/components/live/live-status-bar";
import { useLiveRow, useReportRowState } from "@/components/live/use-live-row";
import { FieldHistoryButton } from "@/components/history/field-history";
import { CommentsButton } from "@/components/comments/comment-threads";
import { Button } from "@/components/ui/button";
import { Textarea, describedBy } from "@/components/ui/field";
import type { WhyDto } from "@/lib/data/postmortem-document";
import { whyTextSchema } from "@/lib/validations/sections";

const validate = (_field: string, value: unknown) => {
  const parsed = whyTextSchema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

function WhyRow({
  postmortemId,
  why,
  index,
  participantNames,
  onRemove,
  onState,
}: {
  postmortemId: string;
  why: WhyDto;
  index: number;
  participantNames: readonly string[];
  onRemove: () => void;
  onState: (state: SaveState) => void;
}) {
  const row = useLiveRow({ entity: "why", entityId: why.id, values: { text: why.text }, validate });
  useReportRowState(row, onState);
  const id = `why-${why.id}`;
  const text = String(row.value("text") ?? "");
  const status = row.status("text");
  const error = status.kind === "error" && !row.conflict("text") ? status.message : undefined;
  return (
    <li className="space-y-1" data-testid="why-row">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          Why {index + 1}?
        </label>
        <span className="flex items-center">
          <FieldHistoryButton row={row} fields={["text"]} label={`why ${index + 1}`} />
          <CommentsButton anchor={`why:${why.id}`} label={`why ${index + 1}`} />
          <Button size="sm" variant="ghost" aria-label={`Delete why ${index + 1}`} onClick={onRemove}>
            Delete
          </Button>
        </span>
      </div>
      <PresenceMark entity="why" entityId={why.id}>
        <Textarea
          id={id}
          rows={2}
          value={text}
          aria-invalid={!!error}
          aria-describedby={describedBy(id, error)}
          onChange={(e) => row.setValue("text", e.target.value)}
          {...row.bind("text")}
        />
      </PresenceMark>
      <FieldSaveNote row={row} field="text" />
      <FieldConflictNote row={row} field="text" />
      <BlamelessHints text={text} participantNames={participantNames} />
      <WhyCoaching postmortemId={postmortemId} text={text} participantNames={participantNames} />
    </li>
  );
}

/**
 * The chain of whys. Each why saves on its own as the person types (on a pause and on leaving it), so
 * attendees can work on different whys at once; someone else's change to the why being typed in shows
 * as a conflict. Whys added or deleted by others appear and disappear in place.
 */
export function WhyChain({
  postmortemId,
  whys,
  canEdit,
  participantNames,
  onState,
}: {
  postmortemId: string;
  whys: WhyDto[];
  canEdit: boolean;
  participantNames: readonly string[];
  onState: (state: SaveState) => void;
}) {
  async function add() {
    onState({ kind: "saving" });
    const result = await addWhyAction({ postmortemId, clientMutationId: crypto.randomUUID() }).catch(() => null);
    onState(
      result?.ok ? savedNow() : { kind: "error", message: result?.message ?? "The server cannot be reached; the why was not added." },
    );
  }

  async function remove(why: WhyDto) {
    onState({ kind: "saving" });
    const result = await deleteWhyAction({ postmortemId, whyId: why.id }).catch(() => null);
    onState(
      result?.ok ? savedNow() : { kind: "error", message: result?.message ?? "The server cannot be reached; the why was not deleted." },
    );
  }

  if (!canEdit) {
    const filled = whys.filter((r) => r.text.trim());
    return filled.length === 0 ? (
      <p className="text-sm italic text-slate-500">No whys recorded yet.</p>
    ) : (
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        {filled.map((r) => (
          <li key={r.id} className="whitespace-pre-wrap">
            {r.text}
          </li>
        ))}
      </ol>
    );
  }

  return (
    <div className="space-y-3">
      <ol className="space-y-3">
        {whys.map((why, i) => (
          <WhyRow
            key={why.id}
            postmortemId={postmortemId}
            why={why}
            index={i}
            participantNames={participantNames}
            onRemove={() => void remove(why)}
            onState={onState}
          />
        ))}
      </ol>
      {whys.length === 0 ? <p className="text-sm italic text-slate-500">No whys yet.</p> : null}
      <Button size="sm" variant="secondary" onClick={() => void add()}>
        Add another why
      </Button>
    </div>
  );
}
