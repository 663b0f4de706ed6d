import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { buildSnapshot } from "@/lib/data/snapshot-from-document";
import { buildAiIncidentReport, type AiIncidentReport } from "@/lib/domain/ai-incident-report";

/** The AI incident report of a postmortem the actor may read (others get NOT_FOUND like the document). */
export async function getAiIncidentReport(actor: Actor, postmortemId: string): Promise<AiIncidentReport> {
  const doc = await getPostmortemDocument(actor, postmortemId);
  return buildAiIncidentReport(buildSnapshot(doc));
}
