import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { setAiCause } from "@/lib/data/ai-causes";
import { getAssistantSettings, getDraftTarget } from "@/lib/data/assistant";
import { withDocEventOrigin } from "@/lib/data/doc-event-origin";
import { toFormValue } from "@/lib/data/field-writes";
import { updateMetricsSection } from "@/lib/data/metrics";
import { updatePostmortemSection } from "@/lib/data/postmortem-fields";
import { createTimelineEntry } from "@/lib/data/timeline";
import { AppError } from "@/lib/errors";
import type { SlaBreached } from "@/lib/generated/prisma/enums";
import type { AcceptDraftItemInput } from "@/lib/validations/draft";
import { sectionUpdateSchema } from "@/lib/validations/sections";

// The one place accepted proposals are written: each goes through the document's own write functions (so
// authorisation, conflict checks and DocEvents are theirs), marked as drafted by the assistant.

const notFound = () => new AppError("NOT_FOUND");

async function current(postmortemId: string) {
  const row = await getDb().postmortem.findFirst({
    where: { id: postmortemId, deletedAt: null },
    select: {
      summary: true,
      usersAffected: true,
      requestsAffected: true,
      slaBreached: true,
      aiProvider: true,
      aiModel: true,
      aiPromptVersion: true,
      aiGuardrails: true,
      evalScoreBefore: true,
      evalScoreAfter: true,
      impact: true,
      aiCauses: { select: { kind: true, evidence: true } },
    },
  });
  if (!row) throw notFound();
  return row;
}

async function write(actor: Actor, input: AcceptDraftItemInput): Promise<{ seq: number | null }> {
  const { postmortemId, clientMutationId, item } = input;
  switch (item.type) {
    case "timeline": {
      const { row } = item;
      const result = await createTimelineEntry(actor, {
        postmortemId,
        clientMutationId,
        occurredAt: row.occurredAt ? new Date(row.occurredAt) : null,
        event: row.event,
        actor: row.actor,
        notes: "",
        milestone: row.milestone,
        kind: row.kind,
      });
      return { seq: result.seq };
    }
    case "summary": {
      const stored = await current(postmortemId);
      const update = sectionUpdateSchema("summary").parse({
        postmortemId,
        section: "summary",
        clientMutationId,
        changes: { summary: item.text },
        base: { summary: stored.summary },
      });
      return { seq: (await updatePostmortemSection(actor, update)).seq };
    }
    case "aiContext": {
      const stored = await current(postmortemId);
      const { field, value } = item.context;
      const update = sectionUpdateSchema("aiContext").parse({
        postmortemId,
        section: "aiContext",
        clientMutationId,
        changes: { [field]: value },
        base: { [field]: toFormValue(stored[field]) },
      });
      return { seq: (await updatePostmortemSection(actor, update)).seq };
    }
    case "aiCause": {
      const stored = await current(postmortemId);
      const existing = stored.aiCauses.find((c) => c.kind === item.cause.kind);
      const evidence = existing?.evidence.trim() ? `${existing.evidence.trim()}\n${item.cause.evidence}` : item.cause.evidence;
      await setAiCause(actor, {
        postmortemId,
        kind: item.cause.kind,
        checked: true,
        evidence: evidence.slice(0, 2_000),
        baseEvidence: existing?.evidence,
      });
      return { seq: null };
    }
    case "impact":
      return acceptImpact(actor, input, item.hint);
  }
}

async function acceptImpact(
  actor: Actor,
  input: AcceptDraftItemInput,
  hint: Extract<AcceptDraftItemInput["item"], { type: "impact" }>["hint"],
) {
  const { postmortemId, clientMutationId } = input;
  const stored = await current(postmortemId);
  if (hint.field === "usersAffected" || hint.field === "requestsAffected") {
    const value = Number(hint.value);
    if (!Number.isSafeInteger(value) || value < 0) throw new AppError("VALIDATION", { fieldErrors: { value: ["Enter a whole number."] } });
    const result = await updateMetricsSection(actor, {
      postmortemId,
      changes: { [hint.field]: value },
      base: { [hint.field]: stored[hint.field] },
    });
    return { seq: result.seq };
  }
  if (hint.field === "slaBreached") {
    if (!["YES", "NO", "UNKNOWN"].includes(hint.value))
      throw new AppError("VALIDATION", { fieldErrors: { value: ["Choose Yes, No or Unknown."] } });
    const result = await updateMetricsSection(actor, {
      postmortemId,
      changes: { slaBreached: hint.value as SlaBreached },
      base: { slaBreached: stored.slaBreached },
    });
    return { seq: result.seq };
  }
  const impact = stored.impact;
  const changes: Record<string, string> =
    hint.field === "revenueDetail"
      ? { revenueDetail: hint.value }
      : { [hint.field]: hint.value, [hint.field.replace(/Level$/, "Detail")]: hint.detail };
  const base = Object.fromEntries(Object.keys(changes).map((k) => [k, toFormValue(impact?.[k as keyof typeof impact] ?? null)]));
  const update = sectionUpdateSchema("impact").parse({ postmortemId, section: "impact", clientMutationId, changes, base });
  return { seq: (await updatePostmortemSection(actor, update)).seq };
}

/** Writes one accepted proposal; refused while an admin has the assistant turned off. */
export async function acceptDraftItem(actor: Actor, input: AcceptDraftItemInput): Promise<{ seq: number | null }> {
  await getDraftTarget(actor, input.postmortemId);
  if (!(await getAssistantSettings()).enabled) throw new AppError("ASSISTANT_OFF");
  return withDocEventOrigin("assistant", () => write(actor, input));
}
