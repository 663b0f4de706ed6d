import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { authorize } from "@/lib/data/access";
import { planFieldChanges, recordPlan, type EditTarget } from "@/lib/data/field-writes";
import { toAmountInput, type MetricsColumns, type UpdateMetricsSectionInput } from "@/lib/validations/timeline";

type Column = keyof MetricsColumns;

const COLUMNS: Column[] = [
  "usersAffected",
  "requestsAffected",
  "revenueImpactMinor",
  "revenueCurrency",
  "slaBreached",
  "detectOverrideMin",
  "acknowledgeOverrideMin",
  "mitigateOverrideMin",
  "resolveOverrideMin",
  "durationOverrideMin",
  "detectNotApplicable",
  "acknowledgeNotApplicable",
  "mitigateNotApplicable",
  "resolveNotApplicable",
  "durationNotApplicable",
];

const select = Object.fromEntries(COLUMNS.map((c) => [c, true])) as Record<Column, true>;

/** A stored value as the section's form holds it, keyed by the form's field name, for a conflict answer. */
function formEntry(column: Column, stored: MetricsColumns): [string, unknown] {
  const value = stored[column];
  if (column === "revenueImpactMinor")
    return ["revenueImpact", toAmountInput(stored.revenueImpactMinor?.toString() ?? null, stored.revenueCurrency)];
  if (typeof value === "number") return [column, String(value)];
  return [column, value ?? ""];
}

/**
 * The Key Metrics figures: each changed column is applied when its stored value still equals the editor's
 * `base`; a column someone else changed meanwhile is a CONFLICT carrying their value, and nothing is applied.
 */
export async function updateMetricsSection(actor: Actor, input: UpdateMetricsSectionInput): Promise<{ seq: number }> {
  return getDb().$transaction(async (tx) => {
    const access = await authorize(tx, actor, input.postmortemId, "edit", { clientMutationId: input.clientMutationId });
    if (access.appliedSeq !== null) return { seq: access.appliedSeq };
    const stored = (await tx.postmortem.findUniqueOrThrow({ where: { id: input.postmortemId }, select })) as MetricsColumns;
    const target: EditTarget = {
      entity: "postmortem",
      entityId: input.postmortemId,
      theirs: (column, current) => formEntry(column as Column, current as MetricsColumns),
    };
    const changes = Object.fromEntries(COLUMNS.filter((c) => c in input.changes).map((c) => [c, input.changes[c]]));
    const plan = planFieldChanges(stored, changes, input.base, target);
    if (plan.length > 0) {
      await tx.postmortem.update({ where: { id: input.postmortemId }, data: Object.fromEntries(plan.map((p) => [p.field, p.after])) });
    }
    return { seq: await recordPlan(tx, input.postmortemId, actor, target, plan, input.clientMutationId) };
  });
}
