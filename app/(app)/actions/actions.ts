"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { setActionStatusSchema } from "@/lib/validations/actions";
import { setActionStatus } from "@/lib/data/actions";

export const setMyActionStatusAction = authedAction(setActionStatusSchema, async (input, user) => {
  const action = await setActionStatus(user, input);
  revalidatePath("/actions");
  revalidatePath("/postmortems/[id]", "page");
  return action;
});
