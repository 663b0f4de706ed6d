import "server-only";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, Output, streamText, type LanguageModelUsage } from "ai";
import type { z } from "zod";
import type { EndpointConfig } from "@/lib/assistant/endpoint-config";

// Talks to any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI, vLLM, Ollama,
// llama.cpp server) through the AI SDK: a JSON-schema response format from a zod schema, streamed so the
// page can show progress, validated by the same schema, bounded by a timeout, no retries (a person is
// waiting and can retry).

export type Sent = { system: string; prompt: string };
export type Usage = { inputTokens: number | null; outputTokens: number | null; totalTokens: number | null };

export class EndpointError extends Error {
  constructor(
    message: string,
    readonly usage: Usage | null = null,
  ) {
    super(message);
    this.name = "EndpointError";
  }
}

const toUsage = (u: LanguageModelUsage | undefined): Usage | null =>
  u ? { inputTokens: u.inputTokens ?? null, outputTokens: u.outputTokens ?? null, totalTokens: u.totalTokens ?? null } : null;

function describeFailure(error: unknown, config: EndpointConfig): string {
  const seconds = Math.round(config.timeoutMs / 1000);
  if (
    error instanceof Error &&
    (error.name === "TimeoutError" || error.name === "AbortError" || /aborted|timed? ?out/i.test(error.message))
  ) {
    return `The AI endpoint did not answer within ${seconds} s. Nothing was saved; try again or use the built-in extractor.`;
  }
  if (APICallError.isInstance(error)) {
    if (error.statusCode === 401 || error.statusCode === 403)
      return "The AI endpoint refused the API key. Nothing was saved; ask an admin to check AI_API_KEY.";
    if (error.statusCode === 429) return "The AI endpoint is rate-limiting requests. Nothing was saved; try again in a minute.";
    if (error.statusCode)
      return `The AI endpoint answered with an error (HTTP ${error.statusCode}). Nothing was saved; try again or use the built-in extractor.`;
    return "The AI endpoint could not be reached. Nothing was saved; try again or use the built-in extractor.";
  }
  if (
    error instanceof Error &&
    /No (object|output) generated|Type validation failed|JSON parsing failed|did not match|could not parse/i.test(error.message)
  ) {
    return "The AI endpoint's answer was not a valid draft (it did not match the expected structure). Nothing was saved; try again or use the built-in extractor.";
  }
  return "The AI endpoint failed unexpectedly. Nothing was saved; try again or use the built-in extractor.";
}

/**
 * Asks the endpoint for an object matching `schema`. `onPartial` receives the partial object as it
 * streams in. Throws EndpointError with a message a person can act on.
 */
export async function askEndpoint<S extends z.ZodType>(
  config: EndpointConfig,
  sent: Sent,
  schema: S,
  onPartial?: (partial: unknown) => void,
): Promise<{ output: z.output<S>; usage: Usage | null }> {
  const provider = createOpenAICompatible({
    name: "assistant",
    baseURL: config.baseUrl,
    apiKey: config.apiKey,
    supportsStructuredOutputs: true,
    includeUsage: true,
  });
  let streamError: unknown = null;
  const result = streamText({
    model: provider(config.model),
    system: sent.system,
    prompt: sent.prompt,
    output: Output.object({ schema, name: "draft" }),
    temperature: 0,
    maxRetries: 0,
    abortSignal: AbortSignal.timeout(config.timeoutMs),
    onError: ({ error }) => {
      streamError = error;
    },
  });
  try {
    for await (const partial of result.partialOutputStream) onPartial?.(partial);
    const output = (await result.output) as z.output<S>;
    return { output, usage: toUsage(await result.usage) };
  } catch (error) {
    let usage: Usage | null = null;
    try {
      usage = toUsage(await result.usage);
    } catch {
      usage = null;
    }
    throw new EndpointError(describeFailure(streamError ?? error, config), usage);
  }
}
