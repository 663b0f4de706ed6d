"use server";

import { z } from "zod";
import { authedAction } from "@/lib/auth/safe-action";
import { endMeeting, moveMeetingItem, startMeeting } from "@/lib/data/meeting";
import { addComment, setCommentResolved } from "@/lib/data/comments";
import { listFieldHistory } from "@/lib/data/field-history";
import { endMeetingSchema, moveMeetingItemSchema, startMeetingSchema } from "@/lib/validations/meeting";
import { addCommentSchema, resolveCommentSchema } from "@/lib/validations/comments";
import { idSchema } from "@/lib/validations/common";

// Meeting, comments and field history. Every change reaches the open pages (this one too) as a live
// event, so nothing here revalidates the page.

export const startMeetingAction = authedAction(startMeetingSchema, (input, user) => startMeeting(user, input.postmortemId));

export const moveMeetingItemAction = authedAction(moveMeetingItemSchema, (input, user) => moveMeetingItem(user, input));

export const endMeetingAction = authedAction(endMeetingSchema, (input, user) => endMeeting(user, input));

export const addCommentAction = authedAction(addCommentSchema, (input, user) => addComment(user, input));

export const resolveCommentAction = authedAction(resolveCommentSchema, (input, user) => setCommentResolved(user, input));

const fieldHistorySchema = z.object({
  postmortemId: idSchema,
  entity: z.enum(["postmortem", "impact", "timeline", "why", "action"]),
  entityId: z.string().min(1).max(64),
  fields: z.array(z.string().max(64)).max(40).optional(),
});

export const listFieldHistoryAction = authedAction(fieldHistorySchema, (input, user) =>
  listFieldHistory(user, input.postmortemId, { entity: input.entity, entityId: input.entityId, fields: input.fields }),
);
