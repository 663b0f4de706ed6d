import "server-only";
import { z } from "zod";

// The OpenAI-compatible endpoint, configured only through the environment. Without all three of
// AI_BASE_URL, AI_API_KEY and AI_MODEL nothing ever leaves the server: the built-in extractor is used.

export type EndpointConfig = { baseUrl: string; apiKey: string; model: string; timeoutMs: number };

const schema = z.object({
  AI_BASE_URL: z.url({ protocol: /^https?$/, error: "AI_BASE_URL must be an http(s) URL" }),
  AI_API_KEY: z.string().min(1),
  AI_MODEL: z.string().min(1),
  AI_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
});

/** The configured endpoint, or null. A half-configured or invalid setting is refused loudly at start-up. */
export function endpointFromEnv(env: NodeJS.ProcessEnv = process.env): EndpointConfig | null {
  if (!env.AI_BASE_URL && !env.AI_API_KEY && !env.AI_MODEL) return null;
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid AI endpoint configuration (set all of AI_BASE_URL, AI_API_KEY, AI_MODEL): ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const d = parsed.data;
  return { baseUrl: d.AI_BASE_URL.replace(/\/+$/, ""), apiKey: d.AI_API_KEY, model: d.AI_MODEL, timeoutMs: d.AI_TIMEOUT_MS };
}
