import { describe, expect, it } from "vitest";
import { completionRate, daysLate, formatShare, heldWithinWindow, median } from "./follow-through";

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 2])).toBe(2);
  });
});

describe("completionRate", () => {
  it("leaves Won't-do actions out of the denominator", () => {
    expect(completionRate({ done: 3, total: 5, wontDo: 1 })).toBe(0.75);
    expect(completionRate({ done: 0, total: 2, wontDo: 2 })).toBeNull();
    expect(formatShare(0.755)).toBe("76%");
    expect(formatShare(null)).toBe("—");
  });
});

describe("daysLate", () => {
  const today = "2026-12-10";
  it("counts days between the deadline and completion, or up to today while overdue", () => {
    expect(daysLate({ deadline: "2026-12-01", status: "DONE", completedAt: new Date("2026-12-04T23:00:00Z") }, today)).toBe(3);
    expect(daysLate({ deadline: "2026-12-01", status: "DONE", completedAt: new Date("2026-12-01T23:00:00Z") }, today)).toBeNull();
    expect(daysLate({ deadline: "2026-12-07", status: "OPEN", completedAt: null }, today)).toBe(3);
    expect(daysLate({ deadline: "2026-12-10", status: "IN_PROGRESS", completedAt: null }, today)).toBeNull();
    expect(daysLate({ deadline: "2026-12-01", status: "WONT_DO", completedAt: null }, today)).toBeNull();
    expect(daysLate({ deadline: null, status: "OPEN", completedAt: null }, today)).toBeNull();
  });
});

describe("heldWithinWindow", () => {
  const dueAt = new Date("2026-12-03T10:00:00Z");
  const now = new Date("2026-12-10T00:00:00Z");
  it("compares the meeting (else publication) with the 48-hour deadline", () => {
    expect(heldWithinWindow({ dueAt, meetingDate: new Date("2026-12-03T09:00:00Z"), publishedAt: null }, now)).toBe(true);
    expect(heldWithinWindow({ dueAt, meetingDate: new Date("2026-12-04T09:00:00Z"), publishedAt: null }, now)).toBe(false);
    expect(heldWithinWindow({ dueAt, meetingDate: null, publishedAt: new Date("2026-12-02T00:00:00Z") }, now)).toBe(true);
  });
  it("leaves out reviews not held yet and log entries", () => {
    expect(heldWithinWindow({ dueAt, meetingDate: new Date("2026-12-20T09:00:00Z"), publishedAt: null }, now)).toBeNull();
    expect(heldWithinWindow({ dueAt, meetingDate: null, publishedAt: null }, now)).toBeNull();
    expect(heldWithinWindow({ dueAt: null, meetingDate: new Date("2026-12-01T00:00:00Z"), publishedAt: null }, now)).toBeNull();
  });
});
