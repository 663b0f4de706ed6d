import { z } from "zod";
import { idSchema } from "@/lib/validations/common";

/** Lowercase words joined by dashes ("vendor-outage", "rag", "eu-region"). */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_TAGS = 12;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/\s+/g, "-"))
  .pipe(z.string().regex(TAG_PATTERN, "Tags are 1–40 letters, digits or dashes (like vendor-outage)."));

export const setTagsSchema = z.object({
  postmortemId: idSchema,
  tags: z
    .array(tagSchema)
    .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
    .transform((tags) => [...new Set(tags)].sort()),
});
export type SetTagsInput = z.input<typeof setTagsSchema>;
export type SetTagsData = z.output<typeof setTagsSchema>;
