import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { buildSnapshot } from "@/lib/data/snapshot-from-document";
import { toJson, toMarkdown } from "@/lib/domain/exports";

export const EXPORT_FORMATS = {
  md: { contentType: "text/markdown; charset=utf-8", suffix: "postmortem.md", render: toMarkdown },
  json: { contentType: "application/json; charset=utf-8", suffix: "postmortem.json", render: toJson },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

/** A safe file name from the Incident ID: "INC-2026-0041-postmortem.md". */
export function exportFileName(incidentKey: string, format: ExportFormat): string {
  const stem = incidentKey.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "incident";
  return `${stem}-${EXPORT_FORMATS[format].suffix}`;
}

/** The postmortem in one export format, authorised exactly like the document page. */
export async function exportPostmortem(actor: Actor, id: string, format: ExportFormat) {
  const doc = await getPostmortemDocument(actor, id);
  const spec = EXPORT_FORMATS[format];
  return { body: spec.render(buildSnapshot(doc)), contentType: spec.contentType, fileName: exportFileName(doc.incidentKey, format) };
}
