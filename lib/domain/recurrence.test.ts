import { describe, expect, it } from "vitest";
import { isPossibleRecurrence, sameAiSystem, similarityScore, type RecurrenceCandidate } from "./recurrence";

const base: RecurrenceCandidate = {
  id: "a",
  incidentDate: new Date("2026-06-01T00:00:00Z"),
  status: "PUBLISHED",
  teamId: "t1",
  aiProvider: "OpenAI",
  aiModel: "gpt-4o-2024-08-06",
  aiCauses: ["PROMPT_CHANGE", "HALLUCINATION"],
};
const later: RecurrenceCandidate = {
  ...base,
  id: "b",
  incidentDate: new Date("2026-09-01T00:00:00Z"),
  status: "DRAFT",
  aiCauses: ["PROMPT_CHANGE"],
};

describe("recurrence", () => {
  it("needs an earlier published postmortem with a shared AI cause on the same AI system", () => {
    expect(isPossibleRecurrence(later, base)).toBe(true);
    expect(isPossibleRecurrence(base, later)).toBe(false);
    expect(isPossibleRecurrence(later, { ...base, status: "IN_REVIEW" })).toBe(false);
    expect(isPossibleRecurrence(later, { ...base, aiCauses: ["MODEL_DRIFT"] })).toBe(false);
  });
  it("compares provider and model without case, else the team when no model is recorded", () => {
    expect(sameAiSystem(later, { ...base, aiProvider: " openai ", aiModel: "GPT-4o-2024-08-06" })).toBe(true);
    expect(sameAiSystem(later, { ...base, aiModel: "claude-3" })).toBe(false);
    expect(sameAiSystem({ ...later, aiModel: "" }, { ...base, aiModel: " ", teamId: "t1" })).toBe(true);
    expect(sameAiSystem({ ...later, aiModel: "" }, { ...base, teamId: "t1" })).toBe(false);
    expect(sameAiSystem({ ...later, aiModel: "", teamId: null }, { ...base, teamId: null })).toBe(false);
  });
  it("scores shared causes above team and text", () => {
    expect(similarityScore(later, base, 0.5)).toBe(2 + 2 + 1 + 0.5);
    expect(similarityScore(later, { ...base, aiCauses: [], teamId: "t2", aiModel: "x" }, 3)).toBe(1);
  });
});
