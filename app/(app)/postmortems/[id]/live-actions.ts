"use server";

import { z } from "zod";
import { authedAction } from "@/lib/auth/safe-action";
import { applyEdit } from "@/lib/data/edits";
import { authorizeLiveStream } from "@/lib/data/live-events";
import { broadcastPresence } from "@/lib/realtime/bus";
import { idSchema } from "@/lib/validations/common";
import { editSchema } from "@/lib/validations/edits";

// No revalidatePath here: the change reaches every open page (this one included) as a live event patch,
// so an edit costs a few hundred bytes instead of a re-render of the whole document.

export const saveEditAction = authedAction(editSchema, (edit, user) => applyEdit(user, edit));

const focusSchema = z.object({
  postmortemId: idSchema,
  tabId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  focus: z
    .object({
      entity: z.string().max(40),
      entityId: z.string().max(100).nullable().optional(),
      field: z.string().max(100).nullable().optional(),
    })
    .nullable(),
});

/** Tells the others which field or row this tab is in (broadcast only, never stored). */
export const setPresenceFocusAction = authedAction(focusSchema, async ({ postmortemId, tabId, focus }, user) => {
  await authorizeLiveStream(user, postmortemId);
  await broadcastPresence(postmortemId, { tabId, userId: user.id, name: user.name, focus });
  return null;
});
