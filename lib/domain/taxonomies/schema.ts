import { z } from "zod";
import { AiCauseKind, ImpactLevel, Severity } from "@/lib/generated/prisma/enums";
import atlasData from "./mitre-atlas.json";
import aiidData from "./aiid.json";
import oecdData from "./oecd-aim.json";

// The versioned taxonomy files and their schemas. Each file names its source and version; the schemas
// also check that every one of the ten checklist items is mapped and every referenced id exists.

const KINDS = Object.values(AiCauseKind);
const provenance = {
  taxonomy: z.string().min(1),
  source: z.string().regex(/https:\/\//, "The source must cite a URL."),
  sourceVersion: z.string().min(1),
  mappingVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
};
const byCause = <T extends z.ZodType>(value: T) =>
  z.record(z.enum(AiCauseKind), value).refine((r) => KINDS.every((k) => k in r), "Every AI checklist item must be mapped.");
const CONTEXT_FIELDS = z.enum(["aiProvider", "aiModel", "aiPromptVersion", "aiGuardrails", "aiDataSnapshot"]);

export const atlasSchema = z
  .object({
    ...provenance,
    note: z.string(),
    tactics: z.array(z.object({ id: z.string().regex(/^AML\.TA\d{4}$/), name: z.string().min(1) })).min(1),
    techniques: z
      .array(z.object({ id: z.string().regex(/^AML\.T\d{4}(\.\d{3})?$/), name: z.string().min(1), tactics: z.array(z.string()).min(1) }))
      .min(1),
    causes: byCause(z.array(z.string())),
    context: z.array(
      z.object({
        field: CONTEXT_FIELDS,
        whenCauses: z.array(z.enum(AiCauseKind)).min(1),
        techniques: z.array(z.string()).min(1),
        reason: z.string().min(1),
      }),
    ),
  })
  .superRefine((d, ctx) => {
    const tactics = new Set(d.tactics.map((t) => t.id));
    const techniques = new Set(d.techniques.map((t) => t.id));
    for (const t of d.techniques)
      for (const tactic of t.tactics)
        if (!tactics.has(tactic)) ctx.addIssue({ code: "custom", message: `${t.id} names unknown tactic ${tactic}` });
    const referenced = [...Object.values(d.causes).flat(), ...d.context.flatMap((c) => c.techniques)];
    for (const id of referenced) if (!techniques.has(id)) ctx.addIssue({ code: "custom", message: `Unknown technique ${id}` });
  });

export const aiidSchema = z.object({
  ...provenance,
  note: z.string(),
  csetFields: z.array(z.string().min(1)).min(1),
  tangibleHarm: z.record(z.enum(ImpactLevel), z.string().min(1)),
  gmfFields: z.array(z.string().min(1)).min(1),
  technologies: z.array(z.object({ when: CONTEXT_FIELDS, value: z.string().min(1) })),
  causes: byCause(z.object({ known: z.array(z.string().min(1)), potential: z.array(z.string().min(1)) })),
});

export const oecdSchema = z.object({
  ...provenance,
  fields: z.array(z.string().min(1)).min(1),
  severity: z.record(z.enum(Severity), z.string().min(1)),
  harmTypes: z.object({
    customer: z.string(),
    revenue: z.string(),
    reputational: z.string(),
    dataSecurity: z.string(),
    compliance: z.string(),
  }),
  stakeholders: z.object({ customerFacing: z.string(), always: z.string() }),
  causes: byCause(z.array(z.string().min(1)).min(1)),
});

export type AtlasTaxonomy = z.output<typeof atlasSchema>;
export type AiidTaxonomy = z.output<typeof aiidSchema>;
export type OecdTaxonomy = z.output<typeof oecdSchema>;
export type Taxonomies = { atlas: AtlasTaxonomy; aiid: AiidTaxonomy; oecd: OecdTaxonomy };

/** The raw files, for the schema test. */
export const TAXONOMY_FILES = { atlas: atlasData as unknown, aiid: aiidData as unknown, oecd: oecdData as unknown };

/** The shipped files, typed (validated by taxonomies.test.ts; a file that stops matching fails the build's tests). */
export const TAXONOMIES: Taxonomies = {
  atlas: atlasData as AtlasTaxonomy,
  aiid: aiidData as AiidTaxonomy,
  oecd: oecdData as OecdTaxonomy,
};
