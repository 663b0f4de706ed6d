import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { endpointFromEnv, type EndpointConfig } from "@/lib/assistant/endpoint-config";
import { askEndpoint, EndpointError } from "@/lib/assistant/endpoint-engine";
import { getAssistantSettings, getDraftTarget, recordEndpointRequest } from "@/lib/data/assistant";
import { findBlamelessHints } from "@/lib/domain/blameless";
import { coachWhy, rewriteSentence } from "@/lib/domain/coaching";
import type { DraftEngine } from "@/lib/domain/draft/types";
import { AppError } from "@/lib/errors";

// Coaching for one why: the built-in rules, or the configured endpoint under the same privacy rules as
// drafting (restricted postmortems stay on the server unless an admin allows it; every request audited).

export type WhyAdvice = {
  engine: DraftEngine;
  model: string | null;
  endsInPerson: boolean;
  message: string;
  question: string;
  rewrite: string | null;
};

export const whyAdviceSchema = z.object({
  endsInPerson: z.boolean(),
  message: z.string().trim().min(1).max(600),
  question: z.string().trim().min(1).max(400),
  rewrite: z.string().trim().max(1000),
});

const SYSTEM = `You coach a blameless postmortem's 5 Whys. Given one "why" answer, decide whether it ends in a person or "human error" rather than a systemic cause (process, tooling, organisation).
Return endsInPerson, a one-sentence message, the next systemic question to ask, and a rewrite of the answer that describes what in the system failed rather than who (empty when no rewrite is needed). Never name or judge individuals.`;

function builtIn(text: string): WhyAdvice {
  const coaching = coachWhy(text);
  const hint = findBlamelessHints(text)[0];
  return {
    engine: "builtin",
    model: null,
    endsInPerson: coaching !== null,
    message: coaching?.message ?? "This why already points at the system.",
    question: coaching?.question ?? "Is this the systemic root cause, or is there another why behind it?",
    rewrite: hint ? rewriteSentence(text, hint).rewrite : null,
  };
}

export async function adviseOnWhy(
  actor: Actor,
  input: { postmortemId: string; text: string },
  options: { endpoint?: EndpointConfig | null } = {},
): Promise<WhyAdvice> {
  const target = await getDraftTarget(actor, input.postmortemId);
  const settings = await getAssistantSettings();
  if (!settings.enabled) throw new AppError("ASSISTANT_OFF");
  const endpoint = options.endpoint === undefined ? endpointFromEnv() : options.endpoint;
  if (!endpoint || (target.restricted && !settings.allowRestrictedExternal)) return builtIn(input.text);

  const sent = { system: SYSTEM, prompt: `Why: ${input.text}` };
  const audit = {
    postmortemId: target.id,
    purpose: "coaching" as const,
    endpoint: new URL(endpoint.baseUrl).host,
    model: endpoint.model,
    sent,
  };
  try {
    const { output, usage } = await askEndpoint(endpoint, sent, whyAdviceSchema);
    await recordEndpointRequest(actor, { ...audit, usage, outcome: "ok" });
    return { engine: "endpoint", model: endpoint.model, ...output, rewrite: output.rewrite || null };
  } catch (error) {
    if (!(error instanceof EndpointError)) throw error;
    await recordEndpointRequest(actor, { ...audit, usage: error.usage, outcome: "error", error: error.message });
    throw new AppError("ASSISTANT_FAILED", {
      message: error.message.replace(
        "Nothing was saved; try again or use the built-in extractor.",
        "The built-in coaching above still applies.",
      ),
    });
  }
}
