import "server-only";
import type { Tx } from "@/lib/data/access";
import type { DocChange } from "@/lib/data/doc-events";
import { orderKeyBetween, sortTimeline, spreadOrderKeys } from "@/lib/domain/timeline-paste";

/** A row as ordering sees it; `orderKey: null` marks a row that must be given a key where it stands. */
export type OrderedRow = { id: string; occurredAt: Date | null; orderKey: number | null };

/**
 * Indices of one longest strictly increasing run of keys: the rows that can keep their key. Patience
 * sorting with binary search, O(n log n), so a reorder stays cheap however long the timeline grows.
 */
function longestIncreasing(keys: (number | null)[]): Set<number> {
  const tails: number[] = []; // tails[k] = index of the smallest key ending an increasing run of length k + 1
  const previous: number[] = new Array(keys.length).fill(-1);
  keys.forEach((key, i) => {
    if (key === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[tails[mid]] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) keep.add(i);
  return keep;
}

/**
 * New keys for rows in the wanted order, moving as few rows as possible: the longest run already in order
 * keeps its keys and the others are slotted between their neighbours. When floats run out of room
 * between two keys, every row is renumbered.
 */
export function planOrderKeys(keys: (number | null)[]): number[] {
  const keep = longestIncreasing(keys);
  const planned: number[] = [];
  let before: number | null = null;
  try {
    keys.forEach((key, i) => {
      if (keep.has(i)) {
        planned[i] = key as number;
      } else {
        let after: number | null = null;
        for (let j = i + 1; j < keys.length; j++) {
          if (keep.has(j)) {
            after = keys[j];
            break;
          }
        }
        planned[i] = orderKeyBetween(before, after);
      }
      before = planned[i];
    });
  } catch (error) {
    if (error instanceof RangeError) return spreadOrderKeys(keys.length);
    throw error;
  }
  return planned;
}

/**
 * The rows in `wanted` order, then in time order where times exist (the domain's sortTimeline rule:
 * an untimed row travels with the timed row above it).
 */
export function timeOrdered<T extends OrderedRow>(wanted: readonly T[]): T[] {
  const indexed = wanted.map((row, index) => ({ row, occurredAt: row.occurredAt, orderKey: index }));
  return sortTimeline(indexed).map((r) => r.row);
}

/**
 * Stores `wanted` (time-ordered) by updating only the keys that must change, and returns the DocEvents
 * for those moves. `silentId` is a row whose own create event already carries its final key.
 */
export async function storeOrder(
  tx: Tx,
  wanted: readonly OrderedRow[],
  silentId?: string,
): Promise<{ keys: Map<string, number>; changes: DocChange[]; order: string[] }> {
  const ordered = timeOrdered(wanted);
  const planned = planOrderKeys(ordered.map((r) => r.orderKey));
  const keys = new Map<string, number>();
  const changes: DocChange[] = [];
  for (const [i, row] of ordered.entries()) {
    const key = planned[i];
    keys.set(row.id, key);
    if (key === row.orderKey) continue;
    await tx.timelineEntry.update({ where: { id: row.id }, data: { orderKey: key } });
    if (row.id !== silentId) {
      changes.push({ entity: "timeline", entityId: row.id, field: "orderKey", before: row.orderKey, after: key });
    }
  }
  return { keys, changes, order: ordered.map((r) => r.id) };
}

/** Where a row placed "after `anchorKey`" goes among `rows` (sorted by key): null = at the top. */
export function insertionIndex(rows: readonly { orderKey: number | null }[], anchorKey: number | null): number {
  if (anchorKey === null) return 0;
  const index = rows.findIndex((r) => r.orderKey !== null && r.orderKey > anchorKey);
  return index === -1 ? rows.length : index;
}
