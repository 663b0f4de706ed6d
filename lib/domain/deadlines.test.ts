import { describe, expect, it } from "vitest";
import { ACTION_HORIZONS, isActionOverdue, proposeDeadline, reviewClock, reviewDueAt, type ReviewClockInput } from "./deadlines";

const incidentDate = new Date("2026-11-20T09:00:00Z");
const resolvedAt = new Date("2026-11-20T16:00:00Z");
const base: ReviewClockInput = {
  severity: "HIGH",
  incidentDate,
  meetingDate: null,
  status: "DRAFT",
  timeline: [
    { milestone: "RESOLVED", occurredAt: new Date("2026-11-20T18:00:00Z") },
    { milestone: "RESOLVED", occurredAt: resolvedAt },
    { milestone: "DETECTED", occurredAt: new Date("2026-11-20T10:00:00Z") },
  ],
};
const hoursAfter = (d: Date, h: number, m = 0) => new Date(d.getTime() + (h * 60 + m) * 60_000);

describe("reviewDueAt", () => {
  it("is 48 h after the earliest RESOLVED time", () => {
    expect(reviewDueAt(base)).toEqual(new Date("2026-11-22T16:00:00Z"));
  });

  it("falls back to the incident date without a RESOLVED time", () => {
    expect(reviewDueAt({ ...base, timeline: [{ milestone: "RESOLVED", occurredAt: null }] })).toEqual(new Date("2026-11-22T09:00:00Z"));
  });

  it("has no deadline for Low severity", () => {
    expect(reviewDueAt({ ...base, severity: "LOW" })).toBeNull();
  });

  it("applies to Medium (lightweight) reviews too", () => {
    expect(reviewDueAt({ ...base, severity: "MEDIUM" })).not.toBeNull();
  });
});

describe("reviewClock", () => {
  const due = new Date("2026-11-22T16:00:00Z");

  it("counts down while due", () => {
    const now = hoursAfter(due, -5, -12);
    expect(reviewClock(base, now)).toEqual({
      dueAt: due,
      state: "due",
      msRemaining: (5 * 60 + 12) * 60_000,
      meetingAfterDue: false,
      label: "Due in 5 h 12 min",
    });
  });

  it("shows days when far away", () => {
    expect(reviewClock(base, resolvedAt).label).toBe("Due in 2 d");
  });

  it("is overdue after 48 h without a meeting", () => {
    const clock = reviewClock(base, hoursAfter(due, 3));
    expect(clock.state).toBe("overdue");
    expect(clock.msRemaining).toBe(-3 * 3_600_000);
    expect(clock.label).toBe("Overdue by 3 h");
  });

  it("is overdue at the exact deadline and words sub-minute spans", () => {
    expect(reviewClock(base, due).label).toBe("Overdue by less than a minute");
    expect(reviewClock(base, new Date(due.getTime() - 30_000)).label).toBe("Due in less than a minute");
  });

  it("is scheduled when a future meeting date is set", () => {
    const meetingDate = hoursAfter(due, -2);
    const clock = reviewClock({ ...base, meetingDate }, hoursAfter(due, -10));
    expect(clock.state).toBe("scheduled");
    expect(clock.meetingAfterDue).toBe(false);
    expect(clock.label).toBe("Review scheduled for 2026-11-22 14:00 UTC");
  });

  it("reports a meeting booked after the deadline", () => {
    const clock = reviewClock({ ...base, meetingDate: hoursAfter(due, 20) }, hoursAfter(due, -1));
    expect(clock.state).toBe("scheduled");
    expect(clock.meetingAfterDue).toBe(true);
    expect(clock.label).toBe("Review scheduled for 2026-11-23 12:00 UTC (20 h after the 48 h deadline)");
  });

  it("is held once the meeting time has passed, even after the deadline", () => {
    const clock = reviewClock({ ...base, meetingDate: hoursAfter(due, -4) }, hoursAfter(due, 30));
    expect(clock.state).toBe("held");
    expect(clock.label).toBe("Review held 2026-11-22 12:00 UTC");
  });

  it("is held when published, even without a meeting date", () => {
    const clock = reviewClock({ ...base, status: "PUBLISHED" }, hoursAfter(due, 100));
    expect(clock.state).toBe("held");
    expect(clock.label).toBe("Review held");
  });

  it("has no clock for Low severity", () => {
    expect(reviewClock({ ...base, severity: "LOW" }, hoursAfter(due, 100))).toEqual({
      dueAt: null,
      state: "none",
      msRemaining: null,
      meetingAfterDue: false,
      label: "No review deadline",
    });
  });
});

describe("action horizons", () => {
  it("carries the template headings and day counts", () => {
    expect(ACTION_HORIZONS.IMMEDIATE).toMatchObject({ heading: "Immediate (Within 1 Week)", days: 7 });
    expect(ACTION_HORIZONS.SHORT_TERM).toMatchObject({ heading: "Short-Term (Within 1 Month)", days: 30 });
    expect(ACTION_HORIZONS.LONG_TERM).toMatchObject({ heading: "Long-Term (Within 1 Quarter)", days: 90 });
  });

  it("proposes deadlines by UTC day arithmetic", () => {
    const meeting = new Date("2026-11-21T23:30:00Z");
    expect(proposeDeadline("IMMEDIATE", meeting)).toBe("2026-11-28");
    expect(proposeDeadline("SHORT_TERM", meeting)).toBe("2026-12-21");
    expect(proposeDeadline("LONG_TERM", meeting)).toBe("2027-02-19");
    expect(proposeDeadline("IMMEDIATE", "2026-02-25")).toBe("2026-03-04");
    expect(proposeDeadline("IMMEDIATE", "2028-02-25")).toBe("2028-03-03");
  });

  it("refuses something that is not a date", () => {
    expect(() => proposeDeadline("IMMEDIATE", "soon")).toThrow(RangeError);
    expect(() => proposeDeadline("IMMEDIATE", new Date("nope"))).toThrow(RangeError);
  });
});

describe("isActionOverdue", () => {
  const today = new Date("2026-12-01T08:00:00Z");

  it("is overdue when the deadline is before today and the action is still open", () => {
    expect(isActionOverdue({ deadline: "2026-11-30", status: "OPEN" }, today)).toBe(true);
    expect(isActionOverdue({ deadline: new Date("2026-11-30T00:00:00Z"), status: "IN_PROGRESS" }, today)).toBe(true);
  });

  it("is not overdue on the deadline day itself", () => {
    expect(isActionOverdue({ deadline: "2026-12-01", status: "OPEN" }, today)).toBe(false);
    expect(isActionOverdue({ deadline: "2026-12-01", status: "OPEN" }, "2026-12-01")).toBe(false);
  });

  it("is never overdue when done, won't do, or without a deadline", () => {
    expect(isActionOverdue({ deadline: "2026-01-01", status: "DONE" }, today)).toBe(false);
    expect(isActionOverdue({ deadline: "2026-01-01", status: "WONT_DO" }, today)).toBe(false);
    expect(isActionOverdue({ deadline: null, status: "OPEN" }, today)).toBe(false);
  });
});
