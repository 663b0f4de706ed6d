import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { AppError, type FieldErrors } from "@/lib/errors";
import { assertMayChangeFields, type Tx } from "@/lib/data/access";
import { appendDocEvents, type DocChange } from "@/lib/data/doc-events";
import { formValuesOf, planFieldChanges, recordPlan, withEditLock, type EditTarget, type FieldPlan } from "@/lib/data/field-writes";
import { MEETING_BEFORE_INCIDENT, type SectionUpdate } from "@/lib/validations/sections";
import { isUniqueViolation } from "@/lib/db/unique-violation";

export type SectionUpdateResult = {
  seq: number;
  /** The applied fields in form format, so the editor can take them as its new base. */
  values: Record<string, unknown>;
};

const KEY_TAKEN = "That Incident ID is already used by another postmortem.";

const EMPTY_IMPACT = {
  customerLevel: null,
  customerDetail: "",
  revenueDetail: "",
  reputationalLevel: null,
  reputationalDetail: "",
  dataSecurityLevel: null,
  dataSecurityDetail: "",
  complianceLevel: null,
  complianceDetail: "",
};

/**
 * Applies one field section's edit to the Postmortem columns (or the ImpactAssessment row for the impact
 * section) following the write protocol: only changed fields, each checked against its `base`, all or
 * nothing, one DocEvent per applied field.
 */
export async function updatePostmortemSection(actor: Actor, input: SectionUpdate): Promise<SectionUpdateResult> {
  const changes = withoutUndefined(input.changes);
  const base = input.base as Record<string, unknown>;
  const id = input.postmortemId;
  try {
    return await withEditLock(
      actor,
      id,
      async (tx, access) => {
        if (access.appliedSeq !== null) return { seq: access.appliedSeq, values: {} };
        if (input.section === "impact") {
          const current = (await tx.impactAssessment.findUnique({ where: { postmortemId: id } })) ?? EMPTY_IMPACT;
          const plan = planFieldChanges(current, changes, base, { entity: "impact", entityId: id });
          if (plan.length === 0) return { seq: await appendDocEvents(tx, id, actor.id, []), values: {} };
          const data = dataOf(plan);
          await tx.impactAssessment.upsert({ where: { postmortemId: id }, create: { postmortemId: id, ...data }, update: data });
          return finish(tx, id, actor, plan, "impact", [], input.clientMutationId);
        }
        const current = await tx.postmortem.findUniqueOrThrow({ where: { id } });
        const plan = planFieldChanges(current, changes, base, { entity: "postmortem", entityId: id });
        assertMayChangeFields(
          actor,
          access,
          plan.map((p) => p.field),
        );
        if (plan.length === 0) return { seq: await appendDocEvents(tx, id, actor.id, []), values: {} };
        if (input.section === "details") await checkDetails(tx, id, current, plan);
        await tx.postmortem.update({ where: { id }, data: dataOf(plan) });
        const facilitatorChange = plan.find((p) => p.field === "facilitatorId");
        const extra = facilitatorChange ? await ensureFacilitator(tx, id, current.facilitatorId, facilitatorChange.after as string) : [];
        return finish(tx, id, actor, plan, "postmortem", extra, input.clientMutationId);
      },
      input.clientMutationId,
    );
  } catch (error) {
    // Two editors taking the same key at once: the unique index decides.
    if (isUniqueViolation(error)) {
      throw new AppError("VALIDATION", { message: KEY_TAKEN, fieldErrors: { incidentKey: [KEY_TAKEN] } });
    }
    throw error;
  }
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

function dataOf(plan: FieldPlan[]): Record<string, never> {
  return Object.fromEntries(plan.map((p) => [p.field, p.after])) as Record<string, never>;
}

async function finish(
  tx: Tx,
  id: string,
  actor: Actor,
  plan: FieldPlan[],
  entity: EditTarget["entity"],
  extra: DocChange[],
  clientMutationId?: string,
): Promise<SectionUpdateResult> {
  const seq = await recordPlan(tx, id, actor, { entity, entityId: id }, plan, clientMutationId, extra);
  return { seq, values: formValuesOf(plan) };
}

type StoredDetails = { incidentDate: Date; meetingDate: Date | null };

/** Rules that need the stored row or other tables; reported as field messages with nothing written. */
async function checkDetails(tx: Tx, id: string, current: StoredDetails, plan: FieldPlan[]) {
  const next = new Map(plan.map((p) => [p.field, p.after]));
  const errors: FieldErrors = {};
  const incidentDate = (next.get("incidentDate") as Date | undefined) ?? current.incidentDate;
  const meetingDate = next.has("meetingDate") ? (next.get("meetingDate") as Date | null) : current.meetingDate;
  if (meetingDate && meetingDate.getTime() < incidentDate.getTime()) {
    errors[next.has("meetingDate") ? "meetingDate" : "incidentDate"] = [MEETING_BEFORE_INCIDENT];
  }
  const incidentKey = next.get("incidentKey") as string | undefined;
  if (incidentKey && (await tx.postmortem.findFirst({ where: { incidentKey, id: { not: id } }, select: { id: true } }))) {
    errors.incidentKey = [KEY_TAKEN];
  }
  const teamId = next.get("teamId") as string | null | undefined;
  if (teamId && !(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } }))) {
    errors.teamId = ["Choose a team from the list."];
  }
  const facilitatorId = next.get("facilitatorId") as string | undefined;
  if (facilitatorId && !(await tx.user.findFirst({ where: { id: facilitatorId, disabled: false }, select: { id: true } }))) {
    errors.facilitatorId = ["Choose an active user as facilitator."];
  }
  if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", { fieldErrors: errors });
}

/**
 * The facilitator is always a FACILITATOR participant; the previous one stays in the meeting as an
 * attendee, so there is one facilitator row and nobody silently loses editing rights.
 */
async function ensureFacilitator(tx: Tx, postmortemId: string, previousId: string | null, nextId: string): Promise<DocChange[]> {
  const changes: DocChange[] = [];
  if (previousId && previousId !== nextId) {
    const previous = await tx.participant.findUnique({ where: { postmortemId_userId: { postmortemId, userId: previousId } } });
    if (previous?.role === "FACILITATOR") {
      await tx.participant.update({ where: { id: previous.id }, data: { role: "ATTENDEE" } });
      changes.push({ entity: "participant", entityId: previous.id, field: "role", before: "FACILITATOR", after: "ATTENDEE" });
    }
  }
  const row = await tx.participant.findUnique({ where: { postmortemId_userId: { postmortemId, userId: nextId } } });
  if (!row) {
    const created = await tx.participant.create({ data: { postmortemId, userId: nextId, role: "FACILITATOR" } });
    changes.push({
      entity: "participant",
      entityId: created.id,
      field: null,
      before: null,
      after: { userId: nextId, role: "FACILITATOR" },
    });
  } else if (row.role !== "FACILITATOR") {
    await tx.participant.update({ where: { id: row.id }, data: { role: "FACILITATOR" } });
    changes.push({ entity: "participant", entityId: row.id, field: "role", before: row.role, after: "FACILITATOR" });
  }
  return changes;
}
