"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { deleteTimelineEntry, moveTimelineEntry, pasteTimeline, restoreTimelineEntry } from "@/lib/data/timeline";
import { deleteTimelineEntrySchema, moveTimelineEntrySchema, pasteTimelineSchema } from "@/lib/validations/timeline";

// Thin wrappers: the schema parses the raw input, the data layer authorises and writes. A single new row
// is created, and the Key Metrics are changed, through saveEditAction (the live outbox). Rows created,
// deleted, moved or pasted reach every open page (this one too) as live events, so the page is not
// re-rendered; an undone delete is, since its event does not carry the row.

export const deleteTimelineEntryAction = authedAction(deleteTimelineEntrySchema, (input, user) => deleteTimelineEntry(user, input));

export const restoreTimelineEntryAction = authedAction(deleteTimelineEntrySchema, async (input, user) => {
  const result = await restoreTimelineEntry(user, input);
  revalidatePath(`/postmortems/${input.postmortemId}`);
  return result;
});

export const moveTimelineEntryAction = authedAction(moveTimelineEntrySchema, (input, user) => moveTimelineEntry(user, input));

export const pasteTimelineAction = authedAction(pasteTimelineSchema, (input, user) => pasteTimeline(user, input));
