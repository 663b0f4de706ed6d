"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { setTagsSchema } from "@/lib/validations/tags";
import { setPostmortemTags } from "@/lib/data/tags";

export const setTagsAction = authedAction(setTagsSchema, async (input, user) => {
  const tags = await setPostmortemTags(user, input);
  revalidatePath(`/postmortems/${input.postmortemId}`);
  return tags;
});
