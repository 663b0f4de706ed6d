"use client";

import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useLiveDoc, type EditOutcome } from "@/components/live/live-doc-provider";
import { FieldSync, type Conflict } from "@/components/live/field-sync";
import type { ConflictDetail } from "@/lib/errors";
import type { LiveEvent } from "@/lib/realtime/live-event";
import type { EditEntity } from "@/lib/validations/edits";
import type { SaveState } from "@/components/postmortem/section-card";

export type FieldStatus = { kind: "idle" } | { kind: "waiting" } | { kind: "saved" } | { kind: "error"; message: string };

export type LiveRow = {
  /** The row as the live log names it (presence marks use the same names). */
  entity: string;
  entityId: string;
  value: (field: string) => unknown;
  /**
   * Changes a field; a pause in typing (or `flush`, on leaving the field) saves it. `now` saves at once;
   * `hold` keeps it unsaved until a later `flush` (a value that needs another field first).
   */
  setValue: (field: string, value: unknown, options?: { now?: boolean; hold?: boolean }) => void;
  flush: (field: string) => void;
  status: (field: string) => FieldStatus;
  conflict: (field: string) => Conflict | null;
  keepMine: (field: string) => void;
  useTheirs: (field: string) => void;
  /** Focus/blur handlers for a field's control: presence, and saving on leaving it. */
  bind: (field: string) => { onFocus: () => void; onBlur: () => void };
  /** The row's own state: the worst of its fields. */
  rowStatus: FieldStatus;
};

type Options = {
  entity: EditEntity;
  /** The DocEvent entity, when the log names it differently (corrective actions are logged as "action"). */
  eventEntity?: string;
  entityId: string;
  /** The stored values as this page rendered them, in the editor's format. */
  values: Record<string, unknown>;
  /** A stored value from a live event, in the editor's format. */
  fromEvent?: (field: string, after: unknown) => unknown;
  /** A message when the value may not be saved as it is (nothing is sent then); `draftOf` reads another field. */
  validate?: (field: string, value: unknown, draftOf: (field: string) => unknown) => string | undefined;
  /** Fields always saved together in one edit (an amount and its currency): saving one sends all of them. */
  together?: readonly (readonly string[])[];
  /** The value as the server expects it (default: as edited). */
  toWire?: (field: string, value: unknown) => unknown;
  debounceMs?: number;
};

const defaultFromEvent = (_field: string, after: unknown) => (after === null || after === undefined ? "" : after);
const asIs = (_field: string, value: unknown) => value;

/**
 * The editable fields of one row (a section of the postmortem, a timeline row, a why, an action…) under
 * the live protocol: each field autosaves on a pause and on leaving it, through the outbox (queued while
 * offline, kept across reloads); other people's changes are applied when nothing is unsaved here and
 * become a visible conflict ("Keep mine" / "Use theirs") when the person was changing that same field.
 */
export function useLiveRow({
  entity,
  eventEntity = entity,
  entityId,
  values,
  fromEvent = defaultFromEvent,
  validate,
  toWire = asIs,
  together = [],
  debounceMs = 700,
}: Options): LiveRow {
  const live = useLiveDoc();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // Mutable per-field state kept outside React's state (it changes on every keystroke and event); a
  // re-render is asked for explicitly after each change.
  const [store] = useState(() => ({
    fields: new Map<string, FieldSync>(),
    statuses: new Map<string, FieldStatus>(),
    timers: new Map<string, ReturnType<typeof setTimeout>>(),
    /** This tab's own edits as the server stored them ("mutation field" → value), awaiting their answer. */
    echoes: new Map<string, unknown>(),
  }));
  const opts = useRef({ validate, toWire, fromEvent, together });
  useEffect(() => {
    opts.current = { validate, toWire, fromEvent, together };
  }, [validate, toWire, fromEvent, together]);

  const sync = useCallback(
    (field: string): FieldSync => {
      let f = store.fields.get(field);
      if (!f) {
        const pending = live.pending(entity, entityId, field);
        f = new FieldSync(values[field], pending);
        if (pending) store.statuses.set(field, { kind: "waiting" });
        store.fields.set(field, f);
      }
      return f;
    },
    [live, entity, entityId, values, store],
  );

  /** Sends a field's outgoing value, with the current value of each field that travels with it. */
  const send = useCallback(
    (field: string, out: { value: unknown; base: unknown }) => {
      const { toWire: wire, together: groups } = opts.current;
      const changes: Record<string, unknown> = { [field]: wire(field, out.value) };
      const base: Record<string, unknown> = { [field]: wire(field, out.base) };
      for (const other of groups.find((g) => g.includes(field)) ?? []) {
        if (other === field) continue;
        const f = sync(other);
        const partner = f.commit() ?? { value: f.queued ?? f.stored, base: f.queued ?? f.stored };
        changes[other] = wire(other, partner.value);
        base[other] = wire(other, partner.base);
        store.statuses.set(other, { kind: "waiting" });
      }
      live.send({ entity, entityId, changes, base });
      store.statuses.set(field, { kind: "waiting" });
      rerender();
    },
    [live, entity, entityId, sync, store],
  );

  const flush = useCallback(
    (field: string) => {
      const group = opts.current.together.find((g) => g.includes(field)) ?? [field];
      for (const member of group) {
        clearTimeout(store.timers.get(member));
        const problem = opts.current.validate?.(member, sync(member).draft, (other) => sync(other).draft);
        if (problem) {
          store.statuses.set(member, { kind: "error", message: problem });
          rerender();
          return;
        }
      }
      // The first field with something new goes out, carrying the others of its group.
      for (const member of group) {
        const out = sync(member).commit();
        if (out) return send(member, out);
      }
    },
    [sync, store, send],
  );

  // A fresh server render (navigation, refresh) replaces fields with nothing unsaved.
  const serialized = JSON.stringify(values);
  useEffect(() => {
    const next = JSON.parse(serialized) as Record<string, unknown>;
    let changed = false;
    for (const [field, f] of store.fields) if (f.rendered(next[field])) changed = true;
    if (changed) rerender();
  }, [serialized, store]);

  useEffect(() => () => store.timers.forEach(clearTimeout), [store]);

  // The outbox is read after the first render (it lives in localStorage): show what is still to be sent.
  const { restored, pending } = live;
  useEffect(() => {
    if (restored === 0) return;
    let changed = false;
    for (const [field, f] of store.fields) {
      const p = pending(entity, entityId, field);
      if (p && f.resume(p)) {
        store.statuses.set(field, { kind: "waiting" });
        changed = true;
      }
    }
    if (changed) rerender();
  }, [restored, pending, entity, entityId, store]);

  useEffect(
    () =>
      live.onOutcome(entity, entityId, (outcome: EditOutcome) => {
        for (const [field, wireValue] of Object.entries(outcome.edit.changes)) {
          const f = store.fields.get(field);
          if (!f) continue;
          const sent = f.queued ?? wireValue;
          const echoKey = `${outcome.edit.clientMutationId} ${field}`;
          const echo = store.echoes.get(echoKey);
          store.echoes.delete(echoKey);
          if (outcome.ok) {
            const saved = f.ack(sent);
            // The server may have completed the value (a time given its date); its own event came first.
            if (saved && echo !== undefined) f.rendered(echo);
            store.statuses.set(field, saved ? { kind: "saved" } : { kind: "waiting" });
            continue;
          }
          const theirs = outcome.code === "CONFLICT" ? (outcome.detail as ConflictDetail | undefined)?.theirs?.[field] : undefined;
          if (theirs !== undefined) {
            f.conflicted(theirs);
            store.statuses.set(field, f.conflict ? { kind: "error", message: "Not saved: someone else changed this." } : { kind: "saved" });
            continue;
          }
          f.refused();
          const message = outcome.fieldErrors?.[`changes.${field}`]?.[0] ?? outcome.fieldErrors?.[field]?.[0] ?? outcome.message;
          store.statuses.set(field, { kind: "error", message: `Not saved: ${message}` });
        }
        rerender();
      }),
    [live, entity, entityId, store],
  );

  useEffect(
    () =>
      live.subscribe((event: LiveEvent) => {
        if (event.entity !== eventEntity || event.entityId !== entityId || !event.field) return;
        if (live.isMine(event.clientMutationId)) {
          // This tab's own edit, as stored: applied when its answer arrives (after it, the render does it).
          if (store.echoes.size > 500) store.echoes.clear();
          store.echoes.set(`${event.clientMutationId} ${event.field}`, opts.current.fromEvent(event.field, event.after));
          return;
        }
        const f = store.fields.get(event.field);
        if (!f) return;
        const theirs = opts.current.fromEvent(event.field, event.after);
        if (f.remote(theirs, event.actorName) === "conflict") {
          clearTimeout(store.timers.get(event.field));
          store.statuses.set(event.field, { kind: "error", message: "Someone else changed this while you were editing." });
        } else if (store.statuses.get(event.field)?.kind === "error") {
          store.statuses.set(event.field, { kind: "idle" });
        }
        rerender();
      }),
    [live, eventEntity, entityId, store],
  );

  const statusOf = (field: string): FieldStatus => store.statuses.get(field) ?? { kind: "idle" };
  const rank = { error: 3, waiting: 2, saved: 1, idle: 0 } as const;
  let rowStatus: FieldStatus = { kind: "idle" };
  for (const s of store.statuses.values()) if (rank[s.kind] > rank[rowStatus.kind]) rowStatus = s;

  return {
    entity: eventEntity,
    entityId,
    value: (field) => sync(field).draft,
    setValue: (field, value, options) => {
      sync(field).draft = value;
      clearTimeout(store.timers.get(field));
      if (options?.now) flush(field);
      else if (!options?.hold)
        store.timers.set(
          field,
          setTimeout(() => flush(field), debounceMs),
        );
      rerender();
    },
    flush,
    status: statusOf,
    conflict: (field) => sync(field).conflict,
    keepMine: (field) => send(field, sync(field).keepMine()),
    useTheirs: (field) => {
      sync(field).useTheirs();
      store.statuses.set(field, { kind: "saved" });
      rerender();
    },
    bind: (field) => ({
      onFocus: () => live.setFocus({ entity: eventEntity, entityId, field }),
      onBlur: () => {
        flush(field);
        live.setFocus(null);
      },
    }),
    rowStatus,
  };
}

/** Reports a row's own save state to the section around it (its card shows one state for all rows). */
export function useReportRowState(row: LiveRow, onState: (state: SaveState) => void) {
  const { kind } = row.rowStatus;
  const message = row.rowStatus.kind === "error" ? row.rowStatus.message : "";
  useEffect(() => {
    if (kind === "idle") return;
    onState(kind === "waiting" ? { kind: "saving" } : kind === "saved" ? { kind: "saved", at: 0 } : { kind: "error", message });
  }, [kind, message, onState]);
}
