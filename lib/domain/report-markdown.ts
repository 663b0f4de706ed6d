import type { ActionHorizon, Severity } from "@/lib/generated/prisma/enums";
import { ACTION_HORIZONS } from "./deadlines";
import { SEVERITY_LABELS } from "./severity-policy";

// The follow-up report as plain data, and its Markdown for pasting into meeting notes.

export type ReportPostmortem = { id: string; incidentKey: string; incidentName: string; severity: Severity };
export type ReportReview = ReportPostmortem & { heldAt: string; dueAt: string };
export type ReportAction = {
  id: string;
  number: number;
  action: string;
  horizon: ActionHorizon;
  deadline: string | null;
  completedAt: string | null;
  ownerName: string | null;
  postmortemId: string;
  incidentKey: string;
};
type Listed<T> = { total: number; items: T[] };

export type FollowUpReport = {
  period: { label: string; kind: "week" | "month"; start: string; end: string };
  teamName: string | null;
  created: Listed<ReportPostmortem>;
  /** `within` counts the listed reviews held by their 48-hour deadline. */
  reviews: Listed<ReportReview> & { within: number };
  completed: Listed<ReportAction>;
  newlyOverdue: Listed<ReportAction>;
  stillOverdue: Listed<ReportAction>;
  repeats: Listed<ReportPostmortem>;
};

const esc = (text: string) =>
  text
    .replace(/([\\`*_[\]<>|#])/g, "\\$1")
    .replace(/\s+/g, " ")
    .trim();
const pm = (p: ReportPostmortem) => `${p.incidentKey} ${esc(p.incidentName)} (${SEVERITY_LABELS[p.severity]})`;
const action = (a: ReportAction, extra: string) =>
  `${a.incidentKey} #${a.number} ${esc(a.action) || "(no text)"} (${ACTION_HORIZONS[a.horizon].label}; ${a.ownerName ? esc(a.ownerName) : "no owner"}; ${extra})`;

function section<T>(title: string, list: Listed<T>, line: (item: T) => string, empty: string): string[] {
  const out = [`## ${title} (${list.total})`, ""];
  if (list.total === 0) return [...out, `_${empty}_`, ""];
  out.push(...list.items.map((item) => `- ${line(item)}`));
  if (list.total > list.items.length) out.push(`- … and ${list.total - list.items.length} more`);
  return [...out, ""];
}

export function reportToMarkdown(r: FollowUpReport): string {
  const scope = r.teamName ? `team ${esc(r.teamName)}` : "all teams";
  return [
    `# Postmortem follow-up: ${r.period.label}`,
    "",
    `${r.period.start} to ${r.period.end}, ${scope}.`,
    "",
    ...section("New postmortems", r.created, pm, "No new postmortems."),
    ...section(
      `Reviews held (${r.reviews.within} within 48 hours)`,
      r.reviews,
      (v) =>
        `${pm(v)}: held ${v.heldAt.slice(0, 16).replace("T", " ")} UTC, ${v.heldAt <= v.dueAt ? "within 48 h" : "after the 48 h deadline"}`,
      "No reviews held.",
    ),
    ...section("Actions completed", r.completed, (a) => action(a, `done ${a.completedAt ?? "—"}`), "No actions completed."),
    ...section("Newly overdue", r.newlyOverdue, (a) => action(a, `due ${a.deadline ?? "—"}`), "No action became overdue."),
    ...section("Still overdue", r.stillOverdue, (a) => action(a, `due ${a.deadline ?? "—"}`), "No action was already overdue."),
    ...section("Repeat incidents", r.repeats, pm, "No possible repeat incidents."),
  ].join("\n");
}
