"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { createPostmortemSchema } from "@/lib/validations/postmortem";
import { createPostmortem } from "@/lib/data/postmortems";

export const createPostmortemAction = authedAction(createPostmortemSchema, async (input, user) => {
  const created = await createPostmortem(user, input);
  revalidatePath("/postmortems");
  return created;
});
