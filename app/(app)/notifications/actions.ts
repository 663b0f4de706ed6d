"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { markReadSchema, preferenceSchema } from "@/lib/validations/sharing";
import { markRead, setPreference } from "@/lib/data/inbox";
import type { NotificationKind } from "@/lib/domain/notifications";

export const markReadAction = authedAction(markReadSchema, async ({ ids }, user) => {
  await markRead(user, ids);
  revalidatePath("/", "layout");
});

export const setPreferenceAction = authedAction(preferenceSchema, async (input, user) => {
  await setPreference(user, { ...input, kind: input.kind as NotificationKind });
  revalidatePath("/notifications/settings");
});
