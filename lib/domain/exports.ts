import { dayOf, formatUtcDateTime, toIsoDay } from "./dates";
import { EXTERNAL_PARTS, type ExternalParts } from "./external-summary";
import { ACTION_HORIZON_ORDER, ACTION_HORIZONS } from "./deadlines";
import { computeMetrics, formatDuration, type Metric } from "./metrics";
import { formatMoney } from "./money";
import { REVIEW_POLICIES, reviewTypeFor, SEVERITY_DESCRIPTIONS, SEVERITY_LABELS } from "./severity-policy";
import type { PostmortemSnapshot, SnapshotAction } from "./snapshot";
import {
  ACTION_STATUS_LABELS,
  AI_CAUSES,
  BLAMELESS_REMINDER,
  FACTOR_CATEGORY_LABELS,
  IMPACT_LEVEL_LABELS,
  isBlankAction,
  isBlankFactor,
  isBlankText,
  isBlankTimelineRow,
  LESSON_QUESTIONS,
  PARTICIPANT_ROLE_LABELS,
  ROOT_CAUSE_CATEGORY_LABELS,
  SLA_BREACHED_LABELS,
  TEMPLATE_TITLE,
} from "./template";

// Exports follow the template's order and headings. Rows nobody filled in are left out everywhere.

const NONE = "_Not recorded._";
const filled = (t: string | null | undefined): t is string => !isBlankText(t);

/** Table cells cannot hold pipes or line breaks. */
function cell(text: string | null | undefined): string {
  return (text ?? "").trim().replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

const block = (text: string | null | undefined): string => (filled(text) ? text.trim() : NONE);

function metricValue(m: Metric): string {
  if (m.source === "not_applicable") return "Not applicable";
  if (m.minutes === null) return "—";
  return `${formatDuration(m.minutes)} (${m.source === "override" ? "entered" : "derived"})`;
}

function revenue(s: PostmortemSnapshot): string {
  const minor = s.metrics.revenueImpactMinor;
  return minor === null ? "" : formatMoney(minor, s.metrics.revenueCurrency || "GBP");
}

function affected(s: PostmortemSnapshot): string {
  const n = (v: number) => v.toLocaleString("en-GB");
  const parts = [
    s.metrics.usersAffected !== null ? `${n(s.metrics.usersAffected)} users` : "",
    s.metrics.requestsAffected !== null ? `${n(s.metrics.requestsAffected)} requests` : "",
  ].filter(Boolean);
  return parts.join("; ");
}

function facilitator(s: PostmortemSnapshot): string {
  return s.facilitatorName ?? s.participants.find((p) => p.role === "FACILITATOR")?.name ?? "";
}

function attendees(s: PostmortemSnapshot): string {
  return s.participants
    .filter((p) => p.role !== "FACILITATOR" && filled(p.name))
    .map((p) => (p.role === "ATTENDEE" ? p.name.trim() : `${p.name.trim()} (${PARTICIPANT_ROLE_LABELS[p.role]})`))
    .join(", ");
}

function ownerOf(a: SnapshotAction): string {
  return a.ownerName?.trim() ?? "";
}

function statusText(a: SnapshotAction): string {
  const label = ACTION_STATUS_LABELS[a.status];
  return a.status === "WONT_DO" && filled(a.wontDoReason) ? `${label}: ${a.wontDoReason.trim()}` : label;
}

export const externalParts = (s: PostmortemSnapshot): ExternalParts => ({
  whatHappened: s.externalSummary,
  whatWeDid: s.externalWhatWeDid ?? "",
  prevention: s.externalPrevention ?? "",
});

const visibleActions = (s: PostmortemSnapshot) => s.actions.filter((a) => !isBlankAction(a));

/** The whole postmortem as Markdown (GitHub-flavoured tables), in the template's order. */
export function toMarkdown(s: PostmortemSnapshot): string {
  const out: string[] = [];
  const push = (...parts: string[]) => parts.forEach((part) => out.push(part, ""));
  push(`# ${TEMPLATE_TITLE}${filled(s.incidentName) ? `: ${s.incidentName.trim()}` : ""}`);

  push("## Incident Summary");
  push(
    [
      `- **Incident ID:** ${s.incidentKey.trim()}`,
      `- **Incident name:** ${s.incidentName.trim()}`,
      `- **Date of incident:** ${s.incidentDate ? toIsoDay(s.incidentDate) : ""}`,
      `- **Post-mortem date:** ${s.meetingDate ? `${formatUtcDateTime(s.meetingDate)} UTC` : ""}`,
      `- **Post-mortem facilitator:** ${facilitator(s)}`,
      `- **Post-mortem attendees:** ${attendees(s)}`,
      ...(filled(s.teamName) ? [`- **Team:** ${s.teamName.trim()}`] : []),
    ].join("\n"),
  );

  push("## Severity");
  push(
    s.severity
      ? `**${SEVERITY_LABELS[s.severity]}** — ${SEVERITY_DESCRIPTIONS[s.severity]}\n\nReview type: ${REVIEW_POLICIES[reviewTypeFor(s.severity)].label}`
      : NONE,
  );

  push("## Summary", block(s.summary));

  const { metrics } = computeMetrics(s.timeline, s.metrics);
  push("## Key Metrics");
  push(
    table(
      ["Metric", "Value"],
      [
        ...metrics.map((m) => [m.label, metricValue(m)]),
        ["Users/requests affected", affected(s)],
        ["Revenue impact", revenue(s)],
        ["SLA breached?", SLA_BREACHED_LABELS[s.metrics.slaBreached]],
      ],
    ),
  );

  push("## Timeline of Events");
  const rows = s.timeline.filter((r) => !isBlankTimelineRow(r));
  push(
    rows.length
      ? table(
          ["Time (UTC)", "Event", "Actor", "Notes"],
          rows.map((r) => [r.occurredAt ? formatUtcDateTime(r.occurredAt) : "", cell(r.event), cell(r.actor), cell(r.notes)]),
        )
      : NONE,
  );

  push("## Root Cause Analysis (5 Whys)");
  const whys = s.whys.filter(filled).map((w, i) => `${i + 1}. Why? ${w.trim().replace(/\r?\n/g, " ")}`);
  push(
    [
      `**Problem:** ${s.problemStatement.trim()}`,
      "",
      ...(whys.length ? [...whys, ""] : []),
      `**Root cause:** ${s.rootCause.trim()}`,
      ...(s.rootCauseCategory ? ["", `**Root cause category:** ${ROOT_CAUSE_CATEGORY_LABELS[s.rootCauseCategory]}`] : []),
    ].join("\n"),
  );

  push("## Contributing Factors");
  const factors = s.factors.filter((f) => !isBlankFactor(f));
  push(
    factors.length
      ? table(
          ["Factor", "Category", "Description"],
          factors.map((f, i) => [String(i + 1), FACTOR_CATEGORY_LABELS[f.category], cell(f.description)]),
        )
      : NONE,
  );

  push("## AI-Specific Root Causes");
  const checked = AI_CAUSES.filter((c) => s.aiCauses.some((a) => a.kind === c.kind));
  push(
    checked.length
      ? checked
          .map((c) => {
            const evidence = s.aiCauses.find((a) => a.kind === c.kind)?.evidence ?? "";
            const line = `- [x] **${c.label}** — ${c.description}`;
            return filled(evidence) ? `${line}. Evidence: ${evidence.trim().replace(/\r?\n/g, " ")}` : line;
          })
          .join("\n")
      : "_None checked._",
  );

  const c = s.aiContext;
  const context = [
    ["Provider", c.provider],
    ["Model and version", c.model],
    ["Prompt/template version", c.promptVersion],
    ["Guardrails", c.guardrails],
    ["Data/retrieval snapshot", c.dataSnapshot],
    ["Eval score before", c.evalScoreBefore === null ? "" : String(c.evalScoreBefore)],
    ["Eval score after", c.evalScoreAfter === null ? "" : String(c.evalScoreAfter)],
  ].filter(([, v]) => filled(v));
  push("## AI System Context", context.length ? context.map(([k, v]) => `- **${k}:** ${v.trim()}`).join("\n") : NONE);

  push("## Impact Assessment");
  const i = s.impact;
  const level = (l: typeof i.customerLevel) => (l ? IMPACT_LEVEL_LABELS[l] : "");
  push(
    table(
      ["Dimension", "Impact", "Detail"],
      [
        ["Customer impact", level(i.customerLevel), cell(i.customerDetail)],
        ["Revenue impact", revenue(s), cell(i.revenueDetail)],
        ["Reputational impact", level(i.reputationalLevel), cell(i.reputationalDetail)],
        ["Data/security impact", level(i.dataSecurityLevel), cell(i.dataSecurityDetail)],
        ["Compliance impact", level(i.complianceLevel), cell(i.complianceDetail)],
      ],
    ),
  );

  push("## Corrective Actions");
  const actions = visibleActions(s);
  for (const horizon of ACTION_HORIZON_ORDER) {
    const list = actions.filter((a) => a.horizon === horizon);
    push(`### ${ACTION_HORIZONS[horizon].heading}`);
    push(
      list.length
        ? table(
            ["#", "Action", "Owner", "Deadline", "Status"],
            list.map((a) => [
              String(a.number),
              cell(filled(a.ticket) ? `${a.action.trim()} (${a.ticket.trim()})` : a.action),
              cell(ownerOf(a)),
              dayOf(a.deadline) ?? "",
              cell(statusText(a)),
            ]),
          )
        : NONE,
    );
  }

  push("## Lessons Learned");
  push(`### ${LESSON_QUESTIONS.wentWell}`, block(s.lessons.wentWell));
  push(`### ${LESSON_QUESTIONS.couldImprove}`, block(s.lessons.couldImprove));
  push(`### ${LESSON_QUESTIONS.doDifferently}`, block(s.lessons.doDifferently));

  if (s.customerFacing) {
    push("## External Summary");
    const parts = externalParts(s);
    for (const part of EXTERNAL_PARTS) push(`### ${part.label}`, block(parts[part.key]));
  }

  push("---", `## ${BLAMELESS_REMINDER.title}`, BLAMELESS_REMINDER.text);
  return out.join("\n").trimEnd() + "\n";
}

export { toJson } from "./exports-json";
export { actionsToCsv, csvCell, type CsvAction } from "./exports-csv";
