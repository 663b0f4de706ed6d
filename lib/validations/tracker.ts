import { z } from "zod";
import { ActionHorizon, ActionStatus } from "@/lib/generated/prisma/enums";
import { idSchema, text } from "@/lib/validations/common";

const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9]{1,40}$/i)
  .optional()
  .catch(undefined);

/** The tracker's URL filters; bad values are dropped, never a 500. `ownerId=none` means "no owner". */
export const trackerFiltersSchema = z.object({
  ownerId: id,
  teamId: id,
  horizon: z.enum(ActionHorizon).optional().catch(undefined),
  status: z.enum(["OPEN", "IN_PROGRESS", "DONE", "WONT_DO", "UNFINISHED"]).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  dueThisWeek: z.enum(["1"]).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});
export type TrackerFilters = z.output<typeof trackerFiltersSchema>;

export const MAX_BULK = 200;

/** One bulk change over selected actions: a status, an owner, or both. */
export const bulkUpdateActionsSchema = z
  .object({
    rows: z
      .array(z.object({ actionId: idSchema, postmortemId: idSchema, version: z.number().int().min(1) }))
      .min(1, "Select at least one action.")
      .max(MAX_BULK, `Change at most ${MAX_BULK} actions at once.`),
    status: z.enum(ActionStatus).optional(),
    wontDoReason: text(1000, "Reason").optional(),
    ownerId: z.union([idSchema, z.literal("none")]).optional(),
  })
  .refine((v) => v.status !== undefined || v.ownerId !== undefined, { message: "Choose a new status or owner.", path: ["status"] })
  .refine((v) => v.status !== "WONT_DO" || (v.wontDoReason ?? "").trim() !== "", {
    message: "Give a reason when actions are marked Won't do.",
    path: ["wontDoReason"],
  });
export type BulkUpdateActionsInput = z.input<typeof bulkUpdateActionsSchema>;
export type BulkUpdateActionsData = z.output<typeof bulkUpdateActionsSchema>;
