import { z } from "zod";
import { idSchema } from "@/lib/validations/common";
import { SECTION_SCHEMAS, type SectionKey } from "@/lib/validations/sections";

// The envelope of every edit of an existing thing, whatever it is: the row (entity + id), the changed
// fields, the value each had when the editor began, and a client mutation id that makes a retry harmless.
// The fields themselves are checked by the entity's own schema when the edit is applied.

export const EDIT_ENTITIES = ["postmortem", "impact", "timeline", "why", "factor", "aiCause", "correctiveAction", "participant"] as const;
export type EditEntity = (typeof EDIT_ENTITIES)[number];

const fieldMap = z
  .record(z.string().max(64), z.unknown())
  .refine((m) => Object.keys(m).length <= 40, { message: "Too many fields in one edit." });

export const editSchema = z
  .object({
    postmortemId: idSchema,
    entity: z.enum(EDIT_ENTITIES, { error: "Unknown kind of edit." }),
    /** The row; for the postmortem's own fields (and impact) the postmortem's id. */
    entityId: z.string().min(1).max(64),
    changes: fieldMap,
    base: fieldMap,
    clientMutationId: z.uuid("Invalid client mutation id."),
    /**
     * Set when this edit creates the row `entityId` (an id the browser chose) with `changes` as its first
     * values, after the row `afterId` (null = at the top; omitted = at the end). Edits of the new row queue
     * behind it, so they can be made before the server has answered. Timeline rows only.
     */
    create: z.object({ afterId: z.union([idSchema, z.null()]).optional() }).optional(),
  })
  .refine((e) => e.create || Object.keys(e.changes).length > 0, { path: ["changes"], message: "Nothing to save." });

export type EditInput = z.input<typeof editSchema>;
export type Edit = z.output<typeof editSchema>;

/** Which field section of the postmortem a field belongs to (the section's schema validates it). */
export function sectionOfField(field: string): SectionKey | null {
  for (const [key, schema] of Object.entries(SECTION_SCHEMAS) as [SectionKey, (typeof SECTION_SCHEMAS)[SectionKey]][]) {
    if (key !== "impact" && field in schema.shape) return key;
  }
  return null;
}
