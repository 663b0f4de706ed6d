import "server-only";
import { AI_CAUSE_KINDS_TEXT, EVENT_KINDS_TEXT, MILESTONES_TEXT } from "@/lib/assistant/prompt-vocabulary";
import { askEndpoint, type EndpointError, type Sent, type Usage } from "@/lib/assistant/endpoint-engine";
import type { EndpointConfig } from "@/lib/assistant/endpoint-config";
import { draftContentSchema, type DraftContent, type DraftSource } from "@/lib/domain/draft/types";

export type { EndpointError };

const SYSTEM = `You help a facilitator draft a blameless postmortem of an AI-system incident from the incident's own material.
Read the numbered material lines and return ONLY what the material supports:
- timeline: one row per meaningful event, in time order. occurredAt is an ISO 8601 UTC timestamp ("2024-01-29T16:17:00Z"), converting any time zone the material names; null when the line has no time. actor is the person or system, "" when unknown. milestone is one of ${MILESTONES_TEXT} or null; each milestone at most once. kind is one of ${EVENT_KINDS_TEXT}.
- summary: 2-3 sentences, what happened, when and how it ended; null when the material is too thin.
- impact: hints for usersAffected / requestsAffected (digits), slaBreached (YES or NO), customerLevel / reputationalLevel / dataSecurityLevel / complianceLevel (HIGH, MEDIUM, LOW or NONE, with detail), revenueDetail (text).
- aiCauses: candidates among ${AI_CAUSE_KINDS_TEXT}, evidence quoting the line in double quotes.
- aiContext: aiProvider, aiModel, aiPromptVersion, aiGuardrails, evalScoreBefore, evalScoreAfter (numbers as digits) when named.
Every item cites source.line (the number before the colon) and source.text (that line, verbatim). Never invent lines, people or times. Describe systems, not people's failings.`;

/** The request as it is sent (and audited): the instructions, the incident's date and the numbered lines. */
export function draftRequest(lines: readonly string[], incidentDay: string): Sent {
  const numbered = lines.map((l, i) => `${i + 1}: ${l}`).join("\n");
  return { system: SYSTEM, prompt: `Incident date (UTC): ${incidentDay}\nMaterial:\n${numbered}` };
}

/**
 * Keeps only proposals that cite a real line, and shows that line as the material has it (a model may
 * paraphrase the quote). Returns the number of proposals dropped.
 */
export function groundDraft(content: DraftContent, lines: readonly string[]): { content: DraftContent; dropped: number } {
  let dropped = 0;
  const ground = (source: DraftSource): DraftSource | null => {
    const text = lines[source.line - 1];
    if (text === undefined || !text.trim()) return null;
    return { line: source.line, text: text.trim().slice(0, 2_000) };
  };
  function keep<T extends { source: DraftSource }>(items: readonly T[]): T[] {
    return items.flatMap((item) => {
      const source = ground(item.source);
      if (!source) dropped++;
      return source ? [{ ...item, source }] : [];
    });
  }
  const summarySources = content.summary?.sources.map(ground).filter((s): s is DraftSource => s !== null) ?? [];
  return {
    content: {
      timeline: keep(content.timeline).map((row) => ({
        ...row,
        occurredAt: row.occurredAt ? new Date(row.occurredAt).toISOString() : null,
      })),
      summary: content.summary ? { text: content.summary.text, sources: summarySources } : null,
      impact: keep(content.impact),
      aiCauses: keep(content.aiCauses),
      aiContext: keep(content.aiContext),
    },
    dropped,
  };
}

export async function draftWithEndpoint(
  config: EndpointConfig,
  sent: Sent,
  lines: readonly string[],
  onProgress: (rows: number) => void,
): Promise<{ content: DraftContent; usage: Usage | null; dropped: number }> {
  let lastRows = -1;
  const { output, usage } = await askEndpoint(config, sent, draftContentSchema, (partial) => {
    const rows = (partial as { timeline?: unknown[] })?.timeline?.length ?? 0;
    if (rows !== lastRows) onProgress((lastRows = rows));
  });
  return { ...groundDraft(output, lines), usage };
}
