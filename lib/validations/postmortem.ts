import { z } from "zod";
import { Severity } from "@/lib/generated/prisma/enums";
import { optionalIdSchema, text, utcDateTime } from "@/lib/validations/common";

export const INCIDENT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}-[A-Z0-9][A-Z0-9-]{0,28}$/;

export const incidentKeySchema = z
  .string({ error: "Incident ID is required." })
  .trim()
  .toUpperCase()
  .min(1, "Incident ID is required.")
  .max(40, "Incident ID must be at most 40 characters.")
  .regex(INCIDENT_KEY_PATTERN, "Use a key like INC-2026-0042 (letters, digits and dashes).");

export const createPostmortemSchema = z
  .object({
    incidentKey: incidentKeySchema,
    incidentName: text(200, "Incident name", 1),
    incidentDate: utcDateTime("Date of incident"),
    severity: z.enum(Severity, { error: "Choose a severity." }),
    teamId: optionalIdSchema,
    facilitatorId: optionalIdSchema,
  })
  .refine((v) => !(v.incidentDate instanceof Date) || v.incidentDate.getTime() <= Date.now() + 24 * 3600_000, {
    path: ["incidentDate"],
    message: "Date of incident cannot be in the future.",
  });

export type CreatePostmortemInput = z.input<typeof createPostmortemSchema>;
export type CreatePostmortemOutput = z.output<typeof createPostmortemSchema>;
