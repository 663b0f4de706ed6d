import { z } from "zod";
import { idSchema, text } from "@/lib/validations/common";
import { SECTION_IDS } from "@/lib/domain/severity-policy";
import { COMMENT_ROW_KINDS } from "@/lib/domain/comment-anchors";

const rowAnchor = new RegExp(`^(${COMMENT_ROW_KINDS.join("|")}):[a-z0-9]{1,40}$`, "i");
const sectionAnchor = new RegExp(`^section:(${SECTION_IDS.join("|")})$`);

export const commentAnchorSchema = z
  .string()
  .max(60)
  .refine((a) => rowAnchor.test(a) || sectionAnchor.test(a), {
    message: "Comments go on a section, timeline row, why or corrective action.",
  });

export const addCommentSchema = z.object({
  postmortemId: idSchema,
  anchor: commentAnchorSchema,
  parentId: idSchema.nullable().optional(),
  body: text(4000, "Comment", 1),
  clientMutationId: z.uuid("Invalid client mutation id."),
});

export const resolveCommentSchema = z.object({
  postmortemId: idSchema,
  commentId: idSchema,
  resolved: z.boolean(),
});

export type AddCommentInput = z.output<typeof addCommentSchema>;
export type ResolveCommentInput = z.output<typeof resolveCommentSchema>;
