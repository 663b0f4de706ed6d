"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { postmortemRefSchema, setIndexableSchema } from "@/lib/validations/sharing";
import {
  approveExternalSummary, publishExternalSummary, revokeExternalSummary, setExternalSummaryIndexable,
} from "@/lib/data/external-summary";

function refresh(postmortemId: string) {
  revalidatePath(`/postmortems/${postmortemId}`);
}

export const approveExternalSummaryAction = authedAction(postmortemRefSchema, async ({ postmortemId }, user) => {
  const result = await approveExternalSummary(user, postmortemId);
  refresh(postmortemId);
  return result;
});

export const publishExternalSummaryAction = authedAction(postmortemRefSchema, async ({ postmortemId }, user) => {
  const result = await publishExternalSummary(user, postmortemId);
  refresh(postmortemId);
  return result;
});

export const revokeExternalSummaryAction = authedAction(postmortemRefSchema, async ({ postmortemId }, user) => {
  await revokeExternalSummary(user, postmortemId);
  refresh(postmortemId);
});

export const setExternalSummaryIndexableAction = authedAction(setIndexableSchema, async (input, user) => {
  await setExternalSummaryIndexable(user, input.postmortemId, input.indexable);
  refresh(input.postmortemId);
});
