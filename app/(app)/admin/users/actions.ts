"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { createUserSchema, updateUserSchema } from "@/lib/validations/auth";
import { createUser, updateUser } from "@/lib/data/users";

export const createUserAction = authedAction(createUserSchema, async (input, actor) => {
  const user = await createUser(actor, input);
  revalidatePath("/admin/users");
  return user;
});

export const updateUserAction = authedAction(updateUserSchema, async (input, actor) => {
  const user = await updateUser(actor, input);
  revalidatePath("/admin/users");
  return user;
});
