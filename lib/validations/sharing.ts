import { z } from "zod";
import { idSchema } from "@/lib/validations/common";

export const postmortemRefSchema = z.object({ postmortemId: idSchema });
export const setIndexableSchema = z.object({ postmortemId: idSchema, indexable: z.boolean() });
