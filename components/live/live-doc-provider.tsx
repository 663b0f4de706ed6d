"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { saveEditAction, setPresenceFocusAction } from "@/app/(app)/postmortems/[id]/live-actions";
import type { ErrorCode, FieldErrors } from "@/lib/errors";
import type { LiveEvent, PresenceFocus, PresencePerson } from "@/lib/realtime/live-event";
import type { EditEntity } from "@/lib/validations/edits";
import { enqueue, loadOutbox, pendingValue, saveOutbox, type QueuedEdit } from "@/components/live/outbox";
import { useLiveStream, type StreamState } from "@/components/live/use-live-stream";
import { useLiveDocument } from "@/components/live/use-live-document";
import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import type { UserOption } from "@/lib/data/users";

export type EditOutcome =
  | { ok: true; edit: QueuedEdit }
  | { ok: false; edit: QueuedEdit; code: ErrorCode; message: string; fieldErrors?: FieldErrors; detail?: unknown };

export type NewEdit = {
  entity: EditEntity;
  entityId: string;
  changes: Record<string, unknown>;
  base: Record<string, unknown>;
  /** Creates the row `entityId` (an id chosen here); its edits sent later queue behind it. */
  create?: { afterId?: string | null };
};

export type LiveDoc = {
  postmortemId: string;
  /** The document with every live event applied so far. */
  doc: PostmortemDocument;
  me: { id: string; name: string };
  tabId: string;
  /** Every DocEvent of this postmortem after the page's own, as it arrives (own edits included). */
  subscribe: (listener: (event: LiveEvent) => void) => () => void;
  /** The answer to each of this tab's edits of one row (also after a reload, for queued ones). */
  onOutcome: (entity: string, entityId: string, listener: (outcome: EditOutcome) => void) => () => void;
  /** Queues an edit (kept across reloads) and sends it as soon as it can; answers its mutation id. */
  send: (edit: NewEdit) => string;
  pending: (entity: string, entityId: string, field: string) => { value: unknown; base: unknown } | null;
  /** The creates of rows of `entity` this tab still has to send (also those from an earlier visit). */
  pendingCreates: (entity: string) => QueuedEdit[];
  /** Changes when edits from an earlier visit were restored from the outbox (fields then show them). */
  restored: number;
  isMine: (clientMutationId: string | null) => boolean;
  setFocus: (focus: PresenceFocus) => void;
  status: LiveStatus;
  presence: PresencePerson[];
};

export type LiveStatus = {
  stream: StreamState;
  online: boolean;
  waiting: number;
  /** Set while the server or its database cannot be reached (edits stay queued). */
  outage: string | null;
  accessLost: boolean;
};

// Failures worth retrying with the same mutation id: no answer at all, a server or database error, a
// session that may come back. Anything else (conflict, validation, deleted, forbidden) is final.
const RETRY_CODES = new Set<ErrorCode>(["INTERNAL", "UNAUTHENTICATED"]);
const BACKOFF_MS = [500, 1000, 2000, 3000, 5000];

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

const LiveContext = createContext<LiveDoc | null>(null);

export function useLiveDoc(): LiveDoc {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLiveDoc needs a LiveDocProvider around the document.");
  return live;
}

/** The live document, or null outside one (components that also render elsewhere, e.g. My actions). */
export function useOptionalLiveDoc(): LiveDoc | null {
  return useContext(LiveContext);
}

type Props = { doc: PostmortemDocument; users: UserOption[]; me: { id: string; name: string }; children: React.ReactNode };

export function LiveDocProvider({ doc: serverDoc, users, me, children }: Props) {
  const postmortemId = serverDoc.id;
  const [seq] = useState(serverDoc.seq);
  const { doc, apply } = useLiveDocument(serverDoc, users);
  const [tabId] = useState(() => crypto.randomUUID().replaceAll("-", ""));
  const listeners = useRef(new Set<(event: LiveEvent) => void>());
  const outcomeListeners = useRef(new Map<string, Set<(o: EditOutcome) => void>>());
  const queue = useRef<QueuedEdit[]>([]);
  const inFlight = useRef<string | null>(null);
  const mine = useRef(new Set<string>());
  const sending = useRef(false);
  const attempt = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The document streams in after the app shell: this marks the moment its editors are interactive
  // (end-to-end tests wait for it before typing, as they wait for the shell's own marker).
  useEffect(() => {
    document.documentElement.dataset.documentReady = postmortemId;
    return () => {
      delete document.documentElement.dataset.documentReady;
    };
  }, [postmortemId]);
  const [waiting, setWaiting] = useState(0);
  const [restored, setRestored] = useState(0);
  const [outage, setOutage] = useState<string | null>(null);
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );

  const persist = useCallback(() => {
    saveOutbox(postmortemId, me.id, queue.current);
    setWaiting(queue.current.length);
  }, [postmortemId, me.id]);

  const emitOutcome = useCallback((outcome: EditOutcome) => {
    const key = `${outcome.edit.entity}:${outcome.edit.entityId}`;
    outcomeListeners.current.get(key)?.forEach((l) => l(outcome));
  }, []);

  const pump = useCallback(
    async function pumpQueue() {
      if (sending.current) return;
      sending.current = true;
      clearTimeout(retryTimer.current);
      try {
        while (queue.current.length > 0) {
          const edit = queue.current[0];
          inFlight.current = edit.clientMutationId;
          mine.current.add(edit.clientMutationId);
          let result: Awaited<ReturnType<typeof saveEditAction>> | null;
          try {
            result = await saveEditAction(edit);
          } catch {
            result = null;
          }
          inFlight.current = null;
          if (!result || (!result.ok && RETRY_CODES.has(result.code))) {
            setOutage(
              !result
                ? "The server cannot be reached."
                : result.code === "UNAUTHENTICATED"
                  ? result.message
                  : "The server cannot save right now.",
            );
            const delay = BACKOFF_MS[Math.min(attempt.current++, BACKOFF_MS.length - 1)];
            retryTimer.current = setTimeout(() => void pumpQueue(), delay);
            return;
          }
          attempt.current = 0;
          setOutage(null);
          queue.current = queue.current.filter((q) => q.clientMutationId !== edit.clientMutationId);
          persist();
          emitOutcome(
            result.ok
              ? { ok: true, edit }
              : { ok: false, edit, code: result.code, message: result.message, fieldErrors: result.fieldErrors, detail: result.detail },
          );
        }
      } finally {
        sending.current = false;
      }
    },
    [persist, emitOutcome],
  );

  // Edits left from an earlier visit (made offline, or cut off by a reload) go out first.
  useEffect(() => {
    queue.current = loadOutbox(postmortemId, me.id);
    persist();
    if (queue.current.length > 0) setRestored((n) => n + 1);
    void pump();
    const wake = () => {
      attempt.current = 0;
      void pump();
    };
    window.addEventListener("online", wake);
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (queue.current.length === 0) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      clearTimeout(retryTimer.current);
      window.removeEventListener("online", wake);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [postmortemId, me.id, persist, pump]);

  const onEvent = useCallback(
    (event: LiveEvent) => {
      apply(event);
      listeners.current.forEach((l) => l(event));
    },
    [apply],
  );
  const onReady = useCallback(() => {
    attempt.current = 0;
    void pump();
  }, [pump]);
  const stream = useLiveStream({ postmortemId, seq, tabId, onEvent, onReady });

  const focusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const setFocus = useCallback(
    (focus: PresenceFocus) => {
      clearTimeout(focusTimer.current);
      // Presence is best effort: a lost focus beat is corrected by the next one, so failures stay quiet.
      focusTimer.current = setTimeout(() => void setPresenceFocusAction({ postmortemId, tabId, focus }).catch(() => {}), 120);
    },
    [postmortemId, tabId],
  );

  const value = useMemo<LiveDoc>(
    () => ({
      postmortemId,
      doc,
      me,
      tabId,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      onOutcome: (entity, entityId, listener) => {
        const key = `${entity}:${entityId}`;
        const set = outcomeListeners.current.get(key) ?? new Set();
        set.add(listener);
        outcomeListeners.current.set(key, set);
        return () => set.delete(listener);
      },
      send: (edit) => {
        const queued: QueuedEdit = { ...edit, postmortemId, clientMutationId: crypto.randomUUID() };
        queue.current = enqueue(queue.current, queued, inFlight.current);
        persist();
        void pump();
        return queued.clientMutationId;
      },
      pending: (entity, entityId, field) => pendingValue(queue.current, entity, entityId, field),
      pendingCreates: (entity) => queue.current.filter((q) => q.create && q.entity === entity),
      restored,
      isMine: (id) => id !== null && mine.current.has(id),
      setFocus,
      status: { stream: stream.state, online, waiting, outage, accessLost: stream.state === "closed" },
      presence: stream.presence,
    }),
    [postmortemId, doc, me, tabId, persist, pump, setFocus, stream.state, stream.presence, online, waiting, outage, restored],
  );

  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
