import { describe, expect, it } from "vitest";
import { findBlamelessHints, mentionsHumanError, type BlamelessRule } from "./blameless";

const participantNames = ["Priya Shah", "Sam Lee", "Zoë O'Brien"];

// [text, the rule expected (null = nothing flagged), the flagged phrase]
const FLAGGED: [string, BlamelessRule, string][] = [
  ["The outage was caused by human error.", "human_error", "human error"],
  ["Root cause: Human-error during the rollout.", "human_error", "Human-error"],
  ["Operator error in the config push.", "human_error", "Operator error"],
  ["The on-call should have noticed the drift alert.", "should_have", "should have"],
  ["We should've pinned the model version.", "should_have", "should've"],
  ["The system should have rate-limited the retries.", "should_have", "should have"],
  ["The reviewer shouldn't have approved it.", "should_have", "shouldn't have"],
  ["A careless change to the prompt template.", "judgement", "careless"],
  ["The rollout was handled carelessly.", "judgement", "carelessly"],
  ["It was negligent to skip the eval.", "judgement", "negligent"],
  ["An incompetent review process.", "judgement", "incompetent"],
  ["Sloppy testing let it through.", "judgement", "Sloppy"],
  ["A lazy shortcut in the pipeline.", "judgement", "lazy"],
  ["It was the fault of the release manager.", "fault", "fault of"],
  ["Nobody was at fault, but here we are.", "fault", "at fault"],
  ["It was Sam's fault.", "fault", "Sam's fault"],
  ["We don't want to blame anyone.", "blame", "blame"],
  ["The team blamed the vendor.", "blame", "blamed"],
  ["The engineer failed to run the evals.", "failed_to", "The engineer failed to"],
  ["She failed to escalate.", "failed_to", "She failed to"],
  ["Priya failed to check the drift dashboard.", "failed_to", "Priya failed to"],
  ["The on-call engineer simply failed to respond.", "failed_to", "The on-call engineer simply failed to"],
  ["Someone forgot to bump the prompt version.", "forgot_to", "forgot to"],
  ["They didn't bother to read the runbook.", "didnt_bother", "didn't bother"],
  ["He did not bother with the checklist.", "didnt_bother", "did not bother"],
  ["It was a mistake by Sam.", "mistake_by", "mistake by Sam"],
  ["An error made by the developer in the config.", "mistake_by", "error made by the developer"],
  ["A mistake by Jordan in the rollout.", "mistake_by", "mistake by Jordan"],
  ["Priya deployed the prompt without review, which caused the hallucinations.", "person_caused", "Priya"],
  ["Because Sam skipped the eval, the regression shipped.", "person_caused", "Sam"],
  ["Sam's change broke the retrieval index.", "person_caused", "Sam's"],
  ["The outage was caused by Priya Shah.", "person_caused", "Priya Shah"],
  ["At 14:05 sam pushed the config, which led to a spike in errors.", "person_caused", "sam"],
  ["The drift went unnoticed because of Zoë's dashboard change.", "person_caused", "Zoë's"],
  ["Later, priya shah disabled the guardrail, so the bad answers reached customers.", "person_caused", "priya shah"],
];

const NOT_FLAGGED: string[] = [
  "This review is blameless.",
  "We ran a blame-free retrospective.",
  "The failover was faultless.",
  "We carefully replayed the traffic.",
  "Alerts should fire within five minutes of drift.",
  "No human error was involved.",
  "This was not a human error but a missing eval gate.",
  "The deploy failed to complete because the registry timed out.",
  "The job failed to start.",
  "Priya facilitated the review.",
  "The alert was acknowledged by Sam at 14:05.",
  "Sam noticed the drift alert and paged the vendor.",
  "Priya facilitated the review because the usual facilitator was on leave.",
  "Escalated to Sam, who rolled back the prompt.",
  "The default of the retry policy was 10.",
  "The pipeline had no eval gate, which caused the regression to ship.",
  "An error by the API gateway returned 502s.",
  "The samples were reviewed by the eval team.",
  "Samantha reviewed the prompt diff.",
  "",
];

describe("findBlamelessHints", () => {
  it.each(FLAGGED)("flags %j (%s)", (text, rule, phrase) => {
    const hints = findBlamelessHints(text, { participantNames });
    const hint = hints.find((h) => h.rule === rule);
    expect(hint, JSON.stringify(hints)).toBeDefined();
    expect(hint?.phrase).toBe(phrase);
    expect(text.slice(hint!.start, hint!.end)).toBe(phrase);
    expect(hint?.message).toBeTruthy();
    expect(hint?.suggestion).toMatch(/^e\.g\. '/);
  });

  it.each(NOT_FLAGGED)("does not flag %j", (text) => {
    expect(findBlamelessHints(text, { participantNames })).toEqual([]);
  });

  it("has at least 25 phrasings in its tables", () => {
    expect(FLAGGED.length + NOT_FLAGGED.length).toBeGreaterThanOrEqual(25);
  });

  it("only treats names as people when they are participants", () => {
    const text = "Priya deployed the prompt without review, which caused the hallucinations.";
    expect(findBlamelessHints(text).filter((h) => h.rule === "person_caused")).toEqual([]);
  });

  it("returns hints in reading order with offsets into the original text", () => {
    const text = "Summary. Sam should have checked. It was human error.";
    const hints = findBlamelessHints(text, { participantNames });
    expect(hints.map((h) => h.phrase)).toEqual(["should have", "human error"]);
    expect(hints[0].start).toBe(text.indexOf("should have"));
  });

  it("flags one phrase once when rules overlap", () => {
    const hints = findBlamelessHints("Sam failed to roll back, which caused the outage.", { participantNames });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ rule: "failed_to", phrase: "Sam failed to" });
  });

  it("suggests describing the system for a named cause", () => {
    const [hint] = findBlamelessHints("Sam's change broke the index.", { participantNames });
    expect(hint.message).toBe("A person is named as the cause. Describe what in the system allowed this.");
    expect(hint.suggestion).toBe("e.g. 'the deploy pipeline had no eval gate'");
  });

  it("escapes names that contain regex characters", () => {
    expect(() => findBlamelessHints("A.J. (ops) deployed it", { participantNames: ["A.J. (ops)", "x"] })).not.toThrow();
  });
});

describe("mentionsHumanError", () => {
  it.each([
    ["The root cause was human error.", true],
    ["operator error", true],
    ["Not human error: the eval gate was optional.", false],
    ["There was no human error involved.", false],
    ["Humans erred", false],
    ["A user error rate spike", false],
  ])("%j → %s", (text, expected) => {
    expect(mentionsHumanError(text)).toBe(expected);
  });
});
