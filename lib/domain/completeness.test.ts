import { describe, expect, it } from "vitest";
import { checkPublish, countSentences, HUMAN_ERROR_PROBLEM, sectionStatus, whysStopAtHumanError } from "./completeness";
import type { PostmortemSnapshot, SnapshotAction } from "./snapshot";
import { newPostmortemContent } from "./template";
import { completeSnapshot } from "./test-fixtures";

const messages = (findings: { section: string; message: string }[]) => findings.map((f) => `${f.section}: ${f.message}`);

const emptySnapshot = (severity: PostmortemSnapshot["severity"]): PostmortemSnapshot => {
  const fresh = newPostmortemContent();
  return {
    ...completeSnapshot(),
    severity,
    summary: "",
    meetingDate: null,
    facilitatorName: null,
    participants: [],
    metrics: {
      usersAffected: null,
      requestsAffected: null,
      revenueImpactMinor: null,
      revenueCurrency: "GBP",
      slaBreached: "UNKNOWN",
      overrides: {},
      notApplicable: {},
    },
    timeline: fresh.timeline,
    problemStatement: "",
    whys: fresh.whys,
    rootCause: "",
    rootCauseCategory: null,
    factors: fresh.factors,
    aiCauses: [],
    aiContext: {
      provider: "",
      model: "",
      promptVersion: "",
      guardrails: "",
      dataSnapshot: "",
      evalScoreBefore: null,
      evalScoreAfter: null,
    },
    impact: {
      customerLevel: null,
      customerDetail: "",
      revenueDetail: "",
      reputationalLevel: null,
      reputationalDetail: "",
      dataSecurityLevel: null,
      dataSecurityDetail: "",
      complianceLevel: null,
      complianceDetail: "",
    },
    actions: fresh.actions,
    lessons: { wentWell: "", couldImprove: "", doDifferently: "" },
    customerFacing: false,
    externalSummary: "",
  };
};

const action = (over: Partial<SnapshotAction>): SnapshotAction => ({
  number: 3,
  horizon: "SHORT_TERM",
  action: "Add eval gate",
  ownerId: null,
  ownerName: null,
  deadline: null,
  status: "OPEN",
  wontDoReason: "",
  ticket: "",
  ...over,
});

describe("countSentences", () => {
  it.each([
    ["", 0],
    ["One sentence.", 1],
    ["Trailing text without a period", 1],
    ["First. Second! Third? Fourth", 4],
    ["We saw errors, e.g. timeouts and 502s. Then we rolled back.", 2],
    ["Error rate rose 3.5 times after v2.1 shipped. Latency was fine.", 2],
    ["The vendor (i.e. the model host) changed weights. We noticed.", 2],
    ["Timeouts, 502s, etc. The team rolled back.", 2],
    ["We waited... then restarted.", 1],
    ["Dr. Smith and J. Doe joined at 14:05. Done.", 2],
    ["Line one\n\nLine two", 2],
    ["- first item\n- second item", 2],
    ["   ", 0],
  ])("%j → %i", (text, n) => {
    expect(countSentences(text)).toBe(n);
  });
});

describe("sectionStatus", () => {
  it("marks every section complete for a complete postmortem", () => {
    const status = sectionStatus(completeSnapshot());
    for (const [id, s] of Object.entries(status)) expect(s, id).toMatchObject({ complete: true, hasContent: true, missing: [] });
  });

  it("does not count the template's blank rows as content", () => {
    const status = sectionStatus(emptySnapshot("HIGH"));
    for (const id of ["summary", "timeline", "root-cause", "factors", "ai-causes", "actions", "lessons", "impact", "metrics"] as const) {
      expect(status[id], id).toMatchObject({ complete: false, hasContent: false });
    }
  });

  it("counts a timeline row only with a time and an event", () => {
    const s = emptySnapshot("MEDIUM");
    s.timeline = [
      { occurredAt: new Date("2026-11-20T14:00:00Z"), milestone: null, event: "  ", actor: "", notes: "" },
      { occurredAt: null, milestone: null, event: "Rollback", actor: "", notes: "" },
    ];
    expect(sectionStatus(s).timeline.hasContent).toBe(false);
    s.timeline.push({ occurredAt: new Date("2026-11-20T14:10:00Z"), milestone: "RESOLVED", event: "Fixed", actor: "", notes: "" });
    expect(sectionStatus(s).timeline).toMatchObject({ hasContent: true, complete: true });
  });

  it("counts whys only with text and factors only with a description", () => {
    const s = emptySnapshot("HIGH");
    s.whys = ["", "  ", "Because the gate was optional"];
    s.factors = [{ category: "HUMAN", description: " " }];
    expect(sectionStatus(s)["root-cause"].hasContent).toBe(true);
    expect(sectionStatus(s).factors.hasContent).toBe(false);
  });

  it("treats the external summary as complete when not customer-facing", () => {
    expect(sectionStatus(emptySnapshot("HIGH"))["external-summary"]).toMatchObject({ complete: true, hasContent: false });
  });
});

describe("checkPublish", () => {
  it("passes a complete full post-mortem", () => {
    expect(checkPublish(completeSnapshot())).toEqual({ ok: true, reviewType: "FULL", problems: [], warnings: [] });
  });

  it("lists exactly what a full review is missing when empty", () => {
    const result = checkPublish(emptySnapshot("CRITICAL"));
    expect(result.ok).toBe(false);
    expect(messages(result.problems)).toEqual([
      "details: Add the post-mortem date",
      "details: Name the post-mortem facilitator",
      "details: Add the post-mortem attendees",
      "summary: Write the summary",
      "metrics: Time to detect is missing: tag both milestones with times in the timeline, enter it, or mark it not applicable",
      "metrics: Time to acknowledge is missing: tag both milestones with times in the timeline, enter it, or mark it not applicable",
      "metrics: Time to mitigate is missing: tag both milestones with times in the timeline, enter it, or mark it not applicable",
      "metrics: Time to resolve is missing: tag both milestones with times in the timeline, enter it, or mark it not applicable",
      "metrics: Total duration is missing: tag both milestones with times in the timeline, enter it, or mark it not applicable",
      "metrics: Say whether the SLA was breached",
      "timeline: Add timeline events with a time and a description",
      'timeline: Add the time of "Service restored / issue resolved" (the RESOLVED milestone)',
      "root-cause: State the problem the 5 Whys start from",
      "root-cause: Answer at least one Why",
      "root-cause: Write the root cause",
      "factors: Describe at least one contributing factor",
      "ai-causes: Check the AI-specific root causes that apply",
      "ai-context: Name the AI provider",
      "ai-context: Name the model and version",
      "impact: Rate the customer impact",
      "impact: Rate the reputational impact",
      "impact: Rate the data/security impact",
      "impact: Rate the compliance impact",
      "actions: Add at least one corrective action",
      "lessons: Answer “What went well?”",
      "lessons: Answer “What could be improved?”",
      "lessons: Answer “What will we do differently next time?”",
    ]);
    expect(messages(result.warnings)).toEqual([
      "details: No leadership observer among the participants; one is expected for Critical and High incidents",
    ]);
  });

  it("asks a lightweight review only for its five sections", () => {
    const result = checkPublish(emptySnapshot("MEDIUM"));
    expect(new Set(result.problems.map((p) => p.section))).toEqual(new Set(["summary", "timeline", "root-cause", "actions", "lessons"]));
    expect(result.warnings).toEqual([]);
  });

  it("asks a log entry only for a summary and a resolution", () => {
    const s = emptySnapshot("LOW");
    expect(messages(checkPublish(s).problems)).toEqual([
      "summary: Write the summary",
      'timeline: Record how it was resolved: the time of "Service restored / issue resolved" or a root cause',
    ]);
    s.summary = "Caught a drift alert in staging.";
    s.timeline[5] = { ...s.timeline[5], occurredAt: new Date("2026-11-20T15:00:00Z") };
    expect(checkPublish(s)).toMatchObject({ ok: true, reviewType: "LOG" });
  });

  it("accepts a root cause as a log entry's resolution but then wants its category", () => {
    const s = { ...emptySnapshot("LOW"), summary: "Minor.", rootCause: "Cache TTL too long" };
    expect(messages(checkPublish(s).problems)).toEqual([
      "root-cause: Choose a category for the root cause (technical, process or organisational)",
    ]);
  });

  it("names the action that has no owner or deadline", () => {
    const s = completeSnapshot();
    s.actions = [
      action({ number: 3, action: "Add eval gate" }),
      action({ number: 4, action: "", ownerName: "Sam", deadline: "2026-12-01" }),
    ];
    expect(messages(checkPublish(s).problems)).toEqual([
      'actions: Action 3 "Add eval gate" has no owner',
      'actions: Action 3 "Add eval gate" has no deadline',
      "actions: Action 4 has no description",
    ]);
  });

  it("needs a reason for a Won't do action, even in a log entry", () => {
    const s = { ...emptySnapshot("LOW"), summary: "Minor.", rootCause: "TTL", rootCauseCategory: "TECHNICAL" as const };
    s.actions = [action({ ownerId: "u1", deadline: "2026-12-01", status: "WONT_DO" })];
    expect(messages(checkPublish(s).problems)).toEqual([`actions: Action 3 "Add eval gate" is marked Won't do without a reason`]);
  });

  it("shortens long action names", () => {
    const s = completeSnapshot();
    s.actions = [action({ action: "Add a policy coverage eval gate to every prompt deployment pipeline", ownerId: "u1" })];
    expect(checkPublish(s).problems[0].message).toBe('Action 3 "Add a policy coverage eval gate to every…" has no deadline');
  });

  it("refuses whys that stop at human error", () => {
    const s = completeSnapshot();
    s.whys = ["The prompt lost the excerpt.", "Human error during the refactor.", ""];
    expect(messages(checkPublish(s).problems)).toEqual([`root-cause: ${HUMAN_ERROR_PROBLEM}`]);
    expect(HUMAN_ERROR_PROBLEM).toBe("The 5 Whys stop at human error; keep asking why until you reach a systemic cause");
  });

  it("refuses a root cause of human error but accepts one that rules it out", () => {
    expect(whysStopAtHumanError(["Gate optional"], "Human error")).toBe(true);
    expect(whysStopAtHumanError(["Human error in step 1", "The checklist had no eval step"], "")).toBe(false);
    expect(whysStopAtHumanError(["Not human error: the gate was optional"], "")).toBe(false);
  });

  it("refuses a root cause without a category", () => {
    const s = { ...completeSnapshot(), rootCauseCategory: null };
    expect(messages(checkPublish(s).problems)).toEqual([
      "root-cause: Choose a category for the root cause (technical, process or organisational)",
    ]);
  });

  it("refuses a customer-facing incident without an external summary, for any severity", () => {
    for (const severity of ["HIGH", "MEDIUM", "LOW"] as const) {
      const s = { ...completeSnapshot(), severity, externalSummary: " " };
      expect(messages(checkPublish(s).problems)).toContain(
        "external-summary: Write the external summary for this customer-facing incident",
      );
    }
  });

  it("refuses a full or lightweight review without a RESOLVED time", () => {
    for (const severity of ["CRITICAL", "MEDIUM"] as const) {
      const s = { ...completeSnapshot(), severity };
      s.timeline = s.timeline.filter((r) => r.milestone !== "RESOLVED");
      s.metrics = { ...s.metrics, notApplicable: { resolve: true, duration: true } };
      expect(messages(checkPublish(s).problems)).toEqual([
        'timeline: Add the time of "Service restored / issue resolved" (the RESOLVED milestone)',
      ]);
    }
  });

  it("only warns about a missing leadership observer", () => {
    const s = completeSnapshot();
    s.participants = s.participants.filter((p) => p.role !== "LEADERSHIP_OBSERVER");
    const result = checkPublish(s);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { section: "details", message: "No leadership observer among the participants; one is expected for Critical and High incidents" },
    ]);
  });

  it("hints when the summary runs past three sentences", () => {
    const s = { ...completeSnapshot(), summary: "One. Two. Three. Four." };
    expect(checkPublish(s).warnings).toEqual([{ section: "summary", message: "The summary has 4 sentences; the template asks for 2-3" }]);
  });

  it("warns about out-of-order milestones and flags the broken metric", () => {
    const s = completeSnapshot();
    s.timeline[1] = { ...s.timeline[1], occurredAt: new Date("2026-11-20T13:50:00Z") };
    const result = checkPublish(s);
    expect(messages(result.warnings)).toEqual(["timeline: Detected (13:50) is before First occurrence (14:00)"]);
    expect(messages(result.problems)).toEqual([
      "metrics: Time to detect can't be calculated: Detected (13:50) is before First occurrence (14:00)",
    ]);
  });

  it("warns about a checked AI cause without evidence", () => {
    const s = { ...completeSnapshot(), aiCauses: [{ kind: "HALLUCINATION" as const, evidence: "" }] };
    expect(messages(checkPublish(s).warnings)).toEqual(["ai-causes: Hallucination is checked without evidence"]);
  });

  it("requires a severity first", () => {
    expect(checkPublish({ ...completeSnapshot(), severity: null })).toEqual({
      ok: false,
      reviewType: null,
      problems: [{ section: "severity", message: "Choose a severity" }],
      warnings: [],
    });
  });
});
