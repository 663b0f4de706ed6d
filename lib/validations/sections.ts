import { z } from "zod";
import { AiCauseKind, FactorCategory, ImpactLevel, ParticipantRole, RootCauseCategory, Severity } from "@/lib/generated/prisma/enums";
import { idSchema, optionalIdSchema, optionalUtcDateTime, text, utcDateTime } from "@/lib/validations/common";
import { incidentKeySchema } from "@/lib/validations/postmortem";

// One schema per field section of the document page (the values of that section's form), plus the
// write envelopes: an edit carries only its changed fields and the value each had when the editor began.

/** An optional enum from a <select>: "" and null both mean "not set". */
function optionalEnum<T extends Record<string, string>>(values: T, label: string) {
  return z
    .union([z.enum(values, { error: `Choose a valid ${label}.` }), z.literal(""), z.null()])
    .optional()
    .transform((v) => (v ? v : null));
}

const EVAL_SCORE = /^\d{1,4}(\.\d{1,3})?$/;

/** A score between 0 and 9999.999 as a decimal string ("" → not recorded). */
function evalScore(label: string) {
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((v, ctx) => {
      const value = (v ?? "").trim();
      if (value === "") return null;
      if (!EVAL_SCORE.test(value)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a number from 0 to 9999.999 (up to 3 decimals).` });
        return z.NEVER;
      }
      return value;
    });
}

const checkbox = z.boolean({ error: "Must be checked or unchecked." });

export const detailsSectionSchema = z.object({
  incidentKey: incidentKeySchema,
  incidentName: text(200, "Incident name", 1),
  incidentDate: utcDateTime("Date of incident"),
  meetingDate: optionalUtcDateTime("Post-mortem date"),
  teamId: optionalIdSchema,
  facilitatorId: z.string({ error: "Choose a facilitator." }).trim().min(1, "Choose a facilitator.").pipe(idSchema),
});

export const severitySectionSchema = z.object({
  severity: z.enum(Severity, { error: "Choose a severity." }),
});

export const summarySectionSchema = z.object({
  summary: text(2000, "Summary"),
});

export const rootCauseSectionSchema = z.object({
  problemStatement: text(2000, "Problem"),
  rootCause: text(2000, "Root cause"),
  rootCauseCategory: optionalEnum(RootCauseCategory, "root cause category"),
});

export const aiContextSectionSchema = z.object({
  aiProvider: text(200, "Provider"),
  aiModel: text(200, "Model and version"),
  aiPromptVersion: text(200, "Prompt/template version or hash"),
  aiGuardrails: text(2000, "Guardrails"),
  aiDataSnapshot: text(2000, "Data or retrieval snapshot"),
  evalScoreBefore: evalScore("Evaluation score before"),
  evalScoreAfter: evalScore("Evaluation score after"),
});

export const lessonsSectionSchema = z.object({
  lessonsWentWell: text(4000, "What went well"),
  lessonsCouldImprove: text(4000, "What could be improved"),
  lessonsDoDifferently: text(4000, "What we will do differently"),
});

export const externalSectionSchema = z.object({
  customerFacing: checkbox,
  externalSummary: text(3000, "What happened"),
  externalWhatWeDid: text(3000, "What we did"),
  externalPrevention: text(3000, "How we are preventing recurrence"),
  restricted: checkbox,
});

export const impactSectionSchema = z.object({
  customerLevel: optionalEnum(ImpactLevel, "impact level"),
  customerDetail: text(1000, "Customer impact detail"),
  revenueDetail: text(1000, "Revenue impact detail"),
  reputationalLevel: optionalEnum(ImpactLevel, "impact level"),
  reputationalDetail: text(1000, "Reputational impact detail"),
  dataSecurityLevel: optionalEnum(ImpactLevel, "impact level"),
  dataSecurityDetail: text(1000, "Data/security impact detail"),
  complianceLevel: optionalEnum(ImpactLevel, "impact level"),
  complianceDetail: text(1000, "Compliance impact detail"),
});

export const SECTION_SCHEMAS = {
  details: detailsSectionSchema,
  severity: severitySectionSchema,
  summary: summarySectionSchema,
  rootCause: rootCauseSectionSchema,
  aiContext: aiContextSectionSchema,
  lessons: lessonsSectionSchema,
  external: externalSectionSchema,
  impact: impactSectionSchema,
} as const;

export type SectionKey = keyof typeof SECTION_SCHEMAS;
export type SectionInput<K extends SectionKey> = z.input<(typeof SECTION_SCHEMAS)[K]>;
export type SectionOutput<K extends SectionKey> = z.output<(typeof SECTION_SCHEMAS)[K]>;

export const MEETING_BEFORE_INCIDENT = "The post-mortem date cannot be before the date of the incident.";

// Refined copies cannot be made partial, so the envelopes below use the plain schemas; the data layer
// repeats this check against the stored dates.
const detailsFormSchema = detailsSectionSchema.refine((v) => !v.meetingDate || v.meetingDate.getTime() >= v.incidentDate.getTime(), {
  path: ["meetingDate"],
  message: MEETING_BEFORE_INCIDENT,
});

/** The schema a section's form validates with: the details form also checks the dates against each other. */
export function sectionFormSchema<K extends SectionKey>(section: K): (typeof SECTION_SCHEMAS)[K] {
  return (section === "details" ? detailsFormSchema : SECTION_SCHEMAS[section]) as (typeof SECTION_SCHEMAS)[K];
}

const clientMutationIdSchema = z.uuid("Invalid client mutation id.");

/**
 * `base` is what the editor showed, normalised like the changes (trimmed text, parsed dates) so it compares
 * with the stored row; a base value the schema would reject (say an unset facilitator) is kept as sent
 * rather than failing the edit, since it is only ever compared, never written.
 */
function lenientPartial<S extends z.ZodRawShape>(shape: S) {
  return z.object(
    Object.fromEntries(
      Object.entries(shape).map(([k, v]) => [k, (v as z.ZodType).catch((ctx: { input: unknown }) => ctx.input).optional()]),
    ),
  );
}

/** The envelope of one section edit: changed fields, and their values when the editor began. */
export function sectionUpdateSchema<K extends SectionKey>(section: K) {
  const fields = SECTION_SCHEMAS[section];
  return z.object({
    postmortemId: idSchema,
    section: z.literal(section),
    changes: fields.partial(),
    base: lenientPartial(fields.shape),
    clientMutationId: clientMutationIdSchema.optional(),
  });
}

export const anySectionUpdateSchema = z.discriminatedUnion("section", [
  sectionUpdateSchema("details"),
  sectionUpdateSchema("severity"),
  sectionUpdateSchema("summary"),
  sectionUpdateSchema("rootCause"),
  sectionUpdateSchema("aiContext"),
  sectionUpdateSchema("lessons"),
  sectionUpdateSchema("external"),
  sectionUpdateSchema("impact"),
]);

export type SectionUpdateInput = z.input<typeof anySectionUpdateSchema>;
export type SectionUpdate = z.output<typeof anySectionUpdateSchema>;

// Row editors of the field sections.

const participantRoleSchema = z.enum(ParticipantRole, { error: "Choose a role." }).refine((r) => r !== "FACILITATOR", {
  message: "Choose the facilitator with the Facilitator field.",
});

export const addParticipantSchema = z
  .object({
    postmortemId: idSchema,
    userId: optionalIdSchema,
    name: text(120, "Name").optional().default(""),
    role: participantRoleSchema,
    clientMutationId: clientMutationIdSchema,
  })
  .refine((v) => v.userId || v.name, { path: ["name"], message: "Choose a person or type a name." });

export const updateParticipantRoleSchema = z.object({
  postmortemId: idSchema,
  participantId: idSchema,
  role: participantRoleSchema,
  baseRole: z.enum(ParticipantRole),
});

export const removeParticipantSchema = z.object({ postmortemId: idSchema, participantId: idSchema });

export const setAiCauseSchema = z.object({
  postmortemId: idSchema,
  kind: z.enum(AiCauseKind, { error: "Unknown checklist item." }),
  checked: checkbox,
  evidence: text(2000, "Evidence").optional().default(""),
  /** The evidence when the editor began; absent when only ticking the box. */
  baseEvidence: z.string().max(10_000).optional(),
  clientMutationId: clientMutationIdSchema.optional(),
});

export const factorFieldsSchema = z.object({
  category: z.enum(FactorCategory, { error: "Choose Technical, Process or Human." }),
  description: text(2000, "Description"),
});

export const addFactorSchema = factorFieldsSchema.extend({
  postmortemId: idSchema,
  clientMutationId: clientMutationIdSchema,
});

export const updateFactorSchema = z.object({
  postmortemId: idSchema,
  factorId: idSchema,
  changes: factorFieldsSchema.partial(),
  base: factorFieldsSchema.partial(),
  clientMutationId: clientMutationIdSchema.optional(),
});

export const deleteFactorSchema = z.object({ postmortemId: idSchema, factorId: idSchema });

export const whyTextSchema = text(1000, "Why");

export const updateWhySchema = z.object({
  postmortemId: idSchema,
  whyId: idSchema,
  changes: z.object({ text: whyTextSchema }),
  base: z.object({ text: z.string().max(10_000) }),
  clientMutationId: clientMutationIdSchema.optional(),
});

export const addWhySchema = z.object({
  postmortemId: idSchema,
  clientMutationId: clientMutationIdSchema,
  text: whyTextSchema.optional().default(""),
});

export const deleteWhySchema = z.object({ postmortemId: idSchema, whyId: idSchema });

export type AddParticipantInput = z.output<typeof addParticipantSchema>;
export type UpdateParticipantRoleInput = z.output<typeof updateParticipantRoleSchema>;
export type SetAiCauseInput = z.output<typeof setAiCauseSchema>;
export type AddFactorInput = z.output<typeof addFactorSchema>;
export type UpdateFactorInput = z.output<typeof updateFactorSchema>;
export type UpdateWhyInput = z.output<typeof updateWhySchema>;
export type AddWhyInput = z.output<typeof addWhySchema>;
