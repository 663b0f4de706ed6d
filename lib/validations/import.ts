import { z } from "zod";
import {
  ActionHorizon,
  ActionStatus,
  AiCauseKind,
  EventKind,
  FactorCategory,
  ImpactLevel,
  Milestone,
  ParticipantRole,
  RootCauseCategory,
  Severity,
  SlaBreached,
} from "@/lib/generated/prisma/enums";
import { JSON_EXPORT_FORMAT } from "@/lib/domain/exports-json";
import { incidentKeySchema } from "@/lib/validations/postmortem";

// The JSON export (docs/json-export.md) read back. Every field the exporter writes is accepted; unknown
// keys are ignored, so a newer minor addition does not block an import. Lengths match the form limits.

const str = (max: number) => z.string().max(max, `Longer than ${max} characters.`).default("");
const isoTime = z.iso.datetime({ offset: true, error: "Use an ISO 8601 time." });
const isoDay = z.iso.date({ error: "Use a YYYY-MM-DD date." });
const level = z.enum(ImpactLevel).nullable().default(null);
const money = z
  .object({ minor: z.string().regex(/^-?\d{1,18}$/), currency: z.string().regex(/^[A-Z]{3}$/) })
  .nullable()
  .default(null);

export const postmortemJsonSchema = z.object({
  format: z.literal(JSON_EXPORT_FORMAT, { error: `Not a postmortem export (expected "format": "${JSON_EXPORT_FORMAT}").` }),
  incident: z.object({
    id: z.string().max(40),
    name: z.string().trim().min(1, "The incident has no name.").max(200),
    date: isoDay,
    postmortemDate: isoTime.nullable().default(null),
    facilitator: z.string().max(200).nullable().default(null),
    team: z.string().max(200).nullable().default(null),
    participants: z
      .array(z.object({ name: z.string().max(200), role: z.enum(ParticipantRole) }))
      .max(200)
      .default([]),
  }),
  severity: z.object({ value: z.enum(Severity) }),
  summary: str(2000),
  keyMetrics: z.object({
    times: z
      .array(
        z.object({
          key: z.enum(["detect", "acknowledge", "mitigate", "resolve", "duration"]),
          minutes: z.number().int().min(0).nullable(),
          source: z.enum(["derived", "override", "not_applicable", "missing"]),
        }),
      )
      .max(5)
      .default([]),
    usersAffected: z.number().int().min(0).nullable().default(null),
    requestsAffected: z.number().int().min(0).nullable().default(null),
    revenueImpact: money,
    slaBreached: z.enum(SlaBreached).default("UNKNOWN"),
  }),
  timeline: z
    .array(
      z.object({
        time: isoTime.nullable().default(null),
        event: str(2000),
        actor: str(200),
        notes: str(2000),
        milestone: z.enum(Milestone).nullable().default(null),
        kind: z.enum(EventKind).nullable().default(null),
      }),
    )
    .max(2000)
    .default([]),
  rootCauseAnalysis: z.object({
    problem: str(2000),
    whys: z.array(z.string().max(2000)).max(50).default([]),
    rootCause: str(2000),
    category: z.enum(RootCauseCategory).nullable().default(null),
  }),
  contributingFactors: z
    .array(z.object({ category: z.enum(FactorCategory), description: str(2000) }))
    .max(100)
    .default([]),
  aiSpecificRootCauses: z
    .array(z.object({ kind: z.enum(AiCauseKind), evidence: str(2000) }))
    .max(10)
    .default([]),
  aiContext: z.object({
    provider: str(200),
    model: str(200),
    promptVersion: str(200),
    guardrails: str(2000),
    dataSnapshot: str(2000),
    evalScoreBefore: z
      .string()
      .regex(/^\d{1,4}(\.\d{1,3})?$/)
      .nullable()
      .default(null),
    evalScoreAfter: z
      .string()
      .regex(/^\d{1,4}(\.\d{1,3})?$/)
      .nullable()
      .default(null),
  }),
  impactAssessment: z.object({
    customer: z.object({ level, detail: str(2000) }),
    revenue: z.object({ detail: str(2000) }),
    reputational: z.object({ level, detail: str(2000) }),
    dataSecurity: z.object({ level, detail: str(2000) }),
    compliance: z.object({ level, detail: str(2000) }),
  }),
  correctiveActions: z
    .array(
      z.object({
        number: z.number().int().min(1).max(100000),
        horizon: z.enum(ActionHorizon),
        action: str(2000),
        owner: z.string().max(200).nullable().default(null),
        deadline: isoDay.nullable().default(null),
        status: z.enum(ActionStatus),
        wontDoReason: str(2000),
        ticket: str(500),
        completedAt: isoTime.nullable().default(null),
      }),
    )
    .max(1000)
    .default([]),
  lessonsLearned: z.object({ wentWell: str(4000), couldImprove: str(4000), doDifferently: str(4000) }),
  customerFacing: z.boolean().default(false),
  externalSummary: z.object({ whatHappened: str(3000), whatWeDid: str(3000), prevention: str(3000) }),
});

export type PostmortemJson = z.output<typeof postmortemJsonSchema>;

export const importPostmortemSchema = z.object({
  incidentKey: incidentKeySchema,
  json: z.string().min(1, "Choose an exported JSON file.").max(900_000, "That file is too large (900 kB at most)."),
});
export type ImportPostmortemInput = z.input<typeof importPostmortemSchema>;
