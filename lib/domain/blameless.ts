import { splitSentences } from "./text";

// Suggestions, never blocks: the design asks for person-blaming wording to be pointed out gently.
//
// Decisions where the rules were open:
// - "should have" / "should've" / "shouldn't have" is flagged whatever its subject, including "the system
//   should have rate-limited": hindsight wording is worth rephrasing either way. "Alerts should fire" is not.
// - "human error" is not flagged when negated ("no human error was involved", "not a human error").
// - "failed to" is flagged only with a person subject (a participant, a pronoun, "the on-call engineer"…);
//   "the deploy failed to complete" is fine.
// - A participant's name is flagged only as the agent of a cause: subject of a sentence/clause that goes on
//   to "cause/break/introduce…" (or "lead to/result in/so…" plus words of a bad outcome), right after
//   "because/due to", or after "caused by/triggered by". "Priya facilitated the review" and
//   "acknowledged by Sam at 14:05" are fine.
// - Words containing a phrase are never matched ("blameless", "blame-free", "faultless", "carefully").

export type BlamelessRule =
  | "human_error"
  | "should_have"
  | "judgement"
  | "fault"
  | "blame"
  | "failed_to"
  | "forgot_to"
  | "didnt_bother"
  | "mistake_by"
  | "person_caused";

export type BlamelessHint = {
  rule: BlamelessRule;
  /** UTF-16 offsets into the checked text, end exclusive. */
  start: number;
  end: number;
  phrase: string;
  message: string;
  suggestion: string;
};

export type BlamelessOptions = { participantNames?: readonly string[] };

const SYSTEM_EXAMPLE = "e.g. 'the deploy pipeline had no eval gate'";

const ADVICE: Record<BlamelessRule, { message: string; suggestion: string }> = {
  human_error: {
    message: "“Human error” stops the analysis at a person. Ask what made the slip easy to make or hard to catch.",
    suggestion: "e.g. 'the release checklist did not require an eval run'",
  },
  should_have: {
    message: "“Should have” judges with hindsight. Consider describing what happened and what would make the safe path the default.",
    suggestion: "e.g. 'the runbook had no rollback step for prompt changes'",
  },
  judgement: {
    message: "This word judges a person. Consider describing the conditions that made the slip likely.",
    suggestion: "e.g. 'the config change had no review step'",
  },
  fault: {
    message: "Assigning fault points the review at a person. Consider describing which part of the system failed.",
    suggestion: "e.g. 'the retry policy amplified the load'",
  },
  blame: {
    message: "This review is blameless: consider describing what failed rather than who.",
    suggestion: "e.g. 'what failed was the hand-off between the eval and deploy steps'",
  },
  failed_to: {
    message: "“Failed to” with a person as the subject reads as blame. Consider describing what the system did not do or make easy.",
    suggestion: "e.g. 'the alert was not routed to the on-call rota'",
  },
  forgot_to: {
    message: "Forgetting is normal; a process should not depend on memory. Consider naming the missing reminder or automation.",
    suggestion: "e.g. 'the checklist had no step to bump the prompt version'",
  },
  didnt_bother: {
    message: "This assumes bad intent. Consider describing what made the step easy to skip.",
    suggestion: "e.g. 'the eval step was optional in the pipeline'",
  },
  mistake_by: {
    message: "Attributing the mistake to a person invites blame. Describe what in the system allowed this.",
    suggestion: SYSTEM_EXAMPLE,
  },
  person_caused: {
    message: "A person is named as the cause. Describe what in the system allowed this.",
    suggestion: SYSTEM_EXAMPLE,
  },
};

// Unicode-aware whole-word edges: \b only knows ASCII, and "Zoë" or "O'Brien" must still work.
const L = "(?<![\\p{L}\\p{N}_])";
const R = "(?![\\p{L}\\p{N}_])";

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const HUMAN_ERROR = `${L}(?:human|operator)[\\s-]+(?:errors?|mistakes?)${R}`;
const NEGATION_BEFORE =
  /(?:^|[^\p{L}])(?:no|not|never|without|nor|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|rather than|instead of|ruled out)(?:\s+[\p{L}-]+){0,2}\s*$/iu;

const ROLE_NOUNS =
  "on[- ]?call(?:\\s+engineers?)?|engineers?|developers?|devs?|operators?|reviewers?|authors?|sres?|analysts?|" +
  "admins?|administrators?|team|person|staff|testers?|managers?|leads?";
const PRONOUN_SUBJECTS = "i|we|you|he|she|they|someone|somebody|nobody|no one|everyone";
const PRONOUN_OBJECTS = "me|us|you|him|her|them|someone|somebody";

const STRONG_CAUSE =
  /(?<![\p{L}])(?:caus(?:e|ed|es|ing)|broke|breaks|break|broken|took down|brought down|introduc(?:e|ed|es|ing)|responsible for|to blame)(?![\p{L}])/iu;
const WEAK_CAUSE =
  /(?<![\p{L}])(?:led to|leads? to|leading to|result(?:ed|s|ing)? in|meant|meaning|so|therefore|hence|trigger(?:ed|s|ing)?|allow(?:ed|ing)?|let)(?![\p{L}])/iu;
const BAD_OUTCOME =
  /(?<![\p{L}])(?:outages?|incidents?|fail\p{L}*|errors?|regress\p{L}*|degrad\p{L}*|bugs?|broke\p{L}*|down(?:time)?|hallucinat\p{L}*|leak\p{L}*|wrong|incorrect|bad|skip\p{L}*|miss\p{L}*|without|unreviewed|untested|delay\p{L}*|loss|lost|drop\p{L}*|spikes?|breach\p{L}*|corrupt\p{L}*|crash\p{L}*|timeouts?|5\d\d|complain\p{L}*|ignor\p{L}*|bypass\p{L}*|disabl\p{L}*)(?![\p{L}])/iu;
const CLAUSE_OPENER =
  /(?:^|[,;:(—–]|\s-|(?<![\p{L}])(?:and|but|then|so|when|after|once|while|until|if|that|which|who|meanwhile|later))\s*$|(?<![\p{L}\p{N}])\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:utc|z))?\s*$/iu;
const CAUSE_SUBORDINATOR = /(?<![\p{L}])(?:because(?:\s+of)?|due to|owing to|as a result of)\s*$/iu;
const PASSIVE_CAUSE = /(?<![\p{L}])(?:caused|triggered|introduced|broken|started)\s+by\s*$/iu;

/** First names and full names of participants, longest first so "Sam Lee" wins over "Sam". */
function nameVariants(names: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const raw of names) {
    const full = raw.trim().replace(/\s+/g, " ");
    if (full.length < 2) continue;
    variants.add(full.toLowerCase());
    const first = full.split(" ")[0];
    if (first.length >= 2) variants.add(first.toLowerCase());
  }
  return [...variants].sort((a, b) => b.length - a.length);
}

/** True when the text blames "human error" (or "operator error") other than to rule it out. */
export function mentionsHumanError(text: string): boolean {
  const re = new RegExp(HUMAN_ERROR, "giu");
  for (const m of text.matchAll(re)) {
    if (!NEGATION_BEFORE.test(text.slice(0, m.index))) return true;
  }
  return false;
}

type Finder = (text: string, names: string[]) => Array<{ rule: BlamelessRule; start: number; end: number }>;

function regexFinder(rule: BlamelessRule, pattern: string): Finder {
  return (text) => [...text.matchAll(new RegExp(pattern, "giu"))].map((m) => ({ rule, start: m.index, end: m.index + m[0].length }));
}

const findHumanError: Finder = (text) =>
  [...text.matchAll(new RegExp(HUMAN_ERROR, "giu"))]
    .filter((m) => !NEGATION_BEFORE.test(text.slice(0, m.index)))
    .map((m) => ({ rule: "human_error", start: m.index, end: m.index + m[0].length }));

const findFailedTo: Finder = (text, names) => {
  const subjects = [PRONOUN_SUBJECTS, `(?:the|our|an?|their|his|her)\\s+(?:${ROLE_NOUNS})`, ...names.map(escapeRegExp)];
  const pattern = `${L}(?:${subjects.join("|")})(?:['’]s)?(?:\\s+\\p{L}+ly)?(?:\\s+(?:had|has|have))?\\s+failed\\s+to${R}`;
  return regexFinder("failed_to", pattern)(text, names);
};

const findMistakeBy: Finder = (text, names) => {
  const hits: ReturnType<Finder> = [];
  const lead = new RegExp(`${L}(?:mistakes?|errors?|slip|oversight)\\s+(?:made\\s+)?by\\s+`, "giu");
  const person = new RegExp(
    `^(?:(?:the|an?|our|their)\\s+(?:${ROLE_NOUNS})|${[PRONOUN_OBJECTS, ...names.map(escapeRegExp)].join("|")})${R}`,
    "iu",
  );
  // Without a participant list, a capitalised word after "by" is most likely a person ("mistake by Sam").
  const capitalised = new RegExp(`^\\p{Lu}\\p{Ll}+${R}`, "u");
  for (const m of text.matchAll(lead)) {
    const rest = text.slice(m.index + m[0].length);
    const who = person.exec(rest) ?? capitalised.exec(rest);
    if (who) hits.push({ rule: "mistake_by", start: m.index, end: m.index + m[0].length + who[0].length });
  }
  return hits;
};

// A participant named as the agent of a cause, judged per sentence (see the decisions above).
const findPersonCaused: Finder = (text, names) => {
  if (names.length === 0) return [];
  const hits: ReturnType<Finder> = [];
  const re = new RegExp(`${L}(?:${names.map(escapeRegExp).join("|")})(?:['’]s)?${R}`, "giu");
  for (const sentence of splitSentences(text)) {
    for (const m of sentence.text.matchAll(re)) {
      const before = sentence.text.slice(0, m.index);
      const after = sentence.text.slice(m.index + m[0].length);
      const asSubject =
        CLAUSE_OPENER.test(before) && (STRONG_CAUSE.test(after) || (WEAK_CAUSE.test(after) && BAD_OUTCOME.test(sentence.text)));
      if (asSubject || CAUSE_SUBORDINATOR.test(before) || PASSIVE_CAUSE.test(before)) {
        const start = sentence.start + m.index;
        hits.push({ rule: "person_caused", start, end: start + m[0].length });
      }
    }
  }
  return hits;
};

const FINDERS: readonly Finder[] = [
  findHumanError,
  regexFinder("should_have", `${L}(?:should(?:\\s+have|['’]ve)|shouldn['’]?t\\s+have|should\\s+not\\s+have)${R}`),
  regexFinder(
    "judgement",
    `${L}(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|incompeten(?:t|tly|ce)|sloppy|sloppily|sloppiness|lazy|lazily|laziness)${R}`,
  ),
  regexFinder("fault", `${L}(?:fault\\s+of|at\\s+fault|(?:his|her|their|my|your|our)\\s+fault|[\\p{L}]+['’]s\\s+fault)${R}`),
  regexFinder("blame", `(?<![\\p{L}\\p{N}_-])blam(?:e|ed|es|ing|eworthy)(?![\\p{L}\\p{N}_]|-free)`),
  findFailedTo,
  regexFinder("forgot_to", `${L}forgot(?:ten)?\\s+to${R}`),
  regexFinder("didnt_bother", `${L}(?:didn['’]?t|did\\s+not|never)\\s+bother(?:ed)?${R}`),
  findMistakeBy,
  findPersonCaused,
];

/**
 * Person-blaming wording in `text`, in reading order. Hints nested inside another hint are dropped so
 * one phrase is flagged once ("Sam failed to" is one hint, not also "Sam").
 */
export function findBlamelessHints(text: string, options: BlamelessOptions = {}): BlamelessHint[] {
  if (!text.trim()) return [];
  const names = nameVariants(options.participantNames ?? []);
  const found = FINDERS.flatMap((find) => find(text, names)).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const hit of found) {
    if (kept.some((k) => hit.start >= k.start && hit.end <= k.end)) continue;
    kept.push(hit);
  }
  return kept.map((hit) => ({
    ...hit,
    phrase: text.slice(hit.start, hit.end),
    ...ADVICE[hit.rule],
  }));
}
