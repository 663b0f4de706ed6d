import { describe, expect, it } from "vitest";
import { AiCauseKind, EventKind, Milestone } from "@/lib/generated/prisma/enums";
import {
  ACTION_STATUS_LABELS,
  AI_CAUSE_BY_KIND,
  AI_CAUSES,
  AI_EVENT_KINDS,
  BLAMELESS_REMINDER,
  EVENT_KIND_LABELS,
  FACTOR_CATEGORY_LABELS,
  IMPACT_LEVEL_LABELS,
  isBlankAction,
  isBlankFactor,
  isBlankTimelineRow,
  isBlankWhy,
  isTimelineRowFilled,
  MILESTONE_LABELS,
  newPostmortemContent,
  PARTICIPANT_ROLE_LABELS,
  ROOT_CAUSE_CATEGORY_LABELS,
  TEMPLATE_INSTRUCTIONS,
  TEMPLATE_TIMELINE_ROWS,
} from "./template";

describe("new postmortem content", () => {
  const fresh = newPostmortemContent();

  it("starts with the template's timeline rows, in order, with milestones and default actors", () => {
    expect(fresh.timeline.map((r) => [r.event, r.actor, r.milestone])).toEqual([
      ["First occurrence of the issue", "System", "FIRST_OCCURRENCE"],
      ["Alert triggered / issue detected", "Monitoring / User report", "DETECTED"],
      ["Incident acknowledged by on-call", "", "ACKNOWLEDGED"],
      ["Initial diagnosis", "", "DIAGNOSED"],
      ["Mitigation applied", "", "MITIGATED"],
      ["Service restored / issue resolved", "", "RESOLVED"],
      ["Root cause confirmed", "", "ROOT_CAUSE_CONFIRMED"],
      ["Post-mortem scheduled", "", "POSTMORTEM_SCHEDULED"],
    ]);
    expect(fresh.timeline.every((r) => r.occurredAt === null && r.notes === "")).toBe(true);
    expect(fresh.timeline.map((r) => r.orderKey)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("has five empty whys, one empty factor per category and the six numbered open actions", () => {
    expect(fresh.whys).toEqual(["", "", "", "", ""]);
    expect(fresh.factors).toEqual([
      { category: "TECHNICAL", description: "" },
      { category: "PROCESS", description: "" },
      { category: "HUMAN", description: "" },
    ]);
    expect(fresh.actions.map((a) => [a.number, a.horizon, a.status])).toEqual([
      [1, "IMMEDIATE", "OPEN"],
      [2, "IMMEDIATE", "OPEN"],
      [3, "SHORT_TERM", "OPEN"],
      [4, "SHORT_TERM", "OPEN"],
      [5, "LONG_TERM", "OPEN"],
      [6, "LONG_TERM", "OPEN"],
    ]);
  });

  it("is entirely blank", () => {
    expect(fresh.timeline.every(isBlankTimelineRow)).toBe(true);
    expect(fresh.whys.every(isBlankWhy)).toBe(true);
    expect(fresh.factors.every(isBlankFactor)).toBe(true);
    expect(fresh.actions.every(isBlankAction)).toBe(true);
  });

  it("returns fresh objects on every call", () => {
    const a = newPostmortemContent();
    a.whys[0] = "changed";
    expect(newPostmortemContent().whys[0]).toBe("");
  });
});

describe("AI-specific root causes", () => {
  it("lists the ten causes with the template's exact descriptions, keyed by AiCauseKind", () => {
    expect(AI_CAUSES.map((c) => `${c.label} — ${c.description}`)).toEqual([
      "Model drift — model performance degraded over time",
      "Data quality — input data quality changed",
      "Prompt change — a prompt modification caused unexpected behaviour",
      "Model update — vendor updated the underlying model",
      "Adversarial input — malicious or unexpected user input",
      "Hallucination — model generated false or misleading output",
      "Rate limiting — AI service rate limits caused failures",
      "Context window — input exceeded model context limits",
      "Integration failure — API or integration issue",
      "Infrastructure — compute, network, or storage failure",
    ]);
    expect(Object.keys(AI_CAUSE_BY_KIND).sort()).toEqual(Object.values(AiCauseKind).sort());
  });
});

describe("labels", () => {
  it("covers every enum value", () => {
    expect(Object.keys(MILESTONE_LABELS).sort()).toEqual(Object.values(Milestone).sort());
    expect(Object.keys(EVENT_KIND_LABELS).sort()).toEqual(Object.values(EventKind).sort());
    expect(TEMPLATE_TIMELINE_ROWS.map((r) => r.milestone)).toEqual(Object.values(Milestone));
  });

  it("reads like the template", () => {
    expect(AI_EVENT_KINDS.map((k) => EVENT_KIND_LABELS[k])).toEqual([
      "Model deploy",
      "Prompt change",
      "Eval regression",
      "Drift alert",
      "Vendor model update",
    ]);
    expect(Object.values(IMPACT_LEVEL_LABELS)).toEqual(["High", "Medium", "Low", "None"]);
    expect(ACTION_STATUS_LABELS.WONT_DO).toBe("Won't do");
    expect(PARTICIPANT_ROLE_LABELS.LEADERSHIP_OBSERVER).toBe("Leadership observer");
    expect(Object.values(FACTOR_CATEGORY_LABELS)).toEqual(["Technical", "Process", "Human"]);
    expect(Object.values(ROOT_CAUSE_CATEGORY_LABELS)).toEqual(["Technical", "Process", "Organisational"]);
  });
});

describe("template texts", () => {
  it("quotes the blameless culture reminder verbatim", () => {
    expect(BLAMELESS_REMINDER.text).toBe(
      "This post-mortem is conducted in a blameless manner. We focus on systemic improvements, not individual blame. The goal is to make our systems and processes more resilient, not to assign fault.",
    );
  });

  it("quotes the four instructions verbatim", () => {
    expect(TEMPLATE_INSTRUCTIONS.map((i) => `${i.title}\n${i.body}`)).toEqual([
      "Conduct the post-mortem within 48 hours\nHold the post-mortem while details are fresh. Invite everyone who was involved in detecting, diagnosing, and resolving the incident.",
      "Build the timeline first\nReconstruct what happened chronologically before analysing why. Use logs, alerts, and team recollections to build an accurate timeline.",
      "Use 5 Whys to find root causes\nKeep asking 'why' until you reach a systemic root cause, not a human error. The root cause should suggest a process or system improvement.",
      "Assign concrete corrective actions\nEvery action needs an owner and deadline. Track actions to completion in subsequent weeks. Unfinished actions from post-mortems erode trust in the process.",
    ]);
  });
});

describe("blank rows", () => {
  const row = { occurredAt: null, event: "", actor: "", notes: "", milestone: null };

  it("treats an untouched template row as blank and an edited one as not", () => {
    expect(isBlankTimelineRow({ ...row, event: "Initial diagnosis" })).toBe(true);
    expect(isBlankTimelineRow({ ...row, event: "Initial diagnosis", notes: "Cache suspected" })).toBe(false);
    expect(isBlankTimelineRow({ ...row, event: "Vendor announced model update" })).toBe(false);
    expect(isBlankTimelineRow({ ...row, actor: "Sam" })).toBe(false);
    expect(isBlankTimelineRow({ ...row, occurredAt: new Date() })).toBe(false);
  });

  it("counts a row as filled only with a time and an event", () => {
    expect(isTimelineRowFilled({ ...row, event: "Alert" })).toBe(false);
    expect(isTimelineRowFilled({ ...row, occurredAt: new Date() })).toBe(false);
    expect(isTimelineRowFilled({ ...row, occurredAt: new Date(), event: "Alert" })).toBe(true);
  });

  it("treats an action with anything set as not blank", () => {
    const blank = newPostmortemContent().actions[0];
    expect(isBlankAction({ ...blank, ownerId: "u1" })).toBe(false);
    expect(isBlankAction({ ...blank, status: "WONT_DO" })).toBe(false);
    expect(isBlankAction({ ...blank, action: "  " })).toBe(true);
  });
});
