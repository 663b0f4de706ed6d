import type { AiCauseKind } from "@/lib/generated/prisma/enums";
import { formatDuration } from "../metrics";
import { AI_CAUSE_RULES, allMatches } from "./rules";
import type { DraftAiCause, DraftAiContext, DraftImpactHint, DraftSource, DraftSummary, DraftTimelineRow } from "./types";

// What the built-in engine reads from the material besides the timeline: a summary written from the
// milestone rows, impact hints, AI cause candidates and the AI system's context, each citing its line.

const hhmm = (iso: string) => iso.slice(11, 16);
// Sentence-initial common words are lowered to fit mid-sentence; names ("Datadog", "Sam") are kept.
const lowerFirst = (s: string) =>
  /^(?:The|A|An|First|Errors?|Customers?|Users?|Alerts?|We|It|Our|Some|All|Many)\b/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
const clause = (s: string) => lowerFirst(s.replace(/[.!?…\s]+$/, "")).slice(0, 220);

/** Two or three sentences: what happened and when, how it was detected and mitigated, when it ended. */
export function writeSummary(timeline: readonly DraftTimelineRow[]): DraftSummary | null {
  const at = (m: DraftTimelineRow["milestone"]) => timeline.find((r) => r.milestone === m && r.occurredAt);
  const start = at("FIRST_OCCURRENCE") ?? at("DETECTED");
  const detected = at("DETECTED");
  const mitigated = at("MITIGATED");
  const resolved = at("RESOLVED");
  if (!start?.occurredAt) return null;
  const sentences = [`On ${start.occurredAt.slice(0, 10)} at ${hhmm(start.occurredAt)} UTC, ${clause(start.event)}.`];
  const used = [start];
  const steps: string[] = [];
  if (detected?.occurredAt && detected !== start) {
    steps.push(`detected at ${hhmm(detected.occurredAt)} UTC (${clause(detected.event)})`);
    used.push(detected);
  }
  if (mitigated?.occurredAt) {
    steps.push(`mitigated at ${hhmm(mitigated.occurredAt)} UTC (${clause(mitigated.event)})`);
    used.push(mitigated);
  }
  if (steps.length > 0) sentences.push(`It was ${steps.join(" and ")}.`);
  if (resolved?.occurredAt) {
    const minutes = Math.floor((Date.parse(resolved.occurredAt) - Date.parse(start.occurredAt)) / 60_000);
    const length = minutes >= 0 ? `, ${formatDuration(minutes)} after it began` : "";
    sentences.push(`It was resolved at ${hhmm(resolved.occurredAt)} UTC${length}.`);
    used.push(resolved);
  }
  if (sentences.length < 2) return null;
  return { text: sentences.join(" ").slice(0, 2_000), sources: used.map((r) => r.source) };
}

const COUNT = "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?\\s?[kK]?)";
const USERS = new RegExp(
  `${COUNT}\\+?\\s+(?:unique\\s+|distinct\\s+|affected\\s+)?(?:users|customers|accounts|people|tenants|sessions)\\b`,
  "g",
);
const REQUESTS = new RegExp(
  `${COUNT}\\+?\\s+(?:\\w+\\s+)?(?:requests|calls|queries|conversations|chats|answers|responses|messages|tickets)\\b`,
  "g",
);

function count(raw: string): number {
  const text = raw.replace(/,/g, "").trim();
  return Math.round(/k$/i.test(text) ? parseFloat(text) * 1000 : parseFloat(text));
}

function largest(pattern: RegExp, lines: readonly DraftSource[]): { value: number; source: DraftSource } | null {
  let best: { value: number; source: DraftSource } | null = null;
  for (const source of lines) {
    for (const m of source.text.matchAll(pattern)) {
      const value = count(m[1]);
      if (Number.isSafeInteger(value) && value > 0 && (!best || value > best.value)) best = { value, source };
    }
  }
  return best;
}

const LEVEL_RULES: readonly [DraftImpactHint["field"], string, RegExp][] = [
  [
    "dataSecurityLevel",
    "HIGH",
    /\b(?:PII|personal data|data leak\w*|leaked|exposed (?:data|emails|records|keys)|credentials|secrets?|other (?:customers'|users') data)\b/i,
  ],
  ["complianceLevel", "MEDIUM", /\b(?:GDPR|regulator\w*|ICO|FCA|HIPAA|compliance|legal team|DPO|breach notification)\b/i],
  ["reputationalLevel", "MEDIUM", /\b(?:twitter|tweet\w*|press|journalist|viral|reddit|hacker news|news|social media|linkedin)\b/i],
  [
    "customerLevel",
    "MEDIUM",
    /\b(?:customers?|users?)\b.*\b(?:affected|impacted|complain\w*|report\w*|saw|received|got|could not|couldn't)\b/i,
  ],
];

export function findImpactHints(lines: readonly DraftSource[]): DraftImpactHint[] {
  const hints: DraftImpactHint[] = [];
  const users = largest(USERS, lines);
  if (users) hints.push({ field: "usersAffected", value: String(users.value), detail: "", source: users.source });
  const requests = largest(REQUESTS, lines);
  if (requests) hints.push({ field: "requestsAffected", value: String(requests.value), detail: "", source: requests.source });
  const sla = lines.find((l) => /\bSLA\b.*\b(?:breach\w*|violat\w*|missed)|\b(?:breach\w*|violat\w*|missed)\b.*\bSLA\b/i.test(l.text));
  if (sla) hints.push({ field: "slaBreached", value: "YES", detail: "", source: sla });
  for (const [field, level, pattern] of LEVEL_RULES) {
    const source = lines.find((l) => pattern.test(l.text));
    if (!source) continue;
    const value = field === "customerLevel" && users && users.value >= 1000 ? "HIGH" : level;
    hints.push({ field, value, detail: source.text.slice(0, 1_000), source });
  }
  const revenue = lines.find(
    (l) =>
      /(?:[£$€]\s?\d[\d,.]*\s?[km]?|\b\d[\d,.]*\s?(?:GBP|USD|EUR)\b)/i.test(l.text) &&
      /\b(?:refund\w*|credit\w*|revenue|cost|lost|compensat\w*|billing|charged)\b/i.test(l.text),
  );
  if (revenue) hints.push({ field: "revenueDetail", value: revenue.text.slice(0, 1_000), detail: "", source: revenue });
  return hints;
}

export function findAiCauses(lines: readonly DraftSource[]): DraftAiCause[] {
  const found = new Map<AiCauseKind, DraftAiCause>();
  for (const source of lines) {
    for (const kind of allMatches(AI_CAUSE_RULES, source.text)) {
      if (!found.has(kind)) found.set(kind, { kind, evidence: `“${source.text.slice(0, 1_990)}”`, source });
    }
  }
  return [...found.values()];
}

const PROVIDERS: readonly [string, RegExp][] = [
  ["Azure OpenAI", /\bazure openai\b/i],
  ["OpenAI", /\bopenai\b|\bgpt-[\w.]+/i],
  ["Anthropic", /\banthropic\b|\bclaude\b/i],
  ["AWS Bedrock", /\bbedrock\b/i],
  ["Google", /\b(?:vertex ai|gemini|google ai)\b/i],
  ["Mistral", /\bmistral\b|\bmixtral\b/i],
  ["Cohere", /\bcohere\b|\bcommand-r/i],
  ["Meta", /\bllama\b/i],
];
const MODEL =
  /\b(gpt-[\w.-]*\w|o[134](?:-mini|-pro)?(?=\b)|claude-[\w.-]*\w|gemini-[\w.-]*\w|llama-?[\w.-]*\w|mistral-[\w.-]*\w|mixtral-[\w.-]*\w|command-r[\w.-]*)/i;
const PROMPT = /\bprompt(?:\s+template)?(?:\s+version)?\s*[:=#]?\s*(v\d+(?:\.\d+)*|[0-9a-f]{7,40})\b|\bprompt[-_ ](v\d+(?:\.\d+)*)\b/i;
const EVAL =
  /\beval(?:uation)?(?:\s+\w+){0,3}?\s+(?:score\s+)?(?:dropped|fell|went|regressed|declined|changed|moved)?\s*from\s+(\d{1,4}(?:\.\d{1,3})?)%?\s+to\s+(\d{1,4}(?:\.\d{1,3})?)%?/i;
const GUARDRAILS = /\bguardrails?\b\s*(?:[:=]|were|was|are|is)?\s*(.{3,200})/i;

export function findAiContext(lines: readonly DraftSource[]): DraftAiContext[] {
  const found = new Map<DraftAiContext["field"], DraftAiContext>();
  const put = (field: DraftAiContext["field"], value: string, source: DraftSource) => {
    if (!found.has(field) && value.trim()) found.set(field, { field, value: value.trim().slice(0, 200), source });
  };
  for (const source of lines) {
    const provider = PROVIDERS.find(([, p]) => p.test(source.text));
    if (provider) put("aiProvider", provider[0], source);
    const model = MODEL.exec(source.text);
    if (model) put("aiModel", model[1], source);
    const prompt = PROMPT.exec(source.text);
    if (prompt) put("aiPromptVersion", prompt[1] ?? prompt[2], source);
    const evalScore = EVAL.exec(source.text);
    if (evalScore) {
      put("evalScoreBefore", evalScore[1], source);
      put("evalScoreAfter", evalScore[2], source);
    }
    const guardrails = GUARDRAILS.exec(source.text);
    if (guardrails) put("aiGuardrails", guardrails[1].replace(/[.]+$/, ""), source);
  }
  return [...found.values()];
}
