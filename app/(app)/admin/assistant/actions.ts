"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/safe-action";
import { updateAssistantSettings } from "@/lib/data/assistant";

const assistantSettingsSchema = z.object({ enabled: z.boolean(), allowRestrictedExternal: z.boolean() });

export const updateAssistantSettingsAction = authedAction(assistantSettingsSchema, async (input, actor) => {
  const settings = await updateAssistantSettings(actor, input);
  revalidatePath("/admin/assistant");
  return settings;
});
