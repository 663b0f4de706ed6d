"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { acceptDraftItem } from "@/lib/data/draft-accept";
import { acceptDraftItemSchema } from "@/lib/validations/draft";

export const acceptDraftItemAction = authedAction(acceptDraftItemSchema, async (input, user) => {
  const result = await acceptDraftItem(user, input);
  revalidatePath(`/postmortems/${input.postmortemId}`);
  return result;
});
