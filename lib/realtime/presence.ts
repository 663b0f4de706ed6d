import { colorFor, type PresenceFocus, type PresencePerson } from "@/lib/realtime/live-event";

// Who has a postmortem open, per process, built only from broadcast beats: never stored. A tab's stream
// re-announces it every HEARTBEAT_MS; a tab not heard of for TTL_MS (a crashed process, a lost network) is
// gone, and a closed tab announces its leaving at once.

export const HEARTBEAT_MS = 10_000;
export const TTL_MS = 30_000;

export type PresenceBeat = {
  tabId: string;
  userId: string;
  name: string;
  focus?: PresenceFocus;
  leaving?: boolean;
};

export class PresenceRoom {
  private people = new Map<string, { person: PresencePerson; expiresAt: number }>();

  /** Applies a beat; true when what others see changed. */
  apply(beat: PresenceBeat, now = Date.now()): boolean {
    const known = this.people.get(beat.tabId);
    if (beat.leaving) return this.people.delete(beat.tabId);
    if (known && known.person.userId !== beat.userId) return false;
    const focus = beat.focus === undefined ? (known?.person.focus ?? null) : beat.focus;
    const person: PresencePerson = { tabId: beat.tabId, userId: beat.userId, name: beat.name, color: colorFor(beat.userId), focus };
    this.people.set(beat.tabId, { person, expiresAt: now + TTL_MS });
    return !known || JSON.stringify(known.person) !== JSON.stringify(person);
  }

  /** Drops tabs not heard of within the TTL; true when any went. */
  sweep(now = Date.now()): boolean {
    let changed = false;
    for (const [tab, entry] of this.people) {
      if (entry.expiresAt <= now) {
        this.people.delete(tab);
        changed = true;
      }
    }
    return changed;
  }

  get(tabId: string): PresencePerson | undefined {
    return this.people.get(tabId)?.person;
  }

  list(): PresencePerson[] {
    return [...this.people.values()].map((e) => e.person).sort((a, b) => a.name.localeCompare(b.name) || a.tabId.localeCompare(b.tabId));
  }
}

export function parseBeat(payload: unknown): PresenceBeat | null {
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.tabId !== "string" || typeof p.userId !== "string" || typeof p.name !== "string") return null;
  const focus = p.focus === undefined ? undefined : parseFocus(p.focus);
  return { tabId: p.tabId, userId: p.userId, name: p.name, focus, leaving: p.leaving === true };
}

function parseFocus(value: unknown): PresenceFocus {
  if (typeof value !== "object" || value === null) return null;
  const f = value as Record<string, unknown>;
  if (typeof f.entity !== "string") return null;
  const str = (v: unknown) => (typeof v === "string" ? v.slice(0, 100) : null);
  return { entity: f.entity.slice(0, 40), entityId: str(f.entityId), field: str(f.field) };
}
