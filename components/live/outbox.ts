import type { EditInput } from "@/lib/validations/edits";

// The browser's queue of edits not yet acknowledged, in the order they were made. It lives in
// localStorage so that edits made offline survive a reload of the page and are sent when it comes back.

export type QueuedEdit = EditInput;

const keyOf = (postmortemId: string, userId: string) => `postmortem-outbox:${postmortemId}:${userId}`;

export function loadOutbox(postmortemId: string, userId: string): QueuedEdit[] {
  try {
    const raw = window.localStorage.getItem(keyOf(postmortemId, userId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as QueuedEdit[]).filter((e) => e && e.postmortemId === postmortemId) : [];
  } catch {
    return [];
  }
}

export function saveOutbox(postmortemId: string, userId: string, queue: QueuedEdit[]) {
  try {
    const key = keyOf(postmortemId, userId);
    if (queue.length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(queue));
  } catch {
    // Storage full or disabled: the queue still works for this page's lifetime.
  }
}

const sameFields = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const ka = Object.keys(a).sort().join();
  return ka === Object.keys(b).sort().join();
};

/**
 * Adds an edit. A newer edit of the same fields of the same row that has not been sent yet replaces the
 * waiting one's values (keeping its base, the value the person started from), so typing offline queues
 * one edit per field, not one per pause. A create of a row stays as it is: the row's edits go behind it.
 */
export function enqueue(queue: QueuedEdit[], edit: QueuedEdit, inFlightId: string | null): QueuedEdit[] {
  const index = queue.findIndex(
    (q) =>
      q.clientMutationId !== inFlightId &&
      !q.create &&
      !edit.create &&
      q.entity === edit.entity &&
      q.entityId === edit.entityId &&
      sameFields(q.changes, edit.changes),
  );
  if (index === -1) return [...queue, edit];
  const next = [...queue];
  next[index] = { ...queue[index], changes: edit.changes };
  return next;
}

/** The value this tab still has to send for a field, if any (shown instead of the stored one after a reload). */
export function pendingValue(
  queue: QueuedEdit[],
  entity: string,
  entityId: string,
  field: string,
): { value: unknown; base: unknown } | null {
  for (let i = queue.length - 1; i >= 0; i--) {
    const q = queue[i];
    if (q.entity === entity && q.entityId === entityId && field in q.changes) return { value: q.changes[field], base: q.base[field] };
  }
  return null;
}
