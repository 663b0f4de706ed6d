import "server-only";
import { startPgListener, type PgListener } from "@/lib/realtime/pg-listener";
import type { LiveEvent } from "@/lib/realtime/live-event";

// The process's one event bus. With an external PostgreSQL it rides on LISTEN/NOTIFY (one dedicated
// connection per process), so every `next start` process on the database hears every change. The embedded
// database cannot carry NOTIFY across its socket connections, so there it is in-process (single process).

export const DOC_CHANNEL = "postmortem";
export const PRESENCE_CHANNEL = "postmortem_presence";

export type BusHandlers = {
  /**
   * The postmortem's log reached `seq` (sent at commit). `events` are the new events when the signal could
   * carry them (appendDocEvents); otherwise read the log.
   */
  doc: (seq: number, events?: LiveEvent[]) => void;
  presence: (payload: unknown) => void;
  /** The bus may have missed signals (LISTEN reconnected): read the log again from where you are. */
  resync: () => void;
};

type BusState = {
  handlers: Map<string, Set<BusHandlers>>;
  listener: PgListener | null;
  listenerUrl: string | null;
};

const globalBus = globalThis as unknown as { postmortemBus?: BusState };

function state(): BusState {
  globalBus.postmortemBus ??= { handlers: new Map(), listener: null, listenerUrl: null };
  return globalBus.postmortemBus;
}

const isEmbedded = () => process.env.EMBEDDED_DATABASE === "1" || !process.env.DATABASE_URL;

function deliver(postmortemId: string, call: (h: BusHandlers) => void) {
  for (const h of state().handlers.get(postmortemId) ?? []) {
    try {
      call(h);
    } catch (error) {
      console.error("[postmortems] live update handler failed", error);
    }
  }
}

function onNotify(channel: string, payload: string) {
  try {
    const message = JSON.parse(payload) as { id?: unknown; seq?: unknown; events?: unknown };
    if (typeof message.id !== "string") return;
    if (channel === DOC_CHANNEL && typeof message.seq === "number") {
      const events = carriedEvents(message.events, message.seq);
      deliver(message.id, (h) => h.doc(message.seq as number, events));
    }
    if (channel === PRESENCE_CHANNEL) deliver(message.id, (h) => h.presence(message));
  } catch {
    // A malformed payload from another writer is ignored; the log stays the source of truth.
  }
}

/** The events a doc signal carries, when they are complete and end at its seq; else undefined (read the log). */
function carriedEvents(value: unknown, seq: number): LiveEvent[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const events = value as LiveEvent[];
  const consecutive = events.every((e, i) => typeof e?.seq === "number" && (i === 0 || e.seq === events[i - 1].seq + 1));
  return consecutive && events[events.length - 1].seq === seq ? events : undefined;
}

function ensureListener() {
  const s = state();
  const url = process.env.DATABASE_URL as string;
  if (isEmbedded() || (s.listener && s.listenerUrl === url)) return;
  void s.listener?.stop();
  s.listenerUrl = url;
  s.listener = startPgListener({
    url,
    channels: [DOC_CHANNEL, PRESENCE_CHANNEL],
    onNotify,
    onConnected: (reconnected) => {
      if (!reconnected) return;
      console.log("[postmortems] live updates: LISTEN connection restored; replaying from the log");
      for (const id of s.handlers.keys()) deliver(id, (h) => h.resync());
    },
    log: (line) => console.warn(`[postmortems] ${line}`),
  });
}

/** Listens to one postmortem's signals until the returned function is called. */
export function subscribeBus(postmortemId: string, handlers: BusHandlers): () => void {
  ensureListener();
  const s = state();
  const set = s.handlers.get(postmortemId) ?? new Set();
  set.add(handlers);
  s.handlers.set(postmortemId, set);
  return () => {
    set.delete(handlers);
    if (set.size === 0) s.handlers.delete(postmortemId);
  };
}

/**
 * Called by the data layer after appending events. With PostgreSQL the transaction's own pg_notify
 * carries the signal at commit, so nothing happens here; embedded, it is delivered in-process (readers
 * wait for the writing transaction, as the embedded database has one connection, and re-read if early).
 */
export function signalDocChanged(postmortemId: string, seq: number) {
  if (!isEmbedded()) return;
  setImmediate(() => deliver(postmortemId, (h) => h.doc(seq)));
}

/** Presence is broadcast, never stored. */
export async function broadcastPresence(postmortemId: string, payload: Record<string, unknown>) {
  const message = { ...payload, id: postmortemId };
  if (isEmbedded()) {
    deliver(postmortemId, (h) => h.presence(message));
    return;
  }
  ensureListener();
  await state().listener?.notify(PRESENCE_CHANNEL, JSON.stringify(message));
}

/** Stops the LISTEN connection (tests and shutdown). */
export async function stopBus() {
  const s = state();
  await s.listener?.stop();
  s.listener = null;
  s.listenerUrl = null;
}
