import { describe, expect, it } from "vitest";
import { reportToMarkdown, type FollowUpReport } from "./report-markdown";

const empty = { total: 0, items: [] };
const report: FollowUpReport = {
  period: { label: "Week 49, 2026", kind: "week", start: "2026-11-30", end: "2026-12-06" },
  teamName: "Support *AI*",
  created: { total: 1, items: [{ id: "p1", incidentKey: "INC-1", incidentName: "Refunds | promised", severity: "CRITICAL" }] },
  reviews: { ...empty, within: 0 },
  completed: {
    total: 3,
    items: [
      {
        id: "a1",
        number: 2,
        action: "Add eval gate",
        horizon: "IMMEDIATE",
        deadline: "2026-12-01",
        completedAt: "2026-12-02",
        ownerName: "Sam",
        postmortemId: "p1",
        incidentKey: "INC-1",
      },
    ],
  },
  newlyOverdue: empty,
  stillOverdue: empty,
  repeats: empty,
};

describe("reportToMarkdown", () => {
  it("lists each section with its count, escapes Markdown and says how many were left out", () => {
    const md = reportToMarkdown(report);
    expect(md).toContain("# Postmortem follow-up: Week 49, 2026");
    expect(md).toContain("2026-11-30 to 2026-12-06, team Support \\*AI\\*.");
    expect(md).toContain("- INC-1 Refunds \\| promised (Critical)");
    expect(md).toContain("## Actions completed (3)\n\n- INC-1 #2 Add eval gate (Immediate; Sam; done 2026-12-02)\n- … and 2 more");
    expect(md).toContain("## Still overdue (0)\n\n_No action was already overdue._");
  });
});
