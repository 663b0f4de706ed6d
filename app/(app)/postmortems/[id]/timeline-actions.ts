"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { deleteTimelineEntry, moveTimelineEntry, pasteTimeline, restoreTimelineEntry } from "@/lib/data/timeline";
import { updateMetricsSection } from "@/lib/data/metrics";
import {
  deleteTimelineEntrySchema,
  moveTimelineEntrySchema,
  pasteTimelineSchema,
  updateMetricsSectionSchema,
} from "@/lib/validations/timeline";

// Thin wrappers: the schema parses the raw input, the data layer authorises and writes. A single new row
// is created through saveEditAction (the live outbox), so its edits can queue behind it. Rows created,
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

export const updateMetricsSectionAction = authedAction(updateMetricsSectionSchema, async (input, user) => {
  const result = await updateMetricsSection(user, input);
  revalidatePath(`/postmortems/${input.postmortemId}`);
  return result;
});
