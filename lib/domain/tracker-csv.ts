import type { ActionHorizon, ActionStatus } from "@/lib/generated/prisma/enums";
import { csvCell } from "./exports-csv";
import { ACTION_HORIZONS } from "./deadlines";

// The corrective-action tracker's CSV, shaped for the issue importers of Jira (System → External System
// Import → CSV) and Linear (Settings → Import → CSV): the first columns carry the names those importers
// map by default; the rest keep the postmortem context. Documented in README ("Tracker CSV").

export type TrackerCsvRow = {
  id: string;
  number: number;
  horizon: ActionHorizon;
  action: string;
  status: ActionStatus;
  deadline: string | null;
  completedAt: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  ticket: string;
  wontDoReason: string;
  postmortemId: string;
  incidentKey: string;
  incidentName: string;
  teamName: string | null;
};

export const TRACKER_CSV_HEADERS = [
  "Summary",
  "Description",
  "Issue Type",
  "Status",
  "Assignee",
  "Due Date",
  "Labels",
  "External ID",
  "Incident ID",
  "Action #",
  "Horizon",
  "Owner",
  "Team",
  "Ticket",
  "Completed",
  "Postmortem URL",
] as const;

/** Jira's default workflow names; Linear maps them onto Todo / In Progress / Done / Canceled. */
export const TRACKER_CSV_STATUS: Record<ActionStatus, string> = {
  OPEN: "To Do",
  IN_PROGRESS: "In Progress",
  DONE: "Done",
  WONT_DO: "Won't Do",
};

export function trackerCsvHeader(): string {
  return TRACKER_CSV_HEADERS.map(csvCell).join(",") + "\r\n";
}

/** CSV lines (CRLF) for these rows; `baseUrl` makes the postmortem link absolute. */
export function trackerCsvLines(rows: readonly TrackerCsvRow[], baseUrl: string): string {
  return rows
    .map((r) => {
      const url = `${baseUrl}/postmortems/${r.postmortemId}`;
      const horizon = ACTION_HORIZONS[r.horizon];
      const summary = (r.action.trim() || `Corrective action ${r.number}`).slice(0, 255);
      const reason = r.status === "WONT_DO" && r.wontDoReason.trim() ? ` Won't do: ${r.wontDoReason.trim()}` : "";
      const description = `Corrective action ${r.number} (${horizon.heading}) from postmortem ${r.incidentKey} "${r.incidentName}". ${url}${reason}`;
      return [
        summary,
        description,
        "Task",
        TRACKER_CSV_STATUS[r.status],
        r.ownerEmail ?? "",
        r.deadline ?? "",
        "postmortem-action",
        r.id,
        r.incidentKey,
        r.number,
        horizon.label,
        r.ownerName ?? "",
        r.teamName ?? "",
        r.ticket,
        r.completedAt?.slice(0, 10) ?? "",
        url,
      ]
        .map(csvCell)
        .join(",");
    })
    .map((line) => `${line}\r\n`)
    .join("");
}
