import { describe, expect, it } from "vitest";
import { PresenceRoom, TTL_MS, parseBeat } from "@/lib/realtime/presence";

describe("presence room", () => {
  it("lists each open tab with its focus, keeps the focus through heartbeats, and drops a closed tab at once", () => {
    const room = new PresenceRoom();
    expect(
      room.apply({ tabId: "tab-a", userId: "u1", name: "Priya", focus: { entity: "timeline", entityId: "r1", field: "event" } }, 0),
    ).toBe(true);
    expect(room.apply({ tabId: "tab-b", userId: "u2", name: "Sam" }, 0)).toBe(true);
    expect(room.apply({ tabId: "tab-a", userId: "u1", name: "Priya" }, 5_000)).toBe(false);
    expect(room.get("tab-a")?.focus).toEqual({ entity: "timeline", entityId: "r1", field: "event" });
    expect(room.apply({ tabId: "tab-b", userId: "u2", name: "Sam", leaving: true }, 6_000)).toBe(true);
    expect(room.list().map((p) => p.name)).toEqual(["Priya"]);
  });

  it("forgets a tab not heard of within the TTL, and ignores a beat claiming someone else's tab", () => {
    const room = new PresenceRoom();
    room.apply({ tabId: "tab-a", userId: "u1", name: "Priya" }, 0);
    expect(room.apply({ tabId: "tab-a", userId: "intruder", name: "Mallory" }, 1)).toBe(false);
    expect(room.sweep(TTL_MS - 1)).toBe(false);
    expect(room.sweep(TTL_MS)).toBe(true);
    expect(room.list()).toEqual([]);
  });

  it("accepts only well-formed beats", () => {
    expect(parseBeat({ tabId: "t", userId: "u", name: "n", focus: { entity: "why", entityId: "w1" } })).toMatchObject({
      focus: { entity: "why", entityId: "w1", field: null },
    });
    expect(parseBeat({ tabId: 1 })).toBeNull();
    expect(parseBeat("nope")).toBeNull();
  });
});
