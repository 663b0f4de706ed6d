import { z } from "zod";
import {
  DRAFT_LIMITS,
  draftAiCauseSchema,
  draftAiContextSchema,
  draftImpactHintSchema,
  draftTimelineRowSchema,
} from "@/lib/domain/draft/types";
import { idSchema } from "@/lib/validations/common";

// What the draft screen sends: the material to draft from, and one reviewed proposal to accept.

export const draftRequestSchema = z.object({
  postmortemId: idSchema,
  text: z
    .string()
    .max(DRAFT_LIMITS.materialChars, `Material can be at most ${DRAFT_LIMITS.materialChars.toLocaleString("en-GB")} characters.`),
  fileName: z.string().max(200).optional(),
  engine: z.enum(["builtin", "endpoint"]).optional(),
});

export const draftItemSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("timeline"), row: draftTimelineRowSchema }),
  z.object({ type: z.literal("summary"), text: z.string().trim().min(1, "The summary is empty.").max(DRAFT_LIMITS.summary) }),
  z.object({ type: z.literal("impact"), hint: draftImpactHintSchema }),
  z.object({ type: z.literal("aiCause"), cause: draftAiCauseSchema }),
  z.object({ type: z.literal("aiContext"), context: draftAiContextSchema }),
]);

export const acceptDraftItemSchema = z.object({
  postmortemId: idSchema,
  clientMutationId: z.uuid("Invalid client mutation id."),
  item: draftItemSchema,
});

export type DraftRequestInput = z.output<typeof draftRequestSchema>;
export type DraftItem = z.output<typeof draftItemSchema>;
export type AcceptDraftItemInput = z.output<typeof acceptDraftItemSchema>;
