import { z } from "zod";
import { EventKind, Milestone, SlaBreached } from "@/lib/generated/prisma/enums";
import { DEFAULT_CURRENCY, currencyDigits, isCurrencyCode, parseMoney } from "@/lib/domain/money";
import { idSchema, parseUtc, stripControlCharacters, text } from "@/lib/validations/common";

export const TIMELINE_LIMITS = { event: 500, actor: 200, notes: 2000, paste: 20_000, pasteRows: 500, rows: 1000 } as const;

export const TIME_FORMAT_MESSAGE = "Enter the time as YYYY-MM-DD HH:mm (UTC), or HH:mm on the incident day.";

/** "" or null → no time; "YYYY-MM-DD HH:mm" / "YYYY-MM-DDTHH:mm" → that minute in UTC; impossible dates refused. */
export const occurredAtSchema = z.union([z.string({ error: TIME_FORMAT_MESSAGE }), z.null()]).transform((value, ctx) => {
  if (value === null || value.trim() === "") return null;
  const date = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2})?Z?$/.test(value.trim()) ? parseUtc(value) : null;
  if (!date) {
    ctx.addIssue({ code: "custom", message: TIME_FORMAT_MESSAGE });
    return z.NEVER;
  }
  return date;
});

export const milestoneSchema = z
  .union([z.enum(Milestone, { error: "Choose a milestone from the list." }), z.literal(""), z.null()])
  .transform((v) => (v ? v : null));

export const eventKindSchema = z.enum(EventKind, { error: "Choose an event kind from the list." });

/** The editable fields of a timeline row, as the row editor holds them. */
export const timelineFieldsSchema = z.object({
  occurredAt: occurredAtSchema,
  event: text(TIMELINE_LIMITS.event, "Event"),
  actor: text(TIMELINE_LIMITS.actor, "Actor"),
  notes: text(TIMELINE_LIMITS.notes, "Notes"),
  milestone: milestoneSchema,
  kind: eventKindSchema,
});

export type TimelineFieldsInput = z.input<typeof timelineFieldsSchema>;
export type TimelineFields = z.output<typeof timelineFieldsSchema>;
export type TimelineField = keyof TimelineFields;
export const TIMELINE_FIELDS = Object.keys(timelineFieldsSchema.shape) as TimelineField[];

// The values a field had when the editor began are stored values, so only their type is checked: a
// length limit tightened later must not make an old row uneditable.
const timelineBaseSchema = z.object({
  occurredAt: occurredAtSchema,
  event: z.string().max(100_000),
  actor: z.string().max(100_000),
  notes: z.string().max(100_000),
  milestone: milestoneSchema,
  kind: eventKindSchema,
});

const clientMutationIdSchema = z.uuid({ error: "Invalid client mutation id." });

/**
 * The id a browser chooses for a row it creates (a UUID without its dashes): the row can be edited before
 * the server has answered, its edits queued behind the create.
 */
export const newRowIdSchema = z.string().regex(/^[0-9a-f]{32}$/, "Invalid row id.");

export const createTimelineEntrySchema = timelineFieldsSchema.partial().extend({
  postmortemId: idSchema,
  clientMutationId: clientMutationIdSchema,
  /** The new row's id, when the browser chose it; otherwise the server makes one. */
  id: newRowIdSchema.optional(),
  /** Insert after that row; null = at the top; omitted = at the end. */
  afterId: z.union([idSchema, z.null()]).optional(),
});

export const updateTimelineEntrySchema = z
  .object({
    postmortemId: idSchema,
    entryId: idSchema,
    changes: timelineFieldsSchema.partial(),
    base: timelineBaseSchema.partial(),
    clientMutationId: clientMutationIdSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const changed = Object.keys(v.changes);
    if (changed.length === 0) ctx.addIssue({ code: "custom", path: ["changes"], message: "Nothing to save." });
    for (const field of changed) {
      if (!(field in v.base)) ctx.addIssue({ code: "custom", path: ["base", field], message: "The previous value is missing." });
    }
  });

export const deleteTimelineEntrySchema = z.object({ postmortemId: idSchema, entryId: idSchema });

export const moveTimelineEntrySchema = z.object({
  postmortemId: idSchema,
  entryId: idSchema,
  /** Place the row after this one; null = at the top. */
  afterId: z.union([idSchema, z.null()]),
});

export const pasteTimelineSchema = z.object({
  postmortemId: idSchema,
  text: z
    .string({ error: "Paste some lines." })
    .transform(stripControlCharacters)
    .pipe(
      z
        .string()
        .trim()
        .min(1, "Paste at least one line.")
        .max(TIMELINE_LIMITS.paste, `Paste at most ${TIMELINE_LIMITS.paste.toLocaleString("en-GB")} characters at once.`),
    ),
  clientMutationId: clientMutationIdSchema,
});

export type CreateTimelineEntryInput = z.output<typeof createTimelineEntrySchema>;
export type UpdateTimelineEntryInput = z.output<typeof updateTimelineEntrySchema>;
export type DeleteTimelineEntryInput = z.output<typeof deleteTimelineEntrySchema>;
export type MoveTimelineEntryInput = z.output<typeof moveTimelineEntrySchema>;
export type PasteTimelineInput = z.output<typeof pasteTimelineSchema>;

/** What the time cell shows for a stored time: "2026-11-20 14:05". */
export function toTimeCell(iso: string | null | undefined): string {
  return iso ? new Date(iso).toISOString().slice(0, 16).replace("T", " ") : "";
}

/**
 * What a facilitator types, made explicit before validation: a bare "14:05" (or "9:05") is that time on
 * the incident's UTC day; anything else is left for the schema to judge.
 */
export function expandTimeCell(value: string, incidentDate: string): string {
  const trimmed = value.trim();
  const bare = /^(\d{1,2}):(\d{2})$/.exec(trimmed);
  if (bare) return `${incidentDate.slice(0, 10)} ${bare[1].padStart(2, "0")}:${bare[2]}`;
  return trimmed.replace("T", " ");
}

// ---- Key metrics -------------------------------------------------------------------------------

/** The counts are INTEGER columns, so this is their ceiling (the template asks for no more). */
export const MAX_COUNT = 2_147_483_647;
/** One year: an override beyond that is a typo, not an incident. */
export const MAX_OVERRIDE_MINUTES = 525_600;

function wholeNumber(label: string, max: number, hint: string) {
  return z.union([z.string(), z.number(), z.null()], { error: `${label} must be a whole number.` }).transform((raw, ctx) => {
    if (raw === null) return null;
    const value = typeof raw === "number" ? String(raw) : raw.trim().replace(/[,\s\u00a0]/g, "");
    if (value === "") return null;
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (/^[-−]/.test(value)) return fail(`${label} can't be negative.`);
    if (!/^\d+$/.test(value)) return fail(`${label} must be a whole number${hint}.`);
    const n = Number(value);
    if (n > max) return fail(`${label} must be at most ${max.toLocaleString("en-GB")}.`);
    return n;
  });
}

const count = (label: string) => wholeNumber(label, MAX_COUNT, "");
const overrideMinutes = (label: string) => wholeNumber(label, MAX_OVERRIDE_MINUTES, " of minutes, or empty to derive it from the timeline");

export const CURRENCY_CHOICES = ["GBP", "USD", "EUR", "JPY", "CAD", "AUD", "CHF", "INR", "SEK", "SGD"] as const;

const metricsFields = z.object({
  usersAffected: count("Users affected"),
  requestsAffected: count("Requests affected"),
  revenueImpact: z.string({ error: "Revenue impact must be an amount." }).max(40, "Revenue impact is too long."),
  revenueCurrency: z
    .string({ error: "Choose a currency." })
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, "Choose a three-letter currency code such as GBP."),
  slaBreached: z.enum(SlaBreached, { error: "Choose Yes, No or Unknown." }),
  detectOverrideMin: overrideMinutes("Time to detect"),
  acknowledgeOverrideMin: overrideMinutes("Time to acknowledge"),
  mitigateOverrideMin: overrideMinutes("Time to mitigate"),
  resolveOverrideMin: overrideMinutes("Time to resolve"),
  durationOverrideMin: overrideMinutes("Total duration"),
  detectNotApplicable: z.boolean(),
  acknowledgeNotApplicable: z.boolean(),
  mitigateNotApplicable: z.boolean(),
  resolveNotApplicable: z.boolean(),
  durationNotApplicable: z.boolean(),
});

export type MetricsFormValues = z.input<typeof metricsFields>;
type MetricsFieldsOutput = z.output<typeof metricsFields>;

/** The Postmortem columns the Key Metrics section writes. */
export type MetricsColumns = Omit<MetricsFieldsOutput, "revenueImpact"> & { revenueImpactMinor: bigint | null };

// The amount is read in its currency (JPY has no decimals), so both travel together.
function toColumns(values: Partial<MetricsFieldsOutput>, ctx: z.RefinementCtx): Partial<MetricsColumns> {
  const { revenueImpact, ...rest } = values;
  if (revenueImpact === undefined) return rest;
  if (revenueImpact.trim() === "") return { ...rest, revenueImpactMinor: null };
  if (values.revenueCurrency === undefined) {
    ctx.addIssue({ code: "custom", path: ["revenueCurrency"], message: "Choose a currency." });
    return z.NEVER;
  }
  const parsed = parseMoney(revenueImpact, values.revenueCurrency);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", path: ["revenueImpact"], message: `${parsed.message}.` });
    return z.NEVER;
  }
  return { ...rest, revenueImpactMinor: parsed.minor };
}

/** Why a Key Metrics field cannot be saved as typed (the amount is read in `currency`), or undefined. */
export function metricsFieldProblem(field: string, value: unknown, currency: unknown): string | undefined {
  const schema = metricsFields.shape[field as keyof MetricsFormValues];
  const result = schema?.safeParse(value);
  if (result && !result.success) return result.error.issues[0]?.message;
  if (field !== "revenueImpact" || String(value ?? "").trim() === "" || !isCurrencyCode(String(currency))) return undefined;
  const parsed = parseMoney(String(value), String(currency));
  return parsed.ok ? undefined : `${parsed.message}.`;
}

export const updateMetricsSectionSchema = z
  .object({
    postmortemId: idSchema,
    changes: metricsFields.partial().transform(toColumns),
    base: metricsFields.partial().transform(toColumns),
    clientMutationId: clientMutationIdSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const changed = Object.keys(v.changes);
    if (changed.length === 0) ctx.addIssue({ code: "custom", path: ["changes"], message: "Nothing to save." });
    for (const field of changed) {
      if (!(field in v.base)) ctx.addIssue({ code: "custom", path: ["base", field], message: "The previous value is missing." });
    }
  });

export type UpdateMetricsSectionInput = z.output<typeof updateMetricsSectionSchema>;

/** "1234.50" for 123450 minor units of GBP: the amount as the revenue input holds it. */
export function toAmountInput(minor: string | null, currency: string = DEFAULT_CURRENCY): string {
  if (minor === null || minor === "") return "";
  const digits = isCurrencyCode(currency) ? currencyDigits(currency) : 2;
  const value = BigInt(minor);
  if (digits === 0) return value.toString();
  const scale = 10n ** BigInt(digits);
  return `${value / scale}.${(value % scale).toString().padStart(digits, "0")}`;
}
