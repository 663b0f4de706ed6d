"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { TimelineRowDto } from "@/lib/data/postmortem-document";
import type { ActionResult } from "@/lib/errors";
import type { SaveState } from "@/components/postmortem/section-card";
import {
  createTimelineEntryAction,
  deleteTimelineEntryAction,
  moveTimelineEntryAction,
  pasteTimelineAction,
  restoreTimelineEntryAction,
} from "@/app/(app)/postmortems/[id]/timeline-actions";

/** A row on screen: a stored row, or one being created (no id yet). `key` survives the id arriving. */
export type ViewRow = { key: string; id: string | null; server: TimelineRowDto | null };

// Optimistic operations stay applied until the page's props carry their seq (the revalidated document).
type Pending =
  | { type: "create"; key: string; afterKey: string | null | undefined; seq?: number }
  | { type: "delete"; key: string; seq?: number }
  | { type: "move"; key: string; afterKey: string | null; seq?: number };

export type Deleted = { key: string; id: string; label: string };

function place(rows: ViewRow[], row: ViewRow, afterKey: string | null | undefined): ViewRow[] {
  const anchor = afterKey ? rows.findIndex((r) => r.key === afterKey) : -1;
  const at = afterKey === null ? 0 : anchor === -1 ? rows.length : anchor + 1;
  return [...rows.slice(0, at), row, ...rows.slice(at)];
}

/** A stored row's key is its id; a new row's key maps to its id once the create has answered. */
function resolveId(ids: Map<string, string>, key: string | null): string | null {
  if (key === null) return null;
  return ids.get(key) ?? (key.startsWith("new-") ? null : key);
}

/**
 * The timeline's rows with optimistic creates, deletes and moves, and one queue that sends every change in
 * the order the person made it (a new row's edits wait for its create, so they know its id).
 */
export function useTimeline(postmortemId: string, serverRows: TimelineRowDto[], seq: number) {
  const [pending, setPending] = useState<Pending[]>([]);
  const [keyById, setKeyById] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const idByKey = useRef(new Map<string, string>());
  const inFlight = useRef(0);

  const rows = useMemo(() => {
    let view: ViewRow[] = serverRows.map((r) => ({ key: keyById[r.id] ?? r.id, id: r.id, server: r }));
    for (const op of pending) {
      if (op.seq !== undefined && seq >= op.seq) continue;
      if (op.type === "create") {
        if (!view.some((r) => r.key === op.key)) view = place(view, { key: op.key, id: null, server: null }, op.afterKey);
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
  }, [serverRows, pending, keyById, seq]);

  /** Runs `task` after everything queued before it; `task` gets the row's id once the row exists. */
  const run = useCallback(<T>(key: string | null, task: (id: string | null) => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
    inFlight.current += 1;
    setState({ kind: "saving" });
    const next = queue.current.then(async () => {
      const id = resolveId(idByKey.current, key);
      if (key !== null && id === null) {
        return { ok: false, code: "DELETED", message: "That row could not be created." } as ActionResult<T>;
      }
      return task(id).catch((): ActionResult<T> => ({
        ok: false,
        code: "INTERNAL",
        message: "The server could not be reached; nothing was saved.",
      }));
    });
    queue.current = next;
    return next.then((result) => {
      inFlight.current -= 1;
      if (!result.ok) setState({ kind: "error", message: result.message });
      else if (inFlight.current === 0) setState({ kind: "saved", at: Date.now() });
      return result;
    });
  }, []);

  const settle = useCallback(
    (op: Pending, result: ActionResult<{ seq: number }>) => {
      setPending((list) =>
        result.ok
          ? list.map((p) => (p === op ? { ...p, seq: result.data.seq } : p)).filter((p) => p.seq === undefined || p.seq > seq)
          : list.filter((p) => p !== op),
      );
    },
    [seq],
  );

  /** Adds an empty row (after `afterKey`; null = top; undefined = end) and focuses its time cell. */
  const addRow = useCallback(
    (afterKey?: string | null) => {
      const key = `new-${crypto.randomUUID()}`;
      const clientMutationId = crypto.randomUUID();
      const op: Pending = { type: "create", key, afterKey };
      setPending((list) => [...list, op]);
      setFocusKey(key);
      void run(null, async () => {
        const result = await createTimelineEntryAction({
          postmortemId,
          clientMutationId,
          afterId: afterKey === undefined ? undefined : resolveId(idByKey.current, afterKey),
        });
        if (result.ok) {
          idByKey.current.set(key, result.data.row.id);
          setKeyById((map) => ({ ...map, [result.data.row.id]: key }));
        }
        settle(op, result);
        return result;
      });
      return key;
    },
    [postmortemId, run, settle],
  );

  const deleteRow = useCallback(
    (key: string, label: string) => {
      const op: Pending = { type: "delete", key };
      setPending((list) => [...list, op]);
      void run(key, async (id) => {
        const result = await deleteTimelineEntryAction({ postmortemId, entryId: id as string });
        if (result.ok) setDeleted({ key, id: id as string, label });
        settle(op, result);
        return result;
      });
    },
    [postmortemId, run, settle],
  );

  const undoDelete = useCallback(() => {
    if (!deleted) return;
    setDeleted(null);
    void run(deleted.key, (id) => restoreTimelineEntryAction({ postmortemId, entryId: id as string }));
  }, [deleted, postmortemId, run]);

  const moveRow = useCallback(
    (key: string, afterKey: string | null) => {
      const op: Pending = { type: "move", key, afterKey };
      setPending((list) => [...list, op]);
      void run(key, async (id) => {
        const result = await moveTimelineEntryAction({
          postmortemId,
          entryId: id as string,
          afterId: resolveId(idByKey.current, afterKey),
        });
        settle(op, result);
        return result;
      });
    },
    [postmortemId, run, settle],
  );

  const paste = useCallback(
    (text: string) => {
      const clientMutationId = crypto.randomUUID();
      return run(null, () => pasteTimelineAction({ postmortemId, text, clientMutationId }));
    },
    [postmortemId, run],
  );

  return {
    rows,
    state,
    focusKey,
    deleted,
    run,
    addRow,
    deleteRow,
    undoDelete,
    moveRow,
    paste,
    dismissDeleted: () => setDeleted(null),
  };
}
