import type { AiCauseKind, EventKind, Milestone } from "@/lib/generated/prisma/enums";

// Keyword rules of the built-in extractor. Order matters: the first matching rule wins, so specific
// wording ("root cause confirmed") comes before general wording ("root cause").

type Rule<T> = readonly [T, RegExp];

const W = (s: string) => new RegExp(s, "iu");

export const MILESTONE_RULES: readonly Rule<Milestone>[] = [
  [
    "POSTMORTEM_SCHEDULED",
    W(
      "(?:post-?mortem|retro(?:spective)?|incident review)\\b.*\\b(?:scheduled|booked|set up|invite|calendar)|(?:schedul|book)\\w*\\b.*\\b(?:post-?mortem|retro|incident review)",
    ),
  ],
  [
    "ROOT_CAUSE_CONFIRMED",
    W("root cause (?:is |was |now )?confirmed|confirmed (?:the )?root cause|rca confirmed|confirmed (?:the |that the )?(?:cause|culprit)"),
  ],
  [
    "RESOLVED",
    W(
      "\\b(?:resolved|all clear|fully recovered|back to normal|service (?:is )?restored|recovered fully|incident (?:closed|over)|closing (?:the )?incident|error rates? (?:back to|at) (?:normal|baseline))\\b",
    ),
  ],
  [
    "MITIGATED",
    W(
      "\\b(?:mitigat\\w*|roll(?:ed|ing)? ?back (?:complete|done|finished)|rollback (?:complete|done|finished|deployed)|rolled back|reverted|revert (?:deployed|complete|is out)|fail(?:ed)? ?over|switched (?:traffic )?to (?:the )?(?:fallback|backup|previous)|(?:disabled|turned off|killed) (?:the )?(?:[\\w-]+ )?(?:feature flag|flag|feature|tool|integration|endpoint)|behind (?:the|a) (?:feature )?flag|pinned (?:the )?model|enabled (?:the )?fallback|fallback model|stopgap|workaround|fix (?:has been|was|is) (?:implemented|deployed|applied|rolled out)|errors? (?:dropping|going down))\\b",
    ),
  ],
  [
    "DIAGNOSED",
    W(
      "root cause|\\b(?:identified|diagnos\\w*|found it|found the (?:issue|problem|cause|bug)|because|due to|(?:right |just )?after the|since (?:last|the|yesterday)|changed (?:its )?(?:response )?(?:schema|format|api)|culprit|the cause (?:is|was|looks)|(?:looks|seems) like (?:it'?s |it is )?(?:the|a|caused)|caused by|traced (?:it )?(?:to|back))\\b",
    ),
  ],
  [
    "DETECTED",
    W(
      "\\b(?:alert(?:s|ed)? (?:fired|firing|triggered|went off)|\\[firing|firing\\b|(?:triggered|fired)\\b|paged|pagerduty|opsgenie|detected|noticed|(?:customers?|users?) (?:are |were )?(?:report\\w*|complain\\w*)|(?:support )?ticket\\w* (?:came in|coming in|opened)|reported by|first report|reports? of|investigating reports)",
    ),
  ],
  [
    "ACKNOWLEDGED",
    W(
      "^(?:ack(?:nowledged)?|on it|looking(?: into it)?|investigating|i'?m on it|i'?ll take (?:it|this)|taking (?:it|this)|(?:i am|i'm) (?:the )?(?:ic|incident commander|on-?call))\\b|\\b(?:acknowledged|ack'?d|incident (?:declared|opened|created|started)|declared (?:an? )?(?:sev|incident)|paging|took the page|picked up the page|joined the (?:bridge|call))\\b",
    ),
  ],
  [
    "FIRST_OCCURRENCE",
    W(
      "\\b(?:first (?:occurrence|error|failure|failed|bad|wrong|seen|instance)|(?:errors?|failures?|issues?|problems?|it) (?:started|began|begins|start)|\\p{L}+s (?:started|began)\\b|started (?:failing|returning|erroring|to fail|timing out)|began (?:failing|returning|to)|impact (?:started|began))",
    ),
  ],
];

export const KIND_RULES: readonly Rule<EventKind>[] = [
  [
    "VENDOR_MODEL_UPDATE",
    W(
      "(?:vendor|provider|openai|anthropic|azure|google|upstream)\\b.*\\b(?:updated|rolled|changed|deprecated|released|swapped|moved)\\b.*\\b(?:model|alias|snapshot|version)|model alias|model update by (?:our |the )?(?:ai |model )?(?:provider|vendor)|(?:provider|vendor)(?:'s)? model update|silent(?:ly)? (?:model )?update|(?:model|alias) (?:was )?(?:updated|changed) (?:by|upstream)",
    ),
  ],
  ["DRIFT_ALERT", W("\\bdrift")],
  [
    "EVAL_REGRESSION",
    W("\\beval(?:uation)?s?\\b.*\\b(?:regress\\w*|drop\\w*|fell|fail\\w*|down|declin\\w*|below)|(?:regress\\w*|drop\\w*) in (?:the )?eval"),
  ],
  [
    "MITIGATION",
    W(
      "\\b(?:set [\\w-]+ back|roll(?:ed|ing)? ?back|rollback|revert\\w*|fail(?:ed)? ?over|fallback|switched (?:\\w+ )?to (?:the )?(?:previous|fallback|backup|standby)|hotfix|disabled|turned off|killed|pinned|scaled up|restarted|blocked|rate-limited the)\\b",
    ),
  ],
  [
    "PROMPT_CHANGE",
    W(
      "\\b(?:system )?prompt\\b.*\\b(?:change\\w*|update\\w*|edit\\w*|deploy\\w*|ship\\w*|merged|released|rolled out)|\\b(?:changed|updated|edited|shipped|deployed|merged) (?:the |a |new )?(?:system )?prompt",
    ),
  ],
  [
    "MODEL_DEPLOY",
    W(
      "\\b(?:deploy\\w*|rolled out|rolling out|released|shipped|promoted)\\b.*\\b(?:model|fine-?tune|checkpoint|classifier|embedding)|\\b(?:model|fine-?tune|checkpoint) (?:deploy\\w*|release\\w*|rollout)",
    ),
  ],
  [
    "CONFIG_CHANGE",
    W(
      "\\b(?:config\\w*|feature flag|flag flip|setting|temperature|max_tokens|threshold|env var|parameter)\\b.*\\b(?:change\\w*|update\\w*|set|flipped|raised|lowered|enabled|merged)|\\b(?:changed|updated|set|flipped|raised|lowered|enabled) (?:the )?(?:config|feature flag|flag|setting|temperature|threshold|timeout)",
    ),
  ],
  [
    "ALERT",
    W(
      "\\b(?:alert|alerts|alerting|\\[firing|firing|triggered|paged|pagerduty|opsgenie|datadog|grafana|prometheus|monitor(?:ing)? (?:triggered|fired)|slo burn)\\b",
    ),
  ],
  [
    "USER_REPORT",
    W(
      "\\b(?:customers?|users?|clients?)\\b.*\\b(?:report\\w*|complain\\w*|tweet\\w*|emailed|wrote in)|\\breports? of\\b|\\b(?:support ticket|ticket from|user report|customer report|escalat\\w* from support)",
    ),
  ],
  [
    "COMMUNICATION",
    W(
      "\\b(?:status ?page|statuspage|posted (?:an )?update|customer (?:comms|communication|email|notice)|notified (?:customers|users|stakeholders)|comms|announcement|tweeted from)\\b",
    ),
  ],
];

export const AI_CAUSE_RULES: readonly Rule<AiCauseKind>[] = [
  [
    "ADVERSARIAL_INPUT",
    W(
      "prompt injection|jailbreak|adversarial|malicious (?:input|prompt|user|instruction)|ignore (?:all )?(?:previous|prior) instructions|abuse of the bot",
    ),
  ],
  ["MODEL_DRIFT", W("\\bdrift")],
  [
    "MODEL_UPDATE",
    W(
      "model alias|(?:vendor|provider|upstream)\\b.*\\b(?:updated|rolled|changed|swapped)\\b.*\\bmodel|new model (?:version|snapshot)|silent(?:ly)? (?:model )?update|model (?:was )?(?:updated|upgraded) (?:by|upstream)",
    ),
  ],
  [
    "PROMPT_CHANGE",
    W(
      "\\b(?:system )?prompt\\b.*\\b(?:change\\w*|update\\w*|edit\\w*|deploy\\w*|v\\d)|\\b(?:changed|updated|edited|deployed) (?:the |a |new )?(?:system )?prompt",
    ),
  ],
  [
    "HALLUCINATION",
    W(
      "hallucinat\\w*|made[- ]up|fabricat\\w*|invent\\w* (?:a|an|the)|non-?existent|does not exist|confidently wrong|false (?:information|answers?|claims?|policy)",
    ),
  ],
  ["CONTEXT_WINDOW", W("context (?:window|length|limit)|token limit|max(?:imum)? (?:context|tokens?)|truncat\\w*|too long for the model")],
  ["RATE_LIMITING", W("rate[- ]?limit\\w*|\\b429s?\\b|quota|throttl\\w*|too many requests|\\b[tr]pm limit")],
  [
    "DATA_QUALITY",
    W(
      "data quality|bad data|corrupt\\w* (?:data|records|index|rows)|stale (?:data|index|embeddings|documents)|schema change|missing fields|null values|malformed (?:records|rows|data)|duplicate (?:records|rows|documents)|wrong (?:documents|data) (?:indexed|ingested)",
    ),
  ],
  [
    "INTEGRATION_FAILURE",
    W(
      "integration|webhook|tool call\\w* (?:fail\\w*|error\\w*)|(?:json|schema|response) (?:parse|parsing|validation) (?:error|failure)|api (?:error|failure|change|contract)|breaking change in the api|(?:sdk|client) (?:bug|upgrade)",
    ),
  ],
  [
    "INFRASTRUCTURE",
    W(
      "\\bgpus?\\b|\\bnodes? (?:failure|failed|down|drained)|\\boom\\b|out of memory|disk (?:full|pressure)|network (?:partition|outage)|region(?:al)? outage|pods? (?:crash\\w*|restart\\w*|evicted)|crashloop|database (?:failover|outage)|load balancer|dns",
    ),
  ],
];

/** First rule whose pattern matches, or null. */
export function firstMatch<T>(rules: readonly Rule<T>[], text: string): T | null {
  for (const [value, pattern] of rules) if (pattern.test(text)) return value;
  return null;
}

export function allMatches<T>(rules: readonly Rule<T>[], text: string): T[] {
  return rules.filter(([, pattern]) => pattern.test(text)).map(([value]) => value);
}

/** Lines that carry no event: chat acknowledgements and pleasantries, unless a rule above claims them. */
export const CHATTER =
  /^(?:ok(?:ay)?|k|kk|thanks?(?: (?:you|all|everyone|team))?|ty|thx|np|lol|\+1|same|yes|no|yep|yup|nope|cool|nice|great|sure|👍|🙏|:\+1:|:thumbsup:|will do|sounds good|lgtm)[.!]*$/iu;

/** Words that open status-page or log lines and must not be read as a person's name before a colon. */
export const NOT_ACTORS =
  /^(?:deploy|deployment|release|rollback|change|fix|hotfix|alert|timeline|event|update|updated|resolved|investigating|identified|monitoring|note|notes|alert|alerts|firing|status|postmortem|incident|summary|impact|action|error|warning|warn|info|debug|fyi|re|subject|cause|root cause|mitigation|resolution|eta|next steps?)$/i;

export const MONITORING_TOOLS =
  /\b(PagerDuty|Opsgenie|Datadog|Grafana|Prometheus|Alertmanager|Sentry|New Relic|CloudWatch|Statuspage|Honeycomb)\b/i;
