"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { createActionSchema, deleteActionSchema, updateActionSchema } from "@/lib/validations/actions";
import { createAction, deleteAction, updateAction } from "@/lib/data/actions";

export const createActionAction = authedAction(createActionSchema, async (input, user) => {
  const action = await createAction(user, input);
  revalidatePath(`/postmortems/${input.postmortemId}`);
  return action;
});

export const updateActionAction = authedAction(updateActionSchema, async (input, user) => {
  const action = await updateAction(user, input);
  revalidatePath(`/postmortems/${input.postmortemId}`);
  revalidatePath("/actions");
  return action;
});

export const deleteActionAction = authedAction(deleteActionSchema, async (input, user) => {
  const deleted = await deleteAction(user, input);
  revalidatePath(`/postmortems/${input.postmortemId}`);
  return deleted;
});
