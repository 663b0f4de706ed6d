import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { authorize } from "@/lib/data/access";
import { appendDocEvents, type DocChange } from "@/lib/data/doc-events";
import { toAmountInput, type MetricsColumns, type UpdateMetricsSectionInput } from "@/lib/validations/timeline";

type Column = keyof MetricsColumns;

const COLUMNS: Column[] = [
  "usersAffected", "requestsAffected", "revenueImpactMinor", "revenueCurrency", "slaBreached",
  "detectOverrideMin", "acknowledgeOverrideMin", "mitigateOverrideMin", "resolveOverrideMin", "durationOverrideMin",
  "detectNotApplicable", "acknowledgeNotApplicable", "mitigateNotApplicable", "resolveNotApplicable", "durationNotApplicable",
];

const select = Object.fromEntries(COLUMNS.map((c) => [c, true])) as Record<Column, true>;

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** A stored value as the section's form holds it, keyed by the form's field name, for a conflict answer. */
function formEntry(column: Column, stored: MetricsColumns): [string, unknown] {
  const value = stored[column];
  if (column === "revenueImpactMinor") return ["revenueImpact", toAmountInput(stored.revenueImpactMinor?.toString() ?? null, stored.revenueCurrency)];
  if (typeof value === "number") return [column, String(value)];
  return [column, value ?? ""];
}

/**
 * The Key Metrics figures: each changed column is applied when its stored value still equals the editor's
 * `base`; a column someone else changed meanwhile is a CONFLICT carrying their value, and nothing is applied.
 */
export async function updateMetricsSection(actor: Actor, input: UpdateMetricsSectionInput): Promise<{ seq: number }> {
  return getDb().$transaction(async (tx) => {
    await authorize(tx, actor, input.postmortemId, "edit", true);
    const stored = (await tx.postmortem.findUniqueOrThrow({ where: { id: input.postmortemId }, select })) as MetricsColumns;
    const data: Partial<MetricsColumns> = {};
    const changes: DocChange[] = [];
    const conflicts: Record<string, unknown> = {};
    for (const column of COLUMNS) {
      if (!(column in input.changes)) continue;
      const next = input.changes[column];
      const current = stored[column];
      if (same(current, next)) continue;
      if (!same(current, input.base[column])) {
        const [field, value] = formEntry(column, stored);
        conflicts[field] = value;
        continue;
      }
      Object.assign(data, { [column]: next });
      changes.push({ entity: "postmortem", entityId: input.postmortemId, field: column, before: current, after: next });
    }
    if (Object.keys(conflicts).length > 0) throw new AppError("CONFLICT", { detail: conflicts });
    if (changes.length > 0) await tx.postmortem.update({ where: { id: input.postmortemId }, data });
    return { seq: await appendDocEvents(tx, input.postmortemId, actor.id, changes) };
  });
}
