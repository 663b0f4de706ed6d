"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/auth/safe-action";
import { signOut } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { changePasswordSchema, sessionIdSchema } from "@/lib/validations/auth";
import { changeMyPassword, endAllMySessions, endMySession } from "@/lib/data/sessions";

export const changePasswordAction = authedAction(changePasswordSchema, async (input, user) => {
  await changeMyPassword(user, input);
  revalidatePath("/account");
  return null;
});

export const endSessionAction = authedAction(sessionIdSchema, async (input, user) => {
  await endMySession(user, input.sessionId);
  revalidatePath("/account");
  return null;
});

export const endOtherSessionsAction = authedAction(z.object({}), async (_input, user) => {
  const ended = await endAllMySessions(user, { keepCurrent: true });
  revalidatePath("/account");
  return { ended };
});

/** Signs out on every device, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endAllMySessions(user, { keepCurrent: false });
  await signOut({ redirect: false });
  redirect("/sign-in");
}
