import { z } from "zod";
import { AiCauseKind, EventKind, ImpactLevel, Milestone } from "@/lib/generated/prisma/enums";

// The shape of a draft, whichever engine made it. Every proposal cites the material line it came from
// (1-based line number of the normalised material, and that line's text) so the reviewer can check it.

export const DRAFT_LIMITS = { materialChars: 200_000, materialLines: 5_000, event: 500, summary: 2_000 } as const;

export const draftSourceSchema = z.object({
  line: z.number().int().min(1),
  text: z.string().max(2_000),
});

export const draftTimelineRowSchema = z.object({
  occurredAt: z.iso.datetime({ offset: true }).nullable(),
  event: z.string().trim().min(1).max(DRAFT_LIMITS.event),
  actor: z.string().trim().max(200),
  milestone: z.enum(Milestone).nullable(),
  kind: z.enum(EventKind),
  source: draftSourceSchema,
});

export const draftSummarySchema = z.object({
  text: z.string().trim().min(1).max(DRAFT_LIMITS.summary),
  sources: z.array(draftSourceSchema).max(10),
});

/** Impact hints fill the key metrics (counts, SLA) or one impact dimension (level + detail). */
export const IMPACT_HINT_FIELDS = [
  "usersAffected",
  "requestsAffected",
  "slaBreached",
  "customerLevel",
  "reputationalLevel",
  "dataSecurityLevel",
  "complianceLevel",
  "revenueDetail",
] as const;
export type ImpactHintField = (typeof IMPACT_HINT_FIELDS)[number];

export const draftImpactHintSchema = z.object({
  field: z.enum(IMPACT_HINT_FIELDS),
  /** A count as digits, "YES"/"NO" for the SLA, an ImpactLevel for a dimension, free text for revenue. */
  value: z.string().trim().min(1).max(1_000),
  detail: z.string().trim().max(1_000),
  source: draftSourceSchema,
});

export const draftAiCauseSchema = z.object({
  kind: z.enum(AiCauseKind),
  evidence: z.string().trim().min(1).max(2_000),
  source: draftSourceSchema,
});

export const AI_CONTEXT_FIELDS = ["aiProvider", "aiModel", "aiPromptVersion", "aiGuardrails", "evalScoreBefore", "evalScoreAfter"] as const;
export type AiContextField = (typeof AI_CONTEXT_FIELDS)[number];

export const draftAiContextSchema = z.object({
  field: z.enum(AI_CONTEXT_FIELDS),
  value: z.string().trim().min(1).max(200),
  source: draftSourceSchema,
});

export const draftContentSchema = z.object({
  timeline: z.array(draftTimelineRowSchema).max(500),
  summary: draftSummarySchema.nullable(),
  impact: z.array(draftImpactHintSchema).max(30),
  aiCauses: z.array(draftAiCauseSchema).max(10),
  aiContext: z.array(draftAiContextSchema).max(10),
});

export type DraftSource = z.infer<typeof draftSourceSchema>;
export type DraftTimelineRow = z.infer<typeof draftTimelineRowSchema>;
export type DraftSummary = z.infer<typeof draftSummarySchema>;
export type DraftImpactHint = z.infer<typeof draftImpactHintSchema>;
export type DraftAiCause = z.infer<typeof draftAiCauseSchema>;
export type DraftAiContext = z.infer<typeof draftAiContextSchema>;
export type DraftContent = z.infer<typeof draftContentSchema>;

export type DraftEngine = "builtin" | "endpoint";

/** A level value an impact hint may carry for a dimension field. */
export const isImpactLevel = (value: string): value is ImpactLevel => (Object.values(ImpactLevel) as string[]).includes(value);
