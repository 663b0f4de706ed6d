import { z } from "zod";
import { ActionHorizon, ActionStatus } from "@/lib/generated/prisma/enums";
import { parseIsoDay } from "@/lib/domain/dates";
import { idSchema, text } from "@/lib/validations/common";

const TICKET_KEY = /^[A-Za-z][A-Za-z0-9_]{0,19}-\d{1,10}$/;

/** True for an http(s) URL; anything else (javascript:, data:, mailto:…) is not a link we render. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export const ticketSchema = text(300, "Ticket").refine((v) => v === "" || TICKET_KEY.test(v) || isHttpUrl(v), {
  message: "Use a ticket key like SUP-123 or an http(s) link.",
});

function parseDeadline(value: string, ctx: z.RefinementCtx): string | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const day = parseIsoDay(trimmed);
  if (!day || day.getUTCFullYear() < 1990 || day.getUTCFullYear() > 2100) {
    ctx.addIssue({ code: "custom", message: "Deadline is not a valid date." });
    return z.NEVER;
  }
  return trimmed;
}

const rawDeadline = z.union([z.string(), z.null()], { error: "Deadline must be a date." }).optional();

/** "YYYY-MM-DD" or empty (→ null); impossible days such as 2026-02-30 are refused. */
export const deadlineSchema = rawDeadline.transform((v, ctx) => (v == null ? null : parseDeadline(v, ctx)));

// In an edit, an absent deadline means "not changed" and must stay undefined.
const deadlineChangeSchema = rawDeadline.transform((v, ctx) => (v === undefined ? undefined : v === null ? null : parseDeadline(v, ctx)));

const ownerSchema = z
  .union([idSchema, z.literal(""), z.null()], { error: "Choose an owner from the list." })
  .transform((v) => (v ? v : null));

const horizonSchema = z.enum(ActionHorizon, { error: "Choose a horizon." });
const statusSchema = z.enum(ActionStatus, { error: "Choose a status." });
const actionTextSchema = text(500, "Action", 1);
const wontDoReasonSchema = text(1000, "Reason");

export const createActionSchema = z.object({
  postmortemId: idSchema,
  clientMutationId: z.uuid("Invalid client mutation id."),
  horizon: horizonSchema,
  action: actionTextSchema,
  ownerId: ownerSchema.optional().transform((v) => v ?? null),
  deadline: deadlineSchema,
  ticket: ticketSchema.optional().transform((v) => v ?? ""),
});

export type CreateActionInput = z.input<typeof createActionSchema>;
export type CreateActionData = z.output<typeof createActionSchema>;

export const ACTION_FIELDS = ["action", "horizon", "ownerId", "deadline", "status", "wontDoReason", "ticket"] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

const changesSchema = z
  .object({
    action: actionTextSchema.optional(),
    horizon: horizonSchema.optional(),
    ownerId: ownerSchema.optional(),
    deadline: deadlineChangeSchema,
    status: statusSchema.optional(),
    wontDoReason: wontDoReasonSchema.optional(),
    ticket: ticketSchema.optional(),
  })
  .strict();

// The values the editor started from: compared, never stored, so only their shape is checked.
const baseSchema = z
  .object({
    action: z.string().max(10_000).optional(),
    horizon: horizonSchema.optional(),
    ownerId: z.string().max(40).nullable().optional(),
    deadline: z.string().max(10).nullable().optional(),
    status: statusSchema.optional(),
    wontDoReason: z.string().max(10_000).optional(),
    ticket: z.string().max(10_000).optional(),
  })
  .strict();

export const updateActionSchema = z
  .object({
    postmortemId: idSchema,
    actionId: idSchema,
    /** Older editors send the row version; the live editor sends only `base` (per-field compare). */
    version: z.number().int().min(1).optional(),
    changes: changesSchema,
    base: baseSchema.default({}),
    clientMutationId: z.uuid("Invalid client mutation id.").optional(),
  })
  .transform((v, ctx) => {
    const changes = Object.fromEntries(
      Object.entries(v.changes).filter(([, value]) => value !== undefined),
    ) as Partial<UpdateActionChanges>;
    if (Object.keys(changes).length === 0) {
      ctx.addIssue({ code: "custom", message: "Nothing to save.", path: ["changes"] });
      return z.NEVER;
    }
    return { ...v, changes };
  });

export type UpdateActionChanges = {
  action: string;
  horizon: ActionHorizon;
  ownerId: string | null;
  deadline: string | null;
  status: ActionStatus;
  wontDoReason: string;
  ticket: string;
};
export type UpdateActionInput = z.input<typeof updateActionSchema>;
export type UpdateActionData = z.output<typeof updateActionSchema>;

export const deleteActionSchema = z.object({ postmortemId: idSchema, actionId: idSchema });
export type DeleteActionInput = z.input<typeof deleteActionSchema>;

/** From "My actions": only the status (and a Won't-do reason) of one of the user's own actions. */
export const setActionStatusSchema = z.object({
  actionId: idSchema,
  status: statusSchema,
  wontDoReason: wontDoReasonSchema.optional(),
  version: z.number().int().min(1),
});
export type SetActionStatusInput = z.input<typeof setActionStatusSchema>;
export type SetActionStatusData = z.output<typeof setActionStatusSchema>;
