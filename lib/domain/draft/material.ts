import { DRAFT_LIMITS } from "./types";

// Turns pasted or uploaded material into numbered text lines. Slack channel exports (JSON) and CSV files
// become one canonical line per message/row, "<time> <actor>: <text>", so every engine and the review
// screen see the same numbered lines and a proposal's source line can always be shown.

export type MaterialFormat = "text" | "slack" | "csv";
export type Material = { format: MaterialFormat; lines: string[] };

export class MaterialError extends Error {}

type SlackMessage = {
  ts?: unknown;
  text?: unknown;
  user?: unknown;
  user_name?: unknown;
  username?: unknown;
  user_profile?: { real_name?: unknown; display_name?: unknown };
};

const str = (v: unknown) => (typeof v === "string" ? v : "");
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, " ").trim();

function slackLines(data: unknown): string[] {
  const messages = Array.isArray(data) ? data : (data as { messages?: unknown })?.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new MaterialError('That JSON is not a Slack channel export (an array of messages with "ts" and "text").');
  }
  const lines: string[] = [];
  for (const raw of messages as SlackMessage[]) {
    if (!raw || typeof raw !== "object" || typeof raw.ts !== "string" || typeof raw.text !== "string") {
      throw new MaterialError('Every message of a Slack export needs a "ts" and a "text".');
    }
    const who =
      str(raw.user_profile?.real_name) || str(raw.user_profile?.display_name) || str(raw.user_name) || str(raw.username) || str(raw.user);
    const text = oneLine(raw.text);
    if (text) lines.push(`${raw.ts} ${who ? `${who.replace(/:/g, "")}: ` : ""}${text}`);
  }
  return lines;
}

/** RFC 4180 fields of a CSV text (quotes, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new MaterialError("The CSV has an unclosed quote.");
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

const TIME_HEADER = /^(time|timestamp|date|datetime|when|ts|time \(utc\)|created(_at)?)$/i;
const TEXT_HEADER = /^(text|message|event|description|summary|details|note|notes|body)$/i;
const ACTOR_HEADER = /^(actor|user|author|who|name|person|source|from)$/i;

function csvLines(text: string): string[] | null {
  const rows = parseCsv(text);
  if (rows.length < 2) return null;
  const header = rows[0].map((h) => h.trim());
  const time = header.findIndex((h) => TIME_HEADER.test(h));
  const body = header.findIndex((h) => TEXT_HEADER.test(h));
  if (time < 0 || body < 0) return null;
  const actor = header.findIndex((h) => ACTOR_HEADER.test(h));
  return rows.slice(1).map((r) => {
    const who = actor >= 0 ? oneLine(r[actor] ?? "").replace(/:/g, "") : "";
    return `${oneLine(r[time] ?? "")} ${who ? `${who}: ` : ""}${oneLine(r[body] ?? "")}`.trim();
  });
}

/** Reads material in any supported format; `fileName` only helps tell CSV from text. */
export function readMaterial(input: string, fileName?: string): Material {
  const text = input.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new MaterialError("Paste or upload some material first.");
  if (text.length > DRAFT_LIMITS.materialChars) {
    throw new MaterialError(`That is more than ${DRAFT_LIMITS.materialChars.toLocaleString("en-GB")} characters; split it up.`);
  }
  let result: Material;
  const trimmed = text.trim();
  if (/^\{|^\[\s*[{\]]/.test(trimmed) || /\.json$/i.test(fileName ?? "")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw new MaterialError("That looks like JSON but could not be read; check it is the whole export file.");
    }
    result = { format: "slack", lines: slackLines(data) };
  } else {
    const csv = /\.csv$/i.test(fileName ?? "") || /^[^\n,]*,[^\n]*\n/.test(trimmed) ? csvLines(trimmed) : null;
    result = csv ? { format: "csv", lines: csv } : { format: "text", lines: text.split(/\r\n|\r|\n/).map((l) => l.replace(/\s+$/, "")) };
  }
  if (result.lines.length > DRAFT_LIMITS.materialLines) {
    throw new MaterialError(`That is more than ${DRAFT_LIMITS.materialLines.toLocaleString("en-GB")} lines; split it up.`);
  }
  return result;
}
