import { describe, expect, it } from "vitest";
import { agendaFor, formatTimer, isAgendaItem, meetingClock, nextAgendaItem, plannedMinutes } from "@/lib/domain/agenda";
import { diffWords, wantsDiff } from "@/lib/domain/text-diff";
import { openThreadsBySection, sectionOfAnchor } from "@/lib/domain/comment-anchors";
import { SECTION_IDS } from "@/lib/domain/severity-policy";

describe("meeting agenda", () => {
  it("opens with the timeline and then follows the template's order, per review type", () => {
    for (const severity of ["CRITICAL", "HIGH", "MEDIUM"] as const) {
      const ids = agendaFor(severity).map((i) => i.id);
      expect(ids[0]).toBe("timeline");
      const analysis = ids.filter((id) => id !== "summary").slice(1);
      const templateOrder = analysis.map((id) => SECTION_IDS.indexOf(id));
      expect(templateOrder).toEqual([...templateOrder].sort((a, b) => a - b));
    }
    expect(agendaFor("CRITICAL").map((i) => i.id)).toContain("ai-causes");
    expect(agendaFor("MEDIUM").map((i) => i.id)).toEqual(["timeline", "root-cause", "actions", "lessons", "summary"]);
  });

  it("has no agenda for a log entry (no meeting)", () => {
    expect(agendaFor("LOW")).toEqual([]);
    expect(isAgendaItem("LOW", "timeline")).toBe(false);
    expect(isAgendaItem("HIGH", "ai-causes")).toBe(true);
    expect(isAgendaItem("MEDIUM", "ai-causes")).toBe(false);
  });

  it("moves to the next item and stops at the end", () => {
    const agenda = agendaFor("MEDIUM");
    expect(nextAgendaItem(agenda, "timeline")?.id).toBe("root-cause");
    expect(nextAgendaItem(agenda, "summary")).toBeNull();
    expect(plannedMinutes(agenda)).toBe(32);
  });
});

describe("meeting timers", () => {
  const agenda = agendaFor("MEDIUM");
  const startedAt = new Date("2026-03-10T10:00:00Z");
  const itemStartedAt = new Date("2026-03-10T10:08:00Z");

  it("counts the whole meeting and the current item, and says when an item runs over", () => {
    const clock = meetingClock(
      agenda,
      { startedAt, itemStartedAt, endedAt: null, currentItem: "root-cause" },
      new Date("2026-03-10T10:20:30Z"),
    );
    expect(clock.totalMs).toBe(20.5 * 60_000);
    expect(clock.itemMs).toBe(12.5 * 60_000);
    expect(clock.itemPlannedMs).toBe(10 * 60_000);
    expect(clock.itemOver).toBe(true);
    expect(clock.totalOver).toBe(false);
  });

  it("stops at the end of the meeting and never runs backwards", () => {
    const endedAt = new Date("2026-03-10T10:30:00Z");
    const clock = meetingClock(agenda, { startedAt, itemStartedAt, endedAt, currentItem: "summary" }, new Date("2026-03-10T12:00:00Z"));
    expect(clock.totalMs).toBe(30 * 60_000);
    const early = meetingClock(
      agenda,
      { startedAt, itemStartedAt, endedAt: null, currentItem: "timeline" },
      new Date("2026-03-10T09:59:00Z"),
    );
    expect(early.totalMs).toBe(0);
    expect(early.itemMs).toBe(0);
  });

  it("formats timers as m:ss and h:mm:ss", () => {
    expect(formatTimer(0)).toBe("0:00");
    expect(formatTimer(65_400)).toBe("1:05");
    expect(formatTimer(3_725_000)).toBe("1:02:05");
  });
});

describe("text diff", () => {
  it("marks removed and added words and keeps the rest", () => {
    const parts = diffWords("The model drifted after the deploy", "The model was swapped after the deploy");
    expect(parts[0]).toEqual({ kind: "same", text: "The model " });
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["drifted"]);
    expect(
      parts
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toMatch(/was swapped/);
    expect(parts[parts.length - 1]).toEqual({ kind: "same", text: "after the deploy" });
  });

  it("reassembles both versions from its parts", () => {
    const before = "one two three\nfour five";
    const after = "zero one three\nfour five six";
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
  });

  it("is wanted for long or multi-line text only", () => {
    expect(wantsDiff("short", "also short")).toBe(false);
    expect(wantsDiff("a\nb", "a")).toBe(true);
    expect(wantsDiff("x".repeat(61), "y")).toBe(true);
    expect(wantsDiff(3, 4)).toBe(false);
  });
});

describe("comment anchors", () => {
  it("counts open threads per section, rows under their section, replies and resolved ones not", () => {
    const counts = openThreadsBySection([
      { anchor: "section:summary", parentId: null, resolvedAt: null },
      { anchor: "timeline:abc", parentId: null, resolvedAt: null },
      { anchor: "timeline:abc", parentId: "x", resolvedAt: null },
      { anchor: "section:timeline", parentId: null, resolvedAt: null },
      { anchor: "why:w1", parentId: null, resolvedAt: "2026-03-10T10:00:00Z" },
      { anchor: "action:a1", parentId: null, resolvedAt: null },
    ]);
    expect(counts).toEqual({ summary: 1, timeline: 2, actions: 1 });
    expect(sectionOfAnchor("why:w1")).toBe("root-cause");
    expect(sectionOfAnchor("section:nope")).toBeNull();
  });
});
