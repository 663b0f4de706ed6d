"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import { importPostmortemSchema } from "@/lib/validations/import";
import { importPostmortem } from "@/lib/data/import-postmortem";

export const importPostmortemAction = authedAction(importPostmortemSchema, async (input, user) => {
  const created = await importPostmortem(user, input);
  revalidatePath("/postmortems");
  return created;
});
