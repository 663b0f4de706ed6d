import { describe, expect, it } from "vitest";
import { actionReminder, daysUntil, mentionedPeople, newMentions, reviewReminder } from "./notifications";

const now = new Date("2026-12-01T09:30:00Z");
const people = [
  { id: "p", name: "Priya Shah", email: "priya@example.com" },
  { id: "s", name: "Sam Lee", email: "sam@example.com" },
  { id: "s2", name: "Sam Ortiz", email: "sortiz@example.com" },
];

describe("action reminders", () => {
  it("counts whole UTC days", () => {
    expect(daysUntil("2026-12-04", now)).toBe(3);
    expect(daysUntil(new Date("2026-12-01T00:00:00Z"), now)).toBe(0);
    expect(daysUntil("2026-11-30", now)).toBe(-1);
  });

  it("reminds 3 days before, on the day, the day after and then weekly", () => {
    expect(actionReminder("a", "2026-12-04", now)).toEqual({ kind: "action_due_soon", dedupeKey: "action_due_soon:a:2026-12-04" });
    expect(actionReminder("a", "2026-12-03", now)).toBeNull();
    expect(actionReminder("a", "2026-12-01", now)?.kind).toBe("action_due_today");
    expect(actionReminder("a", "2026-11-30", now)?.dedupeKey).toBe("action_overdue:a:2026-11-30:0");
    expect(actionReminder("a", "2026-11-24", now)?.dedupeKey).toBe("action_overdue:a:2026-11-24:0");
    expect(actionReminder("a", "2026-11-23", now)?.dedupeKey).toBe("action_overdue:a:2026-11-23:1");
  });
});

describe("review reminders", () => {
  it("fires within 12 hours of the deadline and once overdue", () => {
    expect(reviewReminder("r", new Date("2026-12-02T09:30:00Z"), now)).toBeNull();
    expect(reviewReminder("r", new Date("2026-12-01T21:00:00Z"), now)?.kind).toBe("review_due_soon");
    expect(reviewReminder("r", new Date("2026-12-01T09:00:00Z"), now)?.kind).toBe("review_overdue");
  });
});

describe("@mentions", () => {
  it("finds people by first name, full name or email name, but not ambiguous ones", () => {
    expect(mentionedPeople("Ask @priya and @sam.", people)).toEqual(["p"]);
    expect(mentionedPeople("cc @PriyaShah, @sortiz", people)).toEqual(["p", "s2"]);
    expect(mentionedPeople("mail priya@example.com", people)).toEqual([]);
  });

  it("announces only mentions added by an edit", () => {
    expect(newMentions("@priya look", "@priya look, and @sortiz", people)).toEqual(["s2"]);
    expect(newMentions(null, 42, people)).toEqual([]);
  });
});
