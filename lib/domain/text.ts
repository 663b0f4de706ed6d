// Sentence splitting shared by the summary length hint and the blameless checks (which need offsets).

export type SentenceSpan = { text: string; start: number; end: number };

// Lower-cased, without the final dot. A dot after one of these never ends a sentence mid-text.
const ABBREVIATIONS = new Set(["e.g", "i.e", "vs", "cf", "approx", "incl", "excl", "fig", "mr", "mrs", "ms", "dr", "prof"]);
// These often close a sentence too ("…timeouts, etc. The team…"): a capital letter after them starts a new one.
const SOFT_ABBREVIATIONS = new Set(["etc", "a.m", "p.m", "inc", "ltd", "corp"]);

const TERMINATORS = new Set([".", "!", "?", "…"]);

/** True when the text contains something a reader would call a word or number. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

// The word immediately before position `dot`, including inner dots ("e.g", "v2.1", "J").
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, dot).replace(/^\.+/, "");
}

function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (!TERMINATORS.has(ch)) return false;
  let j = i + 1;
  while (j < text.length && TERMINATORS.has(text[j])) j++;
  const isEllipsis = ch === "…" || j - i >= 3;
  while (j < text.length && /["'”’)\]]/.test(text[j])) j++;
  // A terminator glued to the next character is a decimal, a version or a domain ("3.5", "v2.1", "a.io").
  if (j < text.length && !/\s/.test(text[j])) return false;
  const next = text.slice(j).trimStart()[0];
  if (next === undefined) return true;
  const startsUpper = /\p{Lu}/u.test(next);
  // "We waited... then restarted" is one sentence; an ellipsis ends one only before a capital.
  if (isEllipsis) return startsUpper;
  if (ch !== ".") return true;
  // "1. Roll back" at the start of a line is a list marker, not a one-word sentence.
  if (/(^|\n)[ \t]*\d+$/.test(text.slice(0, i))) return false;
  const word = wordBefore(text, i).toLowerCase();
  if (SOFT_ABBREVIATIONS.has(word)) return startsUpper;
  // A single letter before the dot is an initial ("J. Smith").
  return !(ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word));
}

/**
 * Splits prose into sentences with their offsets. A sentence ends at . ! ? … followed by whitespace or
 * the end of the text, except after abbreviations (e.g., i.e., etc., Dr.) and initials; decimals and
 * versions never end one. Paragraph breaks and list items also end a sentence, and trailing text
 * without a final period still counts.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    if (hasWords(raw)) {
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      spans.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    }
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") {
      const rest = text.slice(i + 1);
      // A blank line or a new bullet/numbered item starts a new sentence even without a period.
      if (/^[ \t]*(\n|[-*•]\s|\d+[.)]\s)/.test(rest)) push(i + 1);
      continue;
    }
    if (!TERMINATORS.has(text[i])) continue;
    // Judge a run like "?!" or "..." once, by its first character, then step over it.
    let j = i + 1;
    while (j < text.length && (TERMINATORS.has(text[j]) || /["'”’)\]]/.test(text[j]))) j++;
    if (endsSentence(text, i)) push(j);
    i = j - 1;
  }
  push(text.length);
  return spans;
}
