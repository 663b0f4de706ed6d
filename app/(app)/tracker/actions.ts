"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { bulkUpdateActionsSchema } from "@/lib/validations/tracker";
import { bulkUpdateActions } from "@/lib/data/tracker";

export const bulkUpdateActionsAction = authedAction(bulkUpdateActionsSchema, async (input, user) => {
  const result = await bulkUpdateActions(user, input);
  revalidatePath("/tracker");
  revalidatePath("/");
  return result;
});
