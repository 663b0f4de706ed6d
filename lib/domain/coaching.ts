import { findBlamelessHints, mentionsHumanError, type BlamelessHint } from "./blameless";
import { splitSentences } from "./text";

// Coaching for the analysis, without an AI endpoint: a why that stops at a person gets the next systemic
// question; a flagged sentence gets a rewrite that names the system instead of the person.

export type WhyCoaching = { message: string; question: string };

const PERSON_RULES = new Set([
  "human_error",
  "failed_to",
  "forgot_to",
  "mistake_by",
  "person_caused",
  "didnt_bother",
  "judgement",
  "should_have",
  "fault",
  "blame",
]);
const ROLE_OR_PRONOUN =
  /\b(?:the\s+)?(?:on[- ]?call(?:\s+engineer)?|engineer|developer|operator|reviewer|author|analyst|admin|tester|he|she|they|someone|somebody|nobody|no one)\s*[.!]?\s*$/i;

const QUESTIONS: readonly [RegExp, string][] = [
  [/\bforg[eo]t|\bmissed\b|\boverlook/i, "What reminder, checklist step or automation would have made this impossible to forget?"],
  [/\b(?:review|check|test|eval|verify|validat)\w*/i, "Why did the process let this change ship without that check running automatically?"],
  [/\b(?:deploy|ship|push|merge|release|roll)\w*/i, "What in the release path allowed this change to reach production without a gate?"],
  [
    /\b(?:alert|page|monitor|notice)\w*/i,
    "What would have made this signal reach the right person sooner without relying on someone spotting it?",
  ],
];
const DEFAULT_QUESTION = "What in the system, process or tooling made this the reasonable thing to do at the time?";

/**
 * A warning when a why ends in a person ("human error", a participant's name, "the on-call engineer") and
 * the next question to ask; null when the why already points at the system.
 */
export function coachWhy(text: string, participantNames: readonly string[] = []): WhyCoaching | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const hints = findBlamelessHints(trimmed, { participantNames }).filter((h) => PERSON_RULES.has(h.rule));
  const endsInPerson =
    ROLE_OR_PRONOUN.test(trimmed) ||
    participantNames.some(
      (n) =>
        n.trim().length > 1 &&
        new RegExp(
          `\\b${n
            .trim()
            .split(/\s+/)[0]
            .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*[.!]?\\s*$`,
          "iu",
        ).test(trimmed),
    );
  if (!mentionsHumanError(trimmed) && hints.length === 0 && !endsInPerson) return null;
  const question = QUESTIONS.find(([pattern]) => pattern.test(trimmed))?.[1] ?? DEFAULT_QUESTION;
  return {
    message: mentionsHumanError(trimmed)
      ? "This why ends in “human error”. Keep asking: a systemic root cause suggests a process or system fix."
      : "This why ends in a person. Keep asking why the system made their action likely or easy.",
    question,
  };
}

const REPLACEMENTS: Partial<Record<BlamelessHint["rule"], string>> = {
  human_error: "a gap in the process",
  should_have: "was not prompted to have",
  failed_to: "the process did not make sure to",
  forgot_to: "there was no reminder to",
  didnt_bother: "had no easy way to",
  mistake_by: "a slip the process did not catch",
  fault: "a contributing condition of",
  blame: "look at",
  person_caused: "the change",
};

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The sentence around `hint`, rewritten to describe the system rather than the person. */
export function rewriteSentence(text: string, hint: BlamelessHint): { original: string; rewrite: string } {
  const sentence = splitSentences(text).find((s) => hint.start >= s.start && hint.start < s.end) ?? { text, start: 0, end: text.length };
  const start = hint.start - sentence.start;
  const end = hint.end - sentence.start;
  let before = sentence.text.slice(0, start);
  const after = sentence.text.slice(end);
  if (hint.rule === "forgot_to" || hint.rule === "failed_to") {
    // "Sam forgot to…" → "there was no reminder to…": the subject goes with the phrase.
    before = before.replace(/(?:\b(?:the|our|an?)\s+)?[\p{L}'’-]+\s*$/u, "");
  }
  let replacement = hint.rule === "judgement" ? "" : (REPLACEMENTS[hint.rule] ?? hint.phrase);
  if (hint.rule === "should_have" && /\b(?:we|they|you)\s*$/i.test(before)) replacement = "were not prompted to have";
  const joined = `${before}${replacement}${after}`
    .replace(/\s{2,}/g, " ")
    .replace(/\s+([.,;!?])/g, "$1")
    .trim();
  return { original: sentence.text.trim(), rewrite: capitalise(joined) };
}
