"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import {
  createTimelineEntry, deleteTimelineEntry, moveTimelineEntry, pasteTimeline, restoreTimelineEntry, updateTimelineEntry,
} from "@/lib/data/timeline";
import { updateMetricsSection } from "@/lib/data/metrics";
import {
  createTimelineEntrySchema, deleteTimelineEntrySchema, moveTimelineEntrySchema, pasteTimelineSchema,
  updateMetricsSectionSchema, updateTimelineEntrySchema,
} from "@/lib/validations/timeline";

// Thin wrappers: the schema parses the raw input, the data layer authorises and writes, the page refreshes.
function written<T>(postmortemId: string, result: T): T {
  revalidatePath(`/postmortems/${postmortemId}`);
  return result;
}

export const createTimelineEntryAction = authedAction(createTimelineEntrySchema, async (input, user) =>
  written(input.postmortemId, await createTimelineEntry(user, input)),
);

export const updateTimelineEntryAction = authedAction(updateTimelineEntrySchema, async (input, user) =>
  written(input.postmortemId, await updateTimelineEntry(user, input)),
);

export const deleteTimelineEntryAction = authedAction(deleteTimelineEntrySchema, async (input, user) =>
  written(input.postmortemId, await deleteTimelineEntry(user, input)),
);

export const restoreTimelineEntryAction = authedAction(deleteTimelineEntrySchema, async (input, user) =>
  written(input.postmortemId, await restoreTimelineEntry(user, input)),
);

export const moveTimelineEntryAction = authedAction(moveTimelineEntrySchema, async (input, user) =>
  written(input.postmortemId, await moveTimelineEntry(user, input)),
);

export const pasteTimelineAction = authedAction(pasteTimelineSchema, async (input, user) =>
  written(input.postmortemId, await pasteTimeline(user, input)),
);

export const updateMetricsSectionAction = authedAction(updateMetricsSectionSchema, async (input, user) =>
  written(input.postmortemId, await updateMetricsSection(user, input)),
);
