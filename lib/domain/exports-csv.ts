import { dayOf } from "./dates";
import { ACTION_HORIZONS } from "./deadlines";
import type { SnapshotAction } from "./snapshot";
import { ACTION_STATUS_LABELS, isBlankAction } from "./template";

// RFC 4180 CSV of corrective actions, safe to open in a spreadsheet.

/** An action row, optionally tagged with its incident when exporting across postmortems. */
export type CsvAction = SnapshotAction & { incidentKey?: string };

// OWASP: cells starting with these are read as formulas by Excel, LibreOffice and Google Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-looking values get a leading ', and quotes/commas/line breaks are quoted. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADERS = ["#", "Horizon", "Action", "Owner", "Deadline", "Status", "Won't do reason", "Ticket", "Completed"];

/**
 * CSV with a header row and CRLF line ends. Blank actions are skipped. An "Incident ID" column comes first
 * when any row carries an incidentKey. No BOM: a download route that targets Excel can prepend one.
 */
export function actionsToCsv(actions: readonly CsvAction[]): string {
  const rows = actions.filter((a) => !isBlankAction(a));
  const withIncident = rows.some((a) => a.incidentKey);
  const lines = [withIncident ? ["Incident ID", ...HEADERS] : HEADERS];
  for (const a of rows) {
    const cells = [
      String(a.number),
      ACTION_HORIZONS[a.horizon].label,
      a.action.trim(),
      a.ownerName?.trim() ?? "",
      dayOf(a.deadline) ?? "",
      ACTION_STATUS_LABELS[a.status],
      a.status === "WONT_DO" ? a.wontDoReason.trim() : "",
      a.ticket.trim(),
      a.completedAt ? a.completedAt.toISOString().slice(0, 10) : "",
    ];
    lines.push(withIncident ? [a.incidentKey ?? "", ...cells] : cells);
  }
  return lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
