"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { createUserSchema, resetPasswordSchema, updateUserSchema } from "@/lib/validations/auth";
import { createUser, resetUserPassword, updateUser } from "@/lib/data/users";

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

export const resetPasswordAction = authedAction(resetPasswordSchema, async (input, actor) => {
  await resetUserPassword(actor, input);
  return null;
});
