"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TimelineRowDto } from "@/lib/data/postmortem-document";
import type { ActionResult } from "@/lib/errors";
import type { SaveState } from "@/components/postmortem/section-card";
import { useLiveDoc, type EditOutcome } from "@/components/live/live-doc-provider";
import {
  deleteTimelineEntryAction,
  moveTimelineEntryAction,
  pasteTimelineAction,
  restoreTimelineEntryAction,
} from "@/app/(app)/postmortems/[id]/timeline-actions";

/**
 * A row on screen: a stored row, or one being created (`server` null until its create event arrives). Its
 * id is chosen here when it is added, so it can be edited at once.
 */
export type ViewRow = { key: string; id: string; server: TimelineRowDto | null };

// Optimistic operations stay applied until the page's props carry their seq (the revalidated document);
// a create until its own create event arrives (or it is refused).
type Pending =
  | { type: "create"; key: string; afterKey: string | null | undefined }
  | { type: "delete"; key: string; seq?: number }
  | { type: "move"; key: string; afterKey: string | null; seq?: number };

export type Deleted = { key: string; id: string; label: string };

function place(rows: ViewRow[], row: ViewRow, afterKey: string | null | undefined): ViewRow[] {
  const anchor = afterKey ? rows.findIndex((r) => r.key === afterKey) : -1;
  const at = afterKey === null ? 0 : anchor === -1 ? rows.length : anchor + 1;
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

const newRowId = () => crypto.randomUUID().replaceAll("-", "");

/** A create's answer as the section's save state sees it. */
function created(outcome: EditOutcome | null): ActionResult<null> {
  if (!outcome || outcome.ok) return { ok: true, data: null };
  return { ok: false, code: outcome.code, message: `The new row was not added: ${outcome.message}` };
}

/**
 * The timeline's rows with optimistic creates, deletes and moves. A new row is created through the live
 * outbox (its id chosen here, so its edits queue behind the create, also offline and across a reload);
 * deletes, moves and pastes go through one queue here, each after the changes made before it.
 */
export function useTimeline(postmortemId: string, serverRows: TimelineRowDto[], seq: number) {
  const live = useLiveDoc();
  const [pending, setPending] = useState<Pending[]>([]);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  const arrived = useRef(new Set<string>());

  // Creates still in the outbox (also from an earlier visit) show their rows until they are answered.
  const queuedCreates = JSON.stringify(
    live.pendingCreates("timeline").map((c): Pending => ({ type: "create", key: c.entityId, afterKey: c.create?.afterId })),
  );
  const rows = useMemo(() => {
    let view: ViewRow[] = serverRows.map((r) => ({ key: r.id, id: r.id, server: r }));
    const queued = JSON.parse(queuedCreates) as Pending[];
    for (const op of [...queued, ...pending]) {
      if (op.type !== "create" && op.seq !== undefined && seq >= op.seq) continue;
      if (op.type === "create") {
        if (!view.some((r) => r.key === op.key)) view = place(view, { key: op.key, id: op.key, server: null }, op.afterKey);
      } else if (op.type === "delete") {
        view = view.filter((r) => r.key !== op.key);
      } else {
        const row = view.find((r) => r.key === op.key);
        if (row)
          view = place(
            view.filter((r) => r.key !== op.key),
            row,
            op.afterKey,
          );
      }
    }
    return view;
  }, [serverRows, pending, seq, queuedCreates]);

  // A new row's own create event (or its removal) takes over from the optimistic row.
  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.entity !== "timeline" || event.field !== null || !event.entityId) return;
        arrived.current.add(event.entityId);
        setPending((list) => list.filter((p) => !(p.type === "create" && p.key === event.entityId)));
      }),
    [live],
  );

  /** Runs `task` after everything queued before it (a new row's create included). */
  const run = useCallback(<T>(task: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
    inFlight.current += 1;
    setState({ kind: "saving" });
    const next = queue.current.then(() =>
      task().catch((): ActionResult<T> => ({
        ok: false,
        code: "INTERNAL",
        message: "The server could not be reached; nothing was saved.",
      })),
    );
    queue.current = next;
    return next.then((result) => {
      inFlight.current -= 1;
      if (!result.ok) setState({ kind: "error", message: result.message });
      else if (inFlight.current === 0) setState({ kind: "saved", at: Date.now() });
      return result;
    });
  }, []);

  /**
   * The server's answer to a new row's create (null when it was answered before this asked). Once created,
   * the row stays shown until its create event arrives.
   */
  const answerTo = useCallback(
    (key: string, clientMutationId: string, afterKey: string | null | undefined) =>
      new Promise<EditOutcome | null>((resolve) => {
        if (!live.pendingCreates("timeline").some((c) => c.clientMutationId === clientMutationId)) return resolve(null);
        const off = live.onOutcome("timeline", key, (outcome) => {
          if (outcome.edit.clientMutationId !== clientMutationId) return;
          off();
          setPending((list) => {
            const rest = list.filter((p) => !(p.type === "create" && p.key === key));
            return outcome.ok && !arrived.current.has(key) ? [...rest, { type: "create", key, afterKey }] : rest;
          });
          resolve(outcome);
        });
      }),
    [live],
  );

  // Rows added during an earlier visit whose create is still waiting in the outbox (e.g. made offline):
  // later deletes and moves wait for their answer too.
  const { restored, pendingCreates } = live;
  useEffect(() => {
    if (restored === 0) return;
    for (const create of pendingCreates("timeline")) {
      const answered = answerTo(create.entityId, create.clientMutationId, create.create?.afterId);
      queue.current = queue.current.then(async () => {
        const result = created(await answered);
        if (!result.ok) setState({ kind: "error", message: result.message });
      });
    }
  }, [restored, pendingCreates, answerTo]);

  const settle = useCallback(
    (op: Exclude<Pending, { type: "create" }>, result: ActionResult<{ seq: number }>) => {
      setPending((list) =>
        result.ok
          ? list
              .map((p) => (p === op ? { ...op, seq: result.data.seq } : p))
              .filter((p) => p.type === "create" || p.seq === undefined || p.seq > seq)
          : list.filter((p) => p !== op),
      );
    },
    [seq],
  );

  /** Adds an empty row (after `afterKey`; null = top; undefined = end) and focuses its time cell. */
  const addRow = useCallback(
    (afterKey?: string | null) => {
      const key = newRowId();
      setPending((list) => [...list, { type: "create", key, afterKey }]);
      const clientMutationId = live.send({ entity: "timeline", entityId: key, changes: {}, base: {}, create: { afterId: afterKey } });
      const answered = answerTo(key, clientMutationId, afterKey);
      void run(async () => created(await answered));
      setFocusKey(key);
      return key;
    },
    [live, run, answerTo],
  );

  const deleteRow = useCallback(
    (key: string, label: string) => {
      const op = { type: "delete" as const, key };
      setPending((list) => [...list, op]);
      void run(async () => {
        const result = await deleteTimelineEntryAction({ postmortemId, entryId: key });
        if (result.ok) setDeleted({ key, id: key, label });
        settle(op, result);
        return result;
      });
    },
    [postmortemId, run, settle],
  );

  const undoDelete = useCallback(() => {
    if (!deleted) return;
    setDeleted(null);
    void run(() => restoreTimelineEntryAction({ postmortemId, entryId: deleted.id }));
  }, [deleted, postmortemId, run]);

  const moveRow = useCallback(
    (key: string, afterKey: string | null) => {
      const op = { type: "move" as const, key, afterKey };
      setPending((list) => [...list, op]);
      void run(async () => {
        const result = await moveTimelineEntryAction({ postmortemId, entryId: key, afterId: afterKey });
        settle(op, result);
        return result;
      });
    },
    [postmortemId, run, settle],
  );

  const paste = useCallback(
    (text: string) => {
      const clientMutationId = crypto.randomUUID();
      return run(() => pasteTimelineAction({ postmortemId, text, clientMutationId }));
    },
    [postmortemId, run],
  );

  return {
    rows,
    state,
    focusKey,
    deleted,
    addRow,
    deleteRow,
    undoDelete,
    moveRow,
    paste,
    dismissDeleted: () => setDeleted(null),
  };
}
