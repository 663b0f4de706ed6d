import { describe, expect, it } from "vitest";
import {
  isSectionId,
  REQUIRED_SECTIONS,
  requiredSectionsFor,
  REVIEW_POLICIES,
  reviewPolicyFor,
  reviewTypeFor,
  SECTION_IDS,
  SECTION_LABELS,
  SEVERITIES,
  SEVERITY_DESCRIPTIONS,
  SEVERITY_LABELS,
  severityRank,
} from "./severity-policy";

describe("severities", () => {
  it("uses the template's labels and exact descriptions, most severe first", () => {
    expect(SEVERITIES).toEqual([
      { value: "CRITICAL", label: "Critical", description: "Service outage or major data/safety incident affecting customers" },
      { value: "HIGH", label: "High", description: "Significant quality degradation or security concern" },
      { value: "MEDIUM", label: "Medium", description: "Noticeable impact on a subset of users" },
      { value: "LOW", label: "Low", description: "Minor issue caught before significant user impact" },
    ]);
    expect(SEVERITY_LABELS.HIGH).toBe("High");
    expect(SEVERITY_DESCRIPTIONS.LOW).toBe("Minor issue caught before significant user impact");
    expect(severityRank("CRITICAL")).toBeLessThan(severityRank("LOW"));
  });
});

describe("review type by severity", () => {
  it.each([
    ["CRITICAL", "FULL"],
    ["HIGH", "FULL"],
    ["MEDIUM", "LIGHTWEIGHT"],
    ["LOW", "LOG"],
  ] as const)("%s → %s", (severity, type) => {
    expect(reviewTypeFor(severity)).toBe(type);
    expect(reviewPolicyFor(severity).type).toBe(type);
  });

  it("requires every section for a full post-mortem and expects a leadership observer", () => {
    expect(REQUIRED_SECTIONS.FULL).toEqual(SECTION_IDS);
    expect(REVIEW_POLICIES.FULL.leadershipObserverExpected).toBe(true);
    expect(REVIEW_POLICIES.FULL.meetingExpected).toBe(true);
  });

  it("requires summary, timeline, root cause, actions and lessons for a lightweight review", () => {
    expect(requiredSectionsFor("LIGHTWEIGHT")).toEqual(["summary", "timeline", "root-cause", "actions", "lessons"]);
    expect(REVIEW_POLICIES.LIGHTWEIGHT.leadershipObserverExpected).toBe(false);
  });

  it("asks a log entry only for a summary and a resolution, with no meeting and no clock", () => {
    expect(requiredSectionsFor("LOG")).toEqual(["summary"]);
    expect(REVIEW_POLICIES.LOG.resolutionRequired).toBe(true);
    expect(REVIEW_POLICIES.LOG.meetingExpected).toBe(false);
  });
});

describe("section ids", () => {
  it("are exactly the ids shared with the UI, each with a label", () => {
    expect(SECTION_IDS).toEqual([
      "details",
      "severity",
      "summary",
      "metrics",
      "timeline",
      "root-cause",
      "factors",
      "ai-causes",
      "ai-context",
      "impact",
      "actions",
      "lessons",
      "external-summary",
    ]);
    for (const id of SECTION_IDS) expect(SECTION_LABELS[id]).toBeTruthy();
    expect(isSectionId("root-cause")).toBe(true);
    expect(isSectionId("rootcause")).toBe(false);
  });
});
