import { describe, expect, it } from "vitest";
import { findBlamelessHints } from "./blameless";
import { coachWhy, rewriteSentence } from "./coaching";

describe("5 Whys coaching", () => {
  it.each([
    ["Because of human error during the deploy.", /human error/, /release path/],
    ["Sam forgot to run the eval suite.", /ends in a person/, /impossible to forget/],
    ["The alert was missed by the on-call engineer.", /ends in a person/, /impossible to forget/],
    ["Because Priya merged it without review.", /ends in a person/, /check running automatically/],
  ])("warns on %j and suggests the next systemic question", (why, message, question) => {
    const coaching = coachWhy(why, ["Sam Lee", "Priya Raman"]);
    expect(coaching?.message).toMatch(message);
    expect(coaching?.question).toMatch(question);
  });

  it("stays quiet when the why already points at the system", () => {
    expect(coachWhy("The eval suite only runs on our own deploys, not on vendor-side changes.", ["Sam"])).toBeNull();
    expect(coachWhy("No human error was involved; the alias moved.")).toBeNull();
    expect(coachWhy("")).toBeNull();
  });
});

describe("blameless rewrites", () => {
  const rewrite = (text: string, names: string[] = []) =>
    rewriteSentence(text, findBlamelessHints(text, { participantNames: names })[0]).rewrite;

  it.each([
    ["The outage was caused by human error.", [], "The outage was caused by a gap in the process."],
    ["Sam forgot to bump the prompt version.", ["Sam"], "There was no reminder to bump the prompt version."],
    ["The on-call engineer failed to page the vendor.", [], "The process did not make sure to page the vendor."],
    ["It was a careless change to the config.", [], "It was a change to the config."],
    ["Priya broke the deploy pipeline.", ["Priya"], "The change broke the deploy pipeline."],
  ])("rewrites %j", (text, names, expected) => {
    expect(rewrite(text, names)).toBe(expected);
  });

  it("rewrites only the sentence that holds the hint", () => {
    const text = "Alerts fired on time. Sam should have rolled back sooner.";
    const hint = findBlamelessHints(text)[0];
    expect(rewriteSentence(text, hint)).toEqual({
      original: "Sam should have rolled back sooner.",
      rewrite: "Sam was not prompted to have rolled back sooner.",
    });
    expect(rewrite("We should have paged the vendor.")).toBe("We were not prompted to have paged the vendor.");
  });
});
