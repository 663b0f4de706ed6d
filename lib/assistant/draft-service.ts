import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { endpointFromEnv, type EndpointConfig } from "@/lib/assistant/endpoint-config";
import { EndpointError } from "@/lib/assistant/endpoint-engine";
import { draftRequest, draftWithEndpoint } from "@/lib/assistant/endpoint-draft";
import { getAssistantSettings, getDraftTarget, recordEndpointRequest } from "@/lib/data/assistant";
import { toIsoDay } from "@/lib/domain/dates";
import { extractDraft } from "@/lib/domain/draft/extract";
import { MaterialError, readMaterial, type MaterialFormat } from "@/lib/domain/draft/material";
import type { DraftContent, DraftEngine } from "@/lib/domain/draft/types";
import { AppError } from "@/lib/errors";

// Drafting never writes to the postmortem: it returns proposals for a person to review. The only row it
// may write is the audit of a request sent to the endpoint.

export type DraftResult = {
  engine: DraftEngine;
  model: string | null;
  /** Why the built-in extractor was used although an endpoint is configured, or what was left out. */
  notice: string | null;
  format: MaterialFormat;
  lines: string[];
  content: DraftContent;
};

export type DraftProgress = { message: string; rows?: number };

export type DraftInput = { postmortemId: string; text: string; fileName?: string; engine?: DraftEngine };

export const RESTRICTED_NOTICE =
  "This postmortem is restricted, so its material stayed on this server and the built-in extractor drafted it. An admin can allow restricted postmortems to use the AI endpoint.";

export async function draftPostmortem(
  actor: Actor,
  input: DraftInput,
  options: { onProgress?: (p: DraftProgress) => void; endpoint?: EndpointConfig | null } = {},
): Promise<DraftResult> {
  const progress = options.onProgress ?? (() => {});
  const target = await getDraftTarget(actor, input.postmortemId);
  const settings = await getAssistantSettings();
  if (!settings.enabled) throw new AppError("ASSISTANT_OFF");

  let material;
  try {
    material = readMaterial(input.text, input.fileName);
  } catch (error) {
    if (error instanceof MaterialError)
      throw new AppError("VALIDATION", { message: error.message, fieldErrors: { material: [error.message] } });
    throw error;
  }
  progress({ message: `Read ${material.lines.length} lines (${material.format}).` });

  const endpoint = options.endpoint === undefined ? endpointFromEnv() : options.endpoint;
  const useEndpoint = endpoint !== null && input.engine !== "builtin";
  if (!useEndpoint || (target.restricted && !settings.allowRestrictedExternal)) {
    const content = extractDraft(material, { baseDate: target.incidentDate });
    const notice = useEndpoint ? RESTRICTED_NOTICE : null;
    return { engine: "builtin", model: null, notice, format: material.format, lines: material.lines, content };
  }

  const sent = draftRequest(material.lines, toIsoDay(target.incidentDate));
  const audit = {
    postmortemId: target.id,
    purpose: "draft" as const,
    endpoint: new URL(endpoint.baseUrl).host,
    model: endpoint.model,
    sent,
  };
  progress({ message: `Sent to ${endpoint.model}; waiting for the draft…` });
  try {
    const result = await draftWithEndpoint(endpoint, sent, material.lines, (rows) =>
      progress({ message: `Drafting: ${rows} timeline rows so far…`, rows }),
    );
    await recordEndpointRequest(actor, { ...audit, usage: result.usage, outcome: "ok" });
    const notice = result.dropped > 0 ? `${result.dropped} proposal(s) cited lines that are not in the material and were left out.` : null;
    return { engine: "endpoint", model: endpoint.model, notice, format: material.format, lines: material.lines, content: result.content };
  } catch (error) {
    if (!(error instanceof EndpointError)) throw error;
    await recordEndpointRequest(actor, { ...audit, usage: error.usage, outcome: "error", error: error.message });
    throw new AppError("ASSISTANT_FAILED", { message: error.message });
  }
}
