import { z } from "zod";
import { idSchema } from "@/lib/validations/common";

export const postmortemIdSchema = z.object({ postmortemId: idSchema });

export const setStatusSchema = z.object({
  postmortemId: idSchema,
  to: z.enum(["DRAFT", "IN_REVIEW", "PUBLISHED"], { error: "Choose a status." }),
});
export type SetStatusInput = z.input<typeof setStatusSchema>;

export const HISTORY_PAGE_SIZE = 50;

export const listHistorySchema = z.object({
  postmortemId: idSchema,
  before: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export type ListHistoryInput = z.input<typeof listHistorySchema>;
