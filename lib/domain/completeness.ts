import { mentionsHumanError } from "./blameless";
import { computeMetrics } from "./metrics";
import { REVIEW_POLICIES, reviewTypeFor, SECTION_IDS, type ReviewType, type SectionId } from "./severity-policy";
import type { PostmortemSnapshot, SnapshotAction } from "./snapshot";
import { AI_CAUSE_BY_KIND, isBlankAction, isBlankFactor, isBlankText, isTimelineRowFilled } from "./template";
import { splitSentences } from "./text";

// Section completeness and the publish check.
//
// Decisions where the rules were open:
// - Each section is judged on its own terms (below); "missing" lists exactly what keeps it incomplete.
// - A section whose content is conditional counts as complete when it does not apply: the external
//   summary when the incident is not customer-facing.
// - Lessons need all three template questions answered; AI context needs at least provider and model;
//   AI causes need at least one checked item (the checklist covers infrastructure and integrations too).
// - LOW (log entry): only the summary is a required section, plus a "resolution", which is a timed
//   RESOLVED timeline row or a root cause; the problem is reported on the "timeline" section.
// - Rules about what is written apply to every review type when the content exists: an action's owner and
//   deadline, a Won't-do reason, a root cause category, whys ending in human error, the external summary
//   of a customer-facing incident.

export type SectionStatus = { complete: boolean; hasContent: boolean; missing: string[] };
export type Finding = { section: SectionId; message: string };
export type PublishCheck = { ok: boolean; reviewType: ReviewType | null; problems: Finding[]; warnings: Finding[] };

/** Sentences in a piece of prose ("e.g.", 3.5 and v2.1 do not end one; trailing text counts). */
export function countSentences(text: string): number {
  return splitSentences(text).length;
}

export const SUMMARY_MAX_SENTENCES = 3;

const filled = (text: string | null | undefined): boolean => !isBlankText(text);

const status = (complete: boolean, hasContent: boolean, missing: string[] = []): SectionStatus => ({
  complete: complete && missing.length === 0,
  hasContent,
  missing,
});

function facilitatorOf(s: PostmortemSnapshot): string | null {
  if (filled(s.facilitatorName)) return s.facilitatorName;
  return s.participants.find((p) => p.role === "FACILITATOR" && filled(p.name))?.name ?? null;
}

function details(s: PostmortemSnapshot, type: ReviewType | null): SectionStatus {
  const missing: string[] = [];
  if (!filled(s.incidentKey)) missing.push("Add the incident ID");
  if (!filled(s.incidentName)) missing.push("Add the incident name");
  if (!s.incidentDate) missing.push("Add the date of the incident");
  if (type !== "LOG") {
    if (!s.meetingDate) missing.push("Add the post-mortem date");
    if (!facilitatorOf(s)) missing.push("Name the post-mortem facilitator");
    if (!s.participants.some((p) => p.role === "ATTENDEE")) missing.push("Add the post-mortem attendees");
  }
  const hasContent = filled(s.incidentKey) || filled(s.incidentName) || s.incidentDate !== null;
  return status(true, hasContent, missing);
}

function metrics(s: PostmortemSnapshot): SectionStatus {
  const { metrics: list } = computeMetrics(s.timeline, s.metrics);
  const missing = list
    .filter((m) => m.source === "missing")
    .map((m) => m.problem ?? `${m.label} is missing: tag both milestones with times in the timeline, enter it, or mark it not applicable`);
  if (s.metrics.slaBreached === "UNKNOWN") missing.push("Say whether the SLA was breached");
  const hasContent =
    list.some((m) => m.source !== "missing") ||
    s.metrics.usersAffected !== null ||
    s.metrics.requestsAffected !== null ||
    s.metrics.revenueImpactMinor !== null ||
    s.metrics.slaBreached !== "UNKNOWN";
  return status(true, hasContent, missing);
}

function timeline(s: PostmortemSnapshot, type: ReviewType | null): SectionStatus {
  const rows = s.timeline.filter(isTimelineRowFilled);
  const missing: string[] = [];
  if (rows.length === 0) missing.push("Add timeline events with a time and a description");
  const resolved = s.timeline.some((r) => r.milestone === "RESOLVED" && r.occurredAt);
  if (type !== "LOG" && !resolved) {
    missing.push('Add the time of "Service restored / issue resolved" (the RESOLVED milestone)');
  }
  return status(true, rows.length > 0, missing);
}

function rootCause(s: PostmortemSnapshot): SectionStatus {
  const whys = s.whys.filter(filled);
  const missing: string[] = [];
  if (!filled(s.problemStatement)) missing.push("State the problem the 5 Whys start from");
  if (whys.length === 0) missing.push("Answer at least one Why");
  if (!filled(s.rootCause)) missing.push("Write the root cause");
  else if (!s.rootCauseCategory) missing.push("Choose a category for the root cause (technical, process or organisational)");
  return status(true, filled(s.problemStatement) || whys.length > 0 || filled(s.rootCause), missing);
}

function lessons(s: PostmortemSnapshot): SectionStatus {
  const { wentWell, couldImprove, doDifferently } = s.lessons;
  const missing: string[] = [];
  if (!filled(wentWell)) missing.push("Answer “What went well?”");
  if (!filled(couldImprove)) missing.push("Answer “What could be improved?”");
  if (!filled(doDifferently)) missing.push("Answer “What will we do differently next time?”");
  return status(true, missing.length < 3, missing);
}

function impact(s: PostmortemSnapshot): SectionStatus {
  const i = s.impact;
  const levels: [string, unknown][] = [
    ["customer", i.customerLevel],
    ["reputational", i.reputationalLevel],
    ["data/security", i.dataSecurityLevel],
    ["compliance", i.complianceLevel],
  ];
  const missing = levels.filter(([, v]) => !v).map(([name]) => `Rate the ${name} impact`);
  const hasContent =
    levels.some(([, v]) => v) ||
    [i.customerDetail, i.revenueDetail, i.reputationalDetail, i.dataSecurityDetail, i.complianceDetail].some(filled) ||
    s.metrics.revenueImpactMinor !== null;
  return status(true, hasContent, missing);
}

function aiContext(s: PostmortemSnapshot): SectionStatus {
  const c = s.aiContext;
  const missing: string[] = [];
  if (!filled(c.provider)) missing.push("Name the AI provider");
  if (!filled(c.model)) missing.push("Name the model and version");
  const hasContent =
    [c.provider, c.model, c.promptVersion, c.guardrails, c.dataSnapshot].some(filled) ||
    c.evalScoreBefore !== null ||
    c.evalScoreAfter !== null;
  return status(true, hasContent, missing);
}

/** Per section: is it complete, does it hold anything beyond blank rows, and what is missing. */
export function sectionStatus(s: PostmortemSnapshot): Record<SectionId, SectionStatus> {
  const type = s.severity ? reviewTypeFor(s.severity) : null;
  const actions = s.actions.filter((a) => !isBlankAction(a));
  const factors = s.factors.filter((f) => !isBlankFactor(f));
  const external = [s.externalSummary, s.externalWhatWeDid ?? "", s.externalPrevention ?? ""].every(filled);
  return {
    details: details(s, type),
    severity: status(s.severity !== null, s.severity !== null, s.severity ? [] : ["Choose a severity"]),
    summary: status(filled(s.summary), filled(s.summary), filled(s.summary) ? [] : ["Write the summary"]),
    metrics: metrics(s),
    timeline: timeline(s, type),
    "root-cause": rootCause(s),
    factors: status(factors.length > 0, factors.length > 0, factors.length ? [] : ["Describe at least one contributing factor"]),
    "ai-causes": status(
      s.aiCauses.length > 0,
      s.aiCauses.length > 0,
      s.aiCauses.length ? [] : ["Check the AI-specific root causes that apply"],
    ),
    "ai-context": aiContext(s),
    impact: impact(s),
    actions: status(actions.length > 0, actions.length > 0, actions.length ? [] : ["Add at least one corrective action"]),
    lessons: lessons(s),
    "external-summary": status(
      !s.customerFacing || external,
      external,
      s.customerFacing && !external ? ["Write the external summary for this customer-facing incident"] : [],
    ),
  };
}

const MAX_TITLE = 40;

function actionName(a: SnapshotAction): string {
  const title = a.action.trim().replace(/\s+/g, " ");
  if (!title) return `Action ${a.number}`;
  if (title.length <= MAX_TITLE) return `Action ${a.number} "${title}"`;
  // Cut at a word boundary so the name stays readable in a one-line problem list.
  const cut = title.slice(0, MAX_TITLE);
  const space = title[MAX_TITLE] === " " ? MAX_TITLE : cut.lastIndexOf(" ");
  return `Action ${a.number} "${(space >= MAX_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…"`;
}

function actionProblems(actions: readonly SnapshotAction[]): string[] {
  const problems: string[] = [];
  for (const a of actions) {
    if (isBlankAction(a)) continue;
    const name = actionName(a);
    if (!filled(a.action)) problems.push(`${name} has no description`);
    if (!a.ownerId && !filled(a.ownerName)) problems.push(`${name} has no owner`);
    if (!a.deadline) problems.push(`${name} has no deadline`);
    if (a.status === "WONT_DO" && !filled(a.wontDoReason)) problems.push(`${name} is marked Won't do without a reason`);
  }
  return problems;
}

export const HUMAN_ERROR_PROBLEM = "The 5 Whys stop at human error; keep asking why until you reach a systemic cause";

/** The last answered why, or the root cause, blames human error (negations like "not human error" are fine). */
export function whysStopAtHumanError(whys: readonly string[], rootCause: string): boolean {
  const last = [...whys].reverse().find(filled) ?? "";
  return mentionsHumanError(last) || mentionsHumanError(rootCause);
}

/** Everything that blocks publishing (`problems`) and what deserves a second look (`warnings`). */
export function checkPublish(s: PostmortemSnapshot): PublishCheck {
  const problems: Finding[] = [];
  const warnings: Finding[] = [];
  const add = (list: Finding[], section: SectionId, message: string) => {
    if (!list.some((f) => f.section === section && f.message === message)) list.push({ section, message });
  };
  const sections = sectionStatus(s);
  if (!s.severity) {
    add(problems, "severity", "Choose a severity");
    return { ok: false, reviewType: null, problems, warnings };
  }
  const type = reviewTypeFor(s.severity);
  const policy = REVIEW_POLICIES[type];

  for (const id of SECTION_IDS) {
    if (!policy.requiredSections.includes(id)) continue;
    for (const message of sections[id].missing) add(problems, id, message);
  }
  if (policy.resolutionRequired) {
    const resolved = s.timeline.some((r) => r.milestone === "RESOLVED" && r.occurredAt);
    if (!resolved && !filled(s.rootCause)) {
      add(problems, "timeline", 'Record how it was resolved: the time of "Service restored / issue resolved" or a root cause');
    }
  }
  for (const message of actionProblems(s.actions)) add(problems, "actions", message);
  if (whysStopAtHumanError(s.whys, s.rootCause)) add(problems, "root-cause", HUMAN_ERROR_PROBLEM);
  if (filled(s.rootCause) && !s.rootCauseCategory) {
    add(problems, "root-cause", "Choose a category for the root cause (technical, process or organisational)");
  }
  for (const message of sections["external-summary"].missing) add(problems, "external-summary", message);

  if (policy.leadershipObserverExpected && !s.participants.some((p) => p.role === "LEADERSHIP_OBSERVER")) {
    add(warnings, "details", "No leadership observer among the participants; one is expected for Critical and High incidents");
  }
  const sentences = countSentences(s.summary);
  if (sentences > SUMMARY_MAX_SENTENCES) {
    add(warnings, "summary", `The summary has ${sentences} sentences; the template asks for 2-3`);
  }
  // Negative metrics are left out: the same pair already shows as out of order (and, when metrics are
  // required, as a problem).
  for (const w of computeMetrics(s.timeline, s.metrics).warnings) {
    if (w.kind === "out_of_order") add(warnings, "timeline", w.message);
  }
  for (const cause of s.aiCauses) {
    if (!filled(cause.evidence)) {
      add(warnings, "ai-causes", `${AI_CAUSE_BY_KIND[cause.kind].label} is checked without evidence`);
    }
  }
  return { ok: problems.length === 0, reviewType: type, problems, warnings };
}
