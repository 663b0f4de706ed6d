import { z } from "zod";
import { AiCauseKind, FactorCategory, Severity } from "@/lib/generated/prisma/enums";
import { parseIsoDay } from "@/lib/domain/dates";
import { stripControlCharacters } from "@/lib/validations/common";

// The managers' filters, shared by the list, insights, the tracker and the report. Everything lives in the
// URL, so each value is read leniently: a bad value is dropped (`.catch`), never a 500.

const day = z
  .string()
  .trim()
  .refine((v) => parseIsoDay(v) !== null)
  .optional()
  .catch(undefined);
const id = z
  .string()
  .trim()
  .regex(/^[a-z0-9]{1,40}$/i)
  .optional()
  .catch(undefined);

export const REVIEW_TYPES = ["FULL", "LIGHTWEIGHT", "LOG"] as const;
export const ACTION_FILTERS = ["open", "overdue"] as const;

export const browseFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .transform(stripControlCharacters)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  severity: z.enum(Severity).optional().catch(undefined),
  status: z.enum(["DRAFT", "IN_REVIEW", "PUBLISHED"]).optional().catch(undefined),
  teamId: id,
  aiCause: z.enum(AiCauseKind).optional().catch(undefined),
  factor: z.enum(FactorCategory).optional().catch(undefined),
  review: z.enum(REVIEW_TYPES).optional().catch(undefined),
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .max(40)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  from: day,
  to: day,
  facilitatorId: id,
  reviewOverdue: z.enum(["1"]).optional().catch(undefined),
  actions: z.enum(ACTION_FILTERS).optional().catch(undefined),
});
export type BrowseFilters = z.output<typeof browseFiltersSchema>;
export type BrowseFiltersInput = z.input<typeof browseFiltersSchema>;

/** Sorts a person can pick; each maps to a fixed ORDER BY in lib/data/postmortem-list.ts (an allowlist). */
export const LIST_SORTS = ["relevance", "newest", "oldest", "severity", "key"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const listPostmortemsSchema = browseFiltersSchema.extend({
  sort: z.enum(LIST_SORTS).optional().catch(undefined),
  after: z.string().max(400).optional().catch(undefined),
});
export type ListPostmortemsInput = z.input<typeof listPostmortemsSchema>;
export type ListPostmortemsQuery = z.output<typeof listPostmortemsSchema>;

/** The URL's search params (first value of each) as the flat record the schemas read. */
export function flattenParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") out[k] = value;
  }
  return out;
}

/** A query string from filter values, leaving out the empty ones; `overrides` replace or remove keys. */
export function toQueryString(values: Record<string, string | undefined>, overrides: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...overrides })) if (v !== undefined && v !== "") params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Keyset cursor: the sort key values of the last row shown, as base64url JSON. */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, length: number): string[] | null {
  if (!cursor) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(values) || values.length !== length || !values.every((v) => typeof v === "string" && v.length <= 200)) return null;
    return values as string[];
  } catch {
    return null;
  }
}
