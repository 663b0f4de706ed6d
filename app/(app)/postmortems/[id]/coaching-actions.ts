"use server";

import { z } from "zod";
import { authedAction } from "@/lib/auth/safe-action";
import { adviseOnWhy } from "@/lib/assistant/coaching-service";
import { idSchema } from "@/lib/validations/common";
import { whyTextSchema } from "@/lib/validations/sections";

const adviseOnWhySchema = z.object({ postmortemId: idSchema, text: whyTextSchema.pipe(z.string().min(1, "Write the why first.")) });

export const adviseOnWhyAction = authedAction(adviseOnWhySchema, (input, user) => adviseOnWhy(user, input));
