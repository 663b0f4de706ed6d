"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { listHistorySchema, postmortemIdSchema, setStatusSchema } from "@/lib/validations/lifecycle";
import { getPublishCheck, listHistory, setStatus } from "@/lib/data/lifecycle";

export const publishCheckAction = authedAction(postmortemIdSchema, (input, user) => getPublishCheck(user, input.postmortemId));

export const setStatusAction = authedAction(setStatusSchema, async (input, user) => {
  const result = await setStatus(user, input);
  revalidatePath(`/postmortems/${input.postmortemId}`);
  revalidatePath("/postmortems");
  return result;
});

export const listHistoryAction = authedAction(listHistorySchema, (input, user) =>
  listHistory(user, input.postmortemId, { before: input.before, limit: input.limit }),
);
