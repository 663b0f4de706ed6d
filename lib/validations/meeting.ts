import { z } from "zod";
import { idSchema } from "@/lib/validations/common";
import { SECTION_IDS } from "@/lib/domain/severity-policy";

export const startMeetingSchema = z.object({ postmortemId: idSchema });

export const moveMeetingItemSchema = z.object({
  postmortemId: idSchema,
  item: z.enum(SECTION_IDS, { error: "That is not an item of the agenda." }),
});

export const endMeetingSchema = z.object({
  postmortemId: idSchema,
  /** The people the facilitator confirmed as present. */
  attendeeIds: z.array(idSchema).max(200, "Too many attendees."),
});

export type MoveMeetingItemInput = z.output<typeof moveMeetingItemSchema>;
export type EndMeetingInput = z.output<typeof endMeetingSchema>;
