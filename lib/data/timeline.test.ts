import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createPostmortem } from "@/lib/data/postmortems";
import {
  createTimelineEntry,
  deleteTimelineEntry,
  moveTimelineEntry,
  pasteTimeline,
  restoreTimelineEntry,
  updateTimelineEntry,
} from "@/lib/data/timeline";
import { planOrderKeys } from "@/lib/data/timeline-order";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { refusal } from "@/test/refusal";
import {
  createTimelineEntrySchema,
  pasteTimelineSchema,
  updateTimelineEntrySchema,
  type UpdateTimelineEntryInput,
} from "@/lib/validations/timeline";

const run = randomUUID().slice(0, 8);
let counter = 0;

async function user(role: OrgRole = "MEMBER"): Promise<Actor> {
  counter += 1;
  const u = await getDb().user.create({
    data: { email: `tl-${run}-${counter}@example.test`, name: `Timeline ${counter}`, passwordHash: "not-a-hash", role },
  });
  return { id: u.id, role: u.role };
}

async function postmortem(facilitator: Actor, options: { restricted?: boolean } = {}) {
  counter += 1;
  const { id } = await createPostmortem(facilitator, {
    incidentKey: `INC-TL${run.toUpperCase()}-${counter}`,
    incidentName: "Vendor model update produced wrong answers",
    incidentDate: new Date("2026-11-20T08:00:00Z"),
    severity: "CRITICAL",
    teamId: null,
    facilitatorId: facilitator.id,
  });
  if (options.restricted) await getDb().postmortem.update({ where: { id }, data: { restricted: true } });
  return id;
}

const rows = (postmortemId: string) =>
  getDb().timelineEntry.findMany({ where: { postmortemId, deletedAt: null }, orderBy: { orderKey: "asc" } });

const events = (postmortemId: string) =>
  getDb().docEvent.findMany({ where: { postmortemId, entity: "timeline" }, orderBy: { seq: "asc" } });

/** Parses a raw update exactly as the server action does. */
function update(raw: Record<string, unknown>): UpdateTimelineEntryInput {
  return updateTimelineEntrySchema.parse(raw);
}

describe("timeline data layer", () => {
  let facilitator: Actor;
  let attendee: Actor;
  let bystander: Actor;
  let viewer: Actor;

  beforeAll(async () => {
    [facilitator, attendee, bystander, viewer] = await Promise.all([user(), user(), user(), user("VIEWER")]);
  });

  it("starts from the template rows and creates a row idempotently with a create DocEvent", async () => {
    const id = await postmortem(facilitator);
    expect((await rows(id)).map((r) => r.event)[0]).toBe("First occurrence of the issue");
    const clientMutationId = randomUUID();
    const input = createTimelineEntrySchema.parse({
      postmortemId: id,
      clientMutationId,
      event: "Vendor rolled the model alias",
      kind: "VENDOR_MODEL_UPDATE",
    });
    const first = await createTimelineEntry(facilitator, input);
    const retry = await createTimelineEntry(facilitator, input);
    expect(retry.row.id).toBe(first.row.id);
    const all = await rows(id);
    expect(all).toHaveLength(9);
    expect(all.at(-1)?.event).toBe("Vendor rolled the model alias");
    const created = (await events(id)).filter((e) => e.entityId === first.row.id);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ field: null, before: null, clientMutationId, actorId: facilitator.id });
    expect(created[0].after).toMatchObject({ event: "Vendor rolled the model alias", kind: "VENDOR_MODEL_UPDATE" });
  });

  it("inserts below a given row, or at the top with afterId null", async () => {
    const id = await postmortem(facilitator);
    const [first, second] = await rows(id);
    const below = await createTimelineEntry(
      facilitator,
      createTimelineEntrySchema.parse({ postmortemId: id, clientMutationId: randomUUID(), afterId: first.id, event: "below first" }),
    );
    const top = await createTimelineEntry(
      facilitator,
      createTimelineEntrySchema.parse({ postmortemId: id, clientMutationId: randomUUID(), afterId: null, event: "at top" }),
    );
    const ids = (await rows(id)).map((r) => r.id);
    expect(ids.slice(0, 4)).toEqual([top.row.id, first.id, below.row.id, second.id]);
  });

  it("applies concurrent edits of different fields, refuses a stale edit of the same field, and logs before/after", async () => {
    const id = await postmortem(facilitator);
    await getDb().participant.create({ data: { postmortemId: id, userId: attendee.id, role: "ATTENDEE" } });
    const [row] = await rows(id);
    const base = { event: row.event, notes: row.notes };
    await updateTimelineEntry(
      facilitator,
      update({ postmortemId: id, entryId: row.id, changes: { event: "Model began answering in French" }, base: { event: base.event } }),
    );
    await updateTimelineEntry(
      attendee,
      update({ postmortemId: id, entryId: row.id, changes: { notes: "Seen in support tickets" }, base: { notes: base.notes } }),
    );
    const after = await getDb().timelineEntry.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ event: "Model began answering in French", notes: "Seen in support tickets", version: row.version + 2 });

    const stale = await refusal(
      updateTimelineEntry(attendee, update({ postmortemId: id, entryId: row.id, changes: { event: "Mine" }, base: { event: base.event } })),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.detail).toMatchObject({ entity: "timeline", theirs: { event: "Model began answering in French" } });
    expect((await getDb().timelineEntry.findUniqueOrThrow({ where: { id: row.id } })).event).toBe("Model began answering in French");

    const log = (await events(id)).filter((e) => e.entityId === row.id && e.field !== "orderKey");
    expect(log.map((e) => [e.field, e.before, e.after])).toEqual([
      ["event", "First occurrence of the issue", "Model began answering in French"],
      ["notes", "", "Seen in support tickets"],
    ]);
  });

  it("keeps timed rows in time order when a time changes, moving as few rows as possible", async () => {
    const id = await postmortem(facilitator);
    const template = await rows(id);
    const set = async (index: number, time: string) => {
      const row = template[index];
      await updateTimelineEntry(
        facilitator,
        update({ postmortemId: id, entryId: row.id, changes: { occurredAt: time }, base: { occurredAt: "" } }),
      );
    };
    await set(0, "2026-11-20 09:00");
    await set(1, "2026-11-20 09:40");
    await set(5, "2026-11-20 11:00");
    expect((await rows(id)).map((r) => r.id)).toEqual(template.map((r) => r.id));
    const late = await createTimelineEntry(
      facilitator,
      createTimelineEntrySchema.parse({ postmortemId: id, clientMutationId: randomUUID(), event: "Vendor rolled the model alias" }),
    );
    await updateTimelineEntry(
      facilitator,
      update({ postmortemId: id, entryId: late.row.id, changes: { occurredAt: "2026-11-20 09:20" }, base: { occurredAt: "" } }),
    );
    const ordered = (await rows(id)).map((r) => r.id);
    expect(ordered.indexOf(late.row.id)).toBe(1);
    const moved = (await events(id)).filter((e) => e.field === "orderKey");
    expect(moved.map((e) => e.entityId)).toEqual([late.row.id]);
  });

  it("pastes three lines as three rows at the right UTC times, in one go", async () => {
    const id = await postmortem(facilitator);
    const input = pasteTimelineSchema.parse({
      postmortemId: id,
      clientMutationId: randomUUID(),
      text: "09:05  Eval score dropped\n2026-11-20T10:15+01:00 - Prompt v42 deployed\n23:50\tDrift alert fired",
    });
    const result = await pasteTimeline(facilitator, input);
    expect(result.rows.map((r) => [r.occurredAt, r.event])).toEqual([
      ["2026-11-20T09:05:00.000Z", "Eval score dropped"],
      ["2026-11-20T09:15:00.000Z", "Prompt v42 deployed"],
      ["2026-11-20T23:50:00.000Z", "Drift alert fired"],
    ]);
    expect(await rows(id)).toHaveLength(11);
    expect((await pasteTimeline(facilitator, input)).rows.map((r) => r.id)).toEqual(result.rows.map((r) => r.id));
    expect(await rows(id)).toHaveLength(11);
    const timed = (await rows(id)).filter((r) => r.occurredAt).map((r) => r.occurredAt!.getTime());
    expect(timed).toEqual([...timed].sort((a, b) => a - b));
  });

  it("deletes softly, refuses edits to a deleted row, and restores it", async () => {
    const id = await postmortem(facilitator);
    const [row] = await rows(id);
    await deleteTimelineEntry(facilitator, { postmortemId: id, entryId: row.id });
    expect((await getDb().timelineEntry.findUniqueOrThrow({ where: { id: row.id } })).deletedAt).not.toBeNull();
    const edit = await refusal(
      updateTimelineEntry(facilitator, update({ postmortemId: id, entryId: row.id, changes: { notes: "x" }, base: { notes: "" } })),
    );
    expect(edit.code).toBe("DELETED");
    await restoreTimelineEntry(facilitator, { postmortemId: id, entryId: row.id });
    expect((await rows(id))[0].id).toBe(row.id);
    expect((await events(id)).filter((e) => e.field === "deletedAt")).toHaveLength(2);
  });

  it("moves untimed rows and refuses a move that time order would undo", async () => {
    const id = await postmortem(facilitator);
    const template = await rows(id);
    await moveTimelineEntry(facilitator, { postmortemId: id, entryId: template[2].id, afterId: null });
    expect((await rows(id))[0].id).toBe(template[2].id);
    await updateTimelineEntry(
      facilitator,
      update({ postmortemId: id, entryId: template[0].id, changes: { occurredAt: "2026-11-20 09:00" }, base: { occurredAt: "" } }),
    );
    await updateTimelineEntry(
      facilitator,
      update({ postmortemId: id, entryId: template[1].id, changes: { occurredAt: "2026-11-20 09:40" }, base: { occurredAt: "" } }),
    );
    const refused = await refusal(moveTimelineEntry(facilitator, { postmortemId: id, entryId: template[1].id, afterId: template[2].id }));
    expect(refused.code).toBe("VALIDATION");
  });

  it("refuses viewers, non-participants, outsiders of restricted postmortems and published postmortems", async () => {
    const id = await postmortem(facilitator);
    const [row] = await rows(id);
    const change = update({ postmortemId: id, entryId: row.id, changes: { event: "x" }, base: { event: row.event } });
    expect((await refusal(updateTimelineEntry(viewer, change))).code).toBe("FORBIDDEN");
    expect((await refusal(updateTimelineEntry(bystander, change))).code).toBe("FORBIDDEN");
    const hidden = await postmortem(facilitator, { restricted: true });
    const create = createTimelineEntrySchema.parse({ postmortemId: hidden, clientMutationId: randomUUID(), event: "x" });
    expect((await refusal(createTimelineEntry(bystander, create))).code).toBe("NOT_FOUND");
    await getDb().postmortem.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    expect((await refusal(updateTimelineEntry(facilitator, change))).code).toBe("READ_ONLY");
    expect((await rows(id))[0].event).toBe(row.event);
    expect(await events(id)).toHaveLength(0);
  });

  it("refuses bad input with field messages", () => {
    const bad = updateTimelineEntrySchema.safeParse({
      postmortemId: "abc",
      entryId: "def",
      changes: { occurredAt: "2026-02-30 10:00", event: "x".repeat(501), kind: "NOPE" },
      base: { occurredAt: "", event: "", kind: "NOTE" },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["changes.occurredAt", "changes.event", "changes.kind"]));
    expect(pasteTimelineSchema.safeParse({ postmortemId: "abc", text: "x".repeat(20_001), clientMutationId: randomUUID() }).success).toBe(
      false,
    );
  });

  it("plans order keys by keeping the longest ordered run", () => {
    expect(planOrderKeys([1, 2, 3])).toEqual([1, 2, 3]);
    expect(planOrderKeys([1, 5, 2, 3])).toEqual([1, 1.5, 2, 3]);
    expect(planOrderKeys([null, 1, 2])).toEqual([0, 1, 2]);
    expect(planOrderKeys([1, null, null, 2])).toEqual([1, 1.5, 1.75, 2]);
  });
});
