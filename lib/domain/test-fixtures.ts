import type { PostmortemSnapshot } from "./snapshot";
import { newPostmortemContent } from "./template";

// Test-only builders shared by the completeness and export tests.

const t = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00Z`);

/** A High-severity postmortem that satisfies every publish rule. */
export function completeSnapshot(): PostmortemSnapshot {
  return {
    incidentKey: "INC-2026-0042",
    incidentName: "Support bot quoted wrong refund policy",
    incidentDate: new Date("2026-11-20T00:00:00Z"),
    meetingDate: new Date("2026-11-21T10:00:00Z"),
    facilitatorName: "Priya Shah",
    teamName: "Support AI",
    status: "IN_REVIEW",
    severity: "HIGH",
    summary:
      "A prompt change removed the refund policy excerpt. The support bot quoted a 90-day window for 2 h. " +
      "We rolled back and added an eval gate.",
    metrics: {
      usersAffected: 1200,
      requestsAffected: 5400,
      revenueImpactMinor: 123450n,
      revenueCurrency: "GBP",
      slaBreached: "NO",
      overrides: {},
      notApplicable: {},
    },
    timeline: [
      {
        occurredAt: t("14:00"),
        milestone: "FIRST_OCCURRENCE",
        event: "Prompt v42 deployed",
        actor: "System",
        notes: "",
        kind: "PROMPT_CHANGE",
      },
      {
        occurredAt: t("14:20"),
        milestone: "DETECTED",
        event: "Eval regression alert",
        actor: "Monitoring",
        notes: "",
        kind: "EVAL_REGRESSION",
      },
      { occurredAt: t("14:25"), milestone: "ACKNOWLEDGED", event: "On-call acknowledged", actor: "Sam Lee", notes: "", kind: "NOTE" },
      { occurredAt: t("14:50"), milestone: "DIAGNOSED", event: "Missing policy excerpt found", actor: "Sam Lee", notes: "", kind: "NOTE" },
      { occurredAt: t("15:10"), milestone: "MITIGATED", event: "Rolled back to v41", actor: "Sam Lee", notes: "", kind: "MITIGATION" },
      {
        occurredAt: t("16:05"),
        milestone: "RESOLVED",
        event: "Answers verified",
        actor: "Sam Lee",
        notes: "Spot-checked 50 chats",
        kind: "NOTE",
      },
      { occurredAt: null, milestone: "ROOT_CAUSE_CONFIRMED", event: "Root cause confirmed", actor: "", notes: "" },
    ],
    problemStatement: "The bot quoted the wrong refund window.",
    whys: [
      "The prompt no longer contained the policy excerpt.",
      "The template refactor dropped the include.",
      "No eval covered refund questions.",
      "",
      "",
    ],
    rootCause: "Prompt changes ship without a policy-coverage eval gate.",
    rootCauseCategory: "PROCESS",
    factors: [
      { category: "TECHNICAL", description: "Prompt includes are resolved silently" },
      { category: "PROCESS", description: "" },
      { category: "HUMAN", description: "" },
    ],
    aiCauses: [{ kind: "PROMPT_CHANGE", evidence: "Diff of v41..v42" }],
    aiContext: {
      provider: "Anthropic",
      model: "claude-x 2026-10",
      promptVersion: "v42",
      guardrails: "Policy filter",
      dataSnapshot: "",
      evalScoreBefore: "0.910",
      evalScoreAfter: 0.72,
    },
    impact: {
      customerLevel: "MEDIUM",
      customerDetail: "Wrong answers | 1,200 users",
      revenueDetail: "Goodwill refunds",
      reputationalLevel: "LOW",
      reputationalDetail: "",
      dataSecurityLevel: "NONE",
      dataSecurityDetail: "",
      complianceLevel: "LOW",
      complianceDetail: "Consumer law review",
    },
    actions: [
      ...newPostmortemContent().actions,
      {
        number: 7,
        horizon: "IMMEDIATE",
        action: "Add eval gate",
        ownerId: "u1",
        ownerName: "Sam Lee",
        deadline: "2026-11-28",
        status: "OPEN",
        wontDoReason: "",
        ticket: "AI-101",
      },
      {
        number: 8,
        horizon: "LONG_TERM",
        action: "Fail the build on missing prompt includes",
        ownerId: "u2",
        ownerName: "Priya Shah",
        deadline: new Date("2027-02-19T00:00:00Z"),
        status: "WONT_DO",
        wontDoReason: "Superseded by the eval gate",
        ticket: "",
      },
    ],
    lessons: {
      wentWell: "Rollback took 5 minutes.",
      couldImprove: "Eval coverage of policy questions.",
      doDifferently: "Gate prompt changes on evals.",
    },
    customerFacing: true,
    externalSummary: "Some refund answers were wrong for two hours.",
    externalWhatWeDid: "We restored the previous prompt and corrected the affected answers.",
    externalPrevention: "Prompt changes now pass a refund-policy evaluation before release.",
    participants: [
      { name: "Priya Shah", role: "FACILITATOR", userId: "u2" },
      { name: "Sam Lee", role: "ATTENDEE", userId: "u1" },
      { name: "Alex Kim", role: "LEADERSHIP_OBSERVER" },
    ],
  };
}
