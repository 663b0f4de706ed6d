import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { OrgRole, Severity } from "@/lib/generated/prisma/enums";
import { createPostmortem } from "@/lib/data/postmortems";
import { createAction, DEADLINE_BEFORE_INCIDENT, deleteAction, listMyActions, setActionStatus, updateAction } from "@/lib/data/actions";
import { refusal } from "@/test/refusal";
import {
  createActionSchema,
  setActionStatusSchema,
  updateActionSchema,
  type CreateActionInput,
  type UpdateActionInput,
} from "@/lib/validations/actions";

let n = 0;
async function makeUser(role: OrgRole = "MEMBER", name = "User"): Promise<Actor & { name: string }> {
  n += 1;
  const u = await getDb().user.create({
    data: { email: `actions-${n}-${randomUUID()}@example.com`, name: `${name} ${n}`, role, passwordHash: "x" },
  });
  return { id: u.id, role: u.role, name: u.name };
}

async function makePostmortem(actor: Actor, severity: Severity = "CRITICAL", incidentDate = "2026-11-16T09:00:00Z") {
  const { id } = await createPostmortem(actor, {
    incidentKey: `INC-T-${randomUUID().slice(0, 8).toUpperCase()}`,
    incidentName: "Test incident",
    incidentDate: new Date(incidentDate),
    severity,
    teamId: null,
    facilitatorId: actor.id,
  });
  return id;
}

const create = (actor: Actor, input: Omit<CreateActionInput, "clientMutationId"> & { clientMutationId?: string }) =>
  createAction(actor, createActionSchema.parse({ clientMutationId: randomUUID(), ...input }));
const update = (actor: Actor, input: UpdateActionInput) => updateAction(actor, updateActionSchema.parse(input));

const eventsFor = (postmortemId: string, entityId: string) =>
  getDb().docEvent.findMany({ where: { postmortemId, entityId }, orderBy: { seq: "asc" } });

describe("corrective actions", () => {
  let facilitator: Actor & { name: string };
  let owner: Actor & { name: string };
  let outsider: Actor;
  let viewer: Actor;
  let pmId: string;

  beforeAll(async () => {
    facilitator = await makeUser("MEMBER", "Facilitator");
    owner = await makeUser("MEMBER", "Owner");
    outsider = await makeUser("MEMBER", "Outsider");
    viewer = await makeUser("VIEWER", "Viewer");
    pmId = await makePostmortem(facilitator);
  });

  it("numbers actions per postmortem, sequentially, never reusing a deleted number", async () => {
    const other = await makePostmortem(facilitator);
    const a1 = await create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "Pin the model" });
    const a2 = await create(facilitator, { postmortemId: pmId, horizon: "SHORT_TERM", action: "Nightly evals" });
    const b1 = await create(facilitator, { postmortemId: other, horizon: "IMMEDIATE", action: "Elsewhere" });
    expect([a1.number, a2.number, b1.number]).toEqual([1, 2, 1]);
    await deleteAction(facilitator, { postmortemId: pmId, actionId: a2.id });
    const a3 = await create(facilitator, { postmortemId: pmId, horizon: "LONG_TERM", action: "Vendor alerts" });
    expect(a3.number).toBe(3);
  });

  it("is idempotent by client mutation id", async () => {
    const clientMutationId = randomUUID();
    const first = await create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "Retry me", clientMutationId });
    const again = await create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "Retry me", clientMutationId });
    expect(again.id).toBe(first.id);
    expect(await getDb().correctiveAction.count({ where: { clientMutationId } })).toBe(1);
  });

  it("proposes the deadline from the horizon when none is given (incident date without a meeting)", async () => {
    const a = await create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "Proposed", deadline: "" });
    expect(a.deadline).toBe("2026-11-23");
    await getDb().postmortem.update({ where: { id: pmId }, data: { meetingDate: new Date("2026-11-17T14:00:00Z") } });
    const b = await create(facilitator, { postmortemId: pmId, horizon: "SHORT_TERM", action: "Proposed later" });
    expect(b.deadline).toBe("2026-12-17");
  });

  it("refuses a deadline before the incident with a field message and saves nothing", async () => {
    const before = await getDb().correctiveAction.count({ where: { postmortemId: pmId } });
    const error = await refusal(
      create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "Too early", deadline: "2026-11-01" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.deadline).toEqual([DEADLINE_BEFORE_INCIDENT]);
    expect(await getDb().correctiveAction.count({ where: { postmortemId: pmId } })).toBe(before);
  });

  it("refuses bad input in the schema: long text, impossible dates, unsafe ticket links", () => {
    const base = { postmortemId: pmId, clientMutationId: randomUUID(), horizon: "IMMEDIATE" };
    expect(createActionSchema.safeParse({ ...base, action: "x".repeat(501) }).success).toBe(false);
    expect(createActionSchema.safeParse({ ...base, action: "ok", deadline: "2026-02-30" }).success).toBe(false);
    expect(createActionSchema.safeParse({ ...base, action: "ok", ticket: "javascript:alert(1)" }).success).toBe(false);
    expect(createActionSchema.safeParse({ ...base, action: "ok", ticket: "SUP-123" }).success).toBe(true);
    expect(createActionSchema.safeParse({ ...base, action: "ok", ticket: "https://jira.example.com/SUP-1" }).success).toBe(true);
  });

  it("refuses an inactive owner", async () => {
    const gone = await makeUser();
    await getDb().user.update({ where: { id: gone.id }, data: { disabled: true } });
    const error = await refusal(create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "x", ownerId: gone.id }));
    expect(error.fieldErrors?.ownerId).toBeDefined();
  });

  it("applies an edit with before/after DocEvents, sets and clears completedAt, requires a Won't-do reason", async () => {
    const a = await create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "Track me" });
    const done = await update(facilitator, {
      postmortemId: pmId,
      actionId: a.id,
      version: a.version,
      changes: { status: "DONE", ownerId: owner.id },
      base: { status: "OPEN", ownerId: null },
    });
    expect(done.completedAt).not.toBeNull();
    expect(done.ownerName).toBe(owner.name);
    const events = await eventsFor(pmId, a.id);
    expect(events.map((e) => [e.field, e.before, e.after])).toEqual(
      expect.arrayContaining([
        ["status", "OPEN", "DONE"],
        ["ownerId", null, owner.id],
      ]),
    );
    const wontDo = await refusal(
      update(facilitator, {
        postmortemId: pmId,
        actionId: a.id,
        version: done.version,
        changes: { status: "WONT_DO" },
        base: { status: "DONE" },
      }),
    );
    expect(wontDo.fieldErrors?.wontDoReason).toBeDefined();
    const reopened = await update(facilitator, {
      postmortemId: pmId,
      actionId: a.id,
      version: done.version,
      changes: { status: "IN_PROGRESS" },
      base: { status: "DONE" },
    });
    expect(reopened.completedAt).toBeNull();
  });

  it("refuses a stale edit of the same field with the current value, and merges edits to different fields", async () => {
    const a = await create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "Original" });
    const first = await update(facilitator, {
      postmortemId: pmId,
      actionId: a.id,
      version: a.version,
      changes: { action: "Edited by A" },
      base: { action: "Original" },
    });
    const stale = await refusal(
      update(facilitator, {
        postmortemId: pmId,
        actionId: a.id,
        version: a.version,
        changes: { action: "Edited by B" },
        base: { action: "Original" },
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.detail).toMatchObject({ entity: "correctiveAction", theirs: { action: "Edited by A" } });
    expect((await getDb().correctiveAction.findUniqueOrThrow({ where: { id: a.id } })).action).toBe("Edited by A");
    const merged = await update(facilitator, {
      postmortemId: pmId,
      actionId: a.id,
      version: a.version,
      changes: { ticket: "SUP-9" },
      base: { ticket: "" },
    });
    expect(merged).toMatchObject({ action: "Edited by A", ticket: "SUP-9", version: first.version + 1 });
  });

  it("refuses outsiders and viewers, and edits to a deleted action", async () => {
    const a = await create(facilitator, { postmortemId: pmId, horizon: "IMMEDIATE", action: "Guarded" });
    const edit = { postmortemId: pmId, actionId: a.id, version: a.version, changes: { action: "Hijack" }, base: { action: "Guarded" } };
    expect((await refusal(update(outsider, edit))).code).toBe("FORBIDDEN");
    expect((await refusal(update(viewer, edit))).code).toBe("FORBIDDEN");
    expect((await refusal(create(viewer, { postmortemId: pmId, horizon: "IMMEDIATE", action: "x" }))).code).toBe("FORBIDDEN");
    await getDb().postmortem.update({ where: { id: pmId }, data: { restricted: true } });
    expect((await refusal(update(outsider, edit))).code).toBe("NOT_FOUND");
    await getDb().postmortem.update({ where: { id: pmId }, data: { restricted: false } });
    await deleteAction(facilitator, { postmortemId: pmId, actionId: a.id });
    expect((await refusal(update(facilitator, edit))).code).toBe("DELETED");
  });

  it("on a published postmortem refuses edits but lets the owner mark their action done", async () => {
    const pm = await makePostmortem(facilitator, "LOW");
    const a = await create(facilitator, { postmortemId: pm, horizon: "IMMEDIATE", action: "Owned", ownerId: owner.id });
    await getDb().postmortem.update({ where: { id: pm }, data: { status: "PUBLISHED" } });
    const edit = await refusal(
      update(facilitator, {
        postmortemId: pm,
        actionId: a.id,
        version: a.version,
        changes: { action: "Changed" },
        base: { action: "Owned" },
      }),
    );
    expect(edit.code).toBe("READ_ONLY");
    expect(
      (await refusal(setActionStatus(outsider, setActionStatusSchema.parse({ actionId: a.id, status: "DONE", version: a.version })))).code,
    ).toBe("FORBIDDEN");
    const done = await setActionStatus(owner, setActionStatusSchema.parse({ actionId: a.id, status: "DONE", version: a.version }));
    expect(done.status).toBe("DONE");
    const stale = await refusal(
      setActionStatus(owner, setActionStatusSchema.parse({ actionId: a.id, status: "IN_PROGRESS", version: a.version })),
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("lists my actions overdue first, then by deadline", async () => {
    const me = await makeUser();
    const pm = await makePostmortem(facilitator, "MEDIUM", "2026-01-05T10:00:00Z");
    const later = await create(facilitator, {
      postmortemId: pm,
      horizon: "LONG_TERM",
      action: "Later",
      ownerId: me.id,
      deadline: "2026-12-30",
    });
    const overdue = await create(facilitator, {
      postmortemId: pm,
      horizon: "IMMEDIATE",
      action: "Late",
      ownerId: me.id,
      deadline: "2026-02-01",
    });
    const soon = await create(facilitator, {
      postmortemId: pm,
      horizon: "SHORT_TERM",
      action: "Soon",
      ownerId: me.id,
      deadline: "2026-03-10",
    });
    const finished = await create(facilitator, {
      postmortemId: pm,
      horizon: "IMMEDIATE",
      action: "Finished",
      ownerId: me.id,
      deadline: "2026-01-20",
    });
    await update(facilitator, {
      postmortemId: pm,
      actionId: finished.id,
      version: 1,
      changes: { status: "DONE" },
      base: { status: "OPEN" },
    });
    await create(facilitator, { postmortemId: pm, horizon: "IMMEDIATE", action: "Not mine", ownerId: owner.id });
    const list = await listMyActions(me, new Date("2026-03-01T12:00:00Z"));
    expect(list.map((a) => a.id)).toEqual([overdue.id, soon.id, later.id, finished.id]);
    expect(list[0]).toMatchObject({ overdue: true, postmortemId: pm, incidentName: "Test incident" });
  });
});
