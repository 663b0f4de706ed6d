import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import type { SessionUser } from "@/lib/data/auth";
import { applyEdit } from "@/lib/data/edits";
import { AppError } from "@/lib/errors";
import { editSchema, type EditInput } from "@/lib/validations/edits";
import { createTestPostmortem, createTestUser } from "@/test/factories";

// A new timeline row is created through the one edit path with an id the browser chose, so the browser
// can queue the row's edits behind the create (while waiting for the answer, offline, across a reload).

const newRowId = () => randomUUID().replaceAll("-", "");

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a timeline row created with the browser's id", () => {
  let facilitator: SessionUser;
  let postmortemId: string;
  const send = (edit: Omit<EditInput, "postmortemId">) => applyEdit(facilitator, editSchema.parse({ postmortemId, ...edit }));

  beforeAll(async () => {
    facilitator = await createTestUser();
    postmortemId = (await createTestPostmortem(facilitator)).id;
  });

  it("takes the text typed into it before the server answered, in the order it was sent, once per retry", async () => {
    const first = await getDb().timelineEntry.findFirstOrThrow({ where: { postmortemId }, orderBy: { orderKey: "asc" } });
    const id = newRowId();
    const create = {
      entity: "timeline",
      entityId: id,
      changes: {},
      base: {},
      create: { afterId: first.id },
      clientMutationId: randomUUID(),
    } as const;
    const typed = [
      { entity: "timeline", entityId: id, changes: { event: "Refunds doubled" }, base: { event: "" }, clientMutationId: randomUUID() },
      { entity: "timeline", entityId: id, changes: { actor: "Refund bot" }, base: { actor: "" }, clientMutationId: randomUUID() },
    ] as const;
    await send(create);
    await send(create); // a retry after a lost answer
    for (const edit of typed) await send(edit);

    const rows = await getDb().timelineEntry.findMany({ where: { postmortemId, deletedAt: null }, orderBy: { orderKey: "asc" } });
    expect(rows.filter((r) => r.id === id)).toHaveLength(1);
    expect(rows[1]).toMatchObject({ id, event: "Refunds doubled", actor: "Refund bot", kind: "NOTE" });
    const events = await getDb().docEvent.findMany({ where: { postmortemId, entityId: id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.field)).toEqual([null, "event", "actor"]);
    expect(events[0].clientMutationId).toBe(create.clientMutationId);
  });

  it("can carry first values, and a create with no afterId adds the row at the end", async () => {
    const id = newRowId();
    await send({
      entity: "timeline",
      entityId: id,
      changes: { event: "Postmortem held" },
      base: {},
      create: {},
      clientMutationId: randomUUID(),
    });
    const last = await getDb().timelineEntry.findFirstOrThrow({ where: { postmortemId, deletedAt: null }, orderBy: { orderKey: "desc" } });
    expect(last).toMatchObject({ id, event: "Postmortem held" });
  });

  it("refuses an id already taken, an id not chosen as a UUID, and creates of other kinds of rows", async () => {
    const taken = await getDb().timelineEntry.findFirstOrThrow({ where: { postmortemId } });
    const before = await getDb().timelineEntry.count({ where: { postmortemId } });
    const other = (await createTestPostmortem(facilitator)).id;
    const otherRow = await getDb().timelineEntry.findFirstOrThrow({ where: { postmortemId: other } });
    const clash = newRowId();
    await send({ entity: "timeline", entityId: clash, changes: {}, base: {}, create: {}, clientMutationId: randomUUID() });

    const again = await refusal(
      send({ entity: "timeline", entityId: clash, changes: {}, base: {}, create: {}, clientMutationId: randomUUID() }),
    );
    expect(again).toMatchObject({ code: "VALIDATION", message: "That row id is already taken." });
    // Ids the browser did not choose this way are refused by the schema (answered as a VALIDATION).
    for (const entityId of [taken.id, otherRow.id, "not-hex", "A".repeat(32)]) {
      const error = await send({ entity: "timeline", entityId, changes: {}, base: {}, create: {}, clientMutationId: randomUUID() }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(z.ZodError);
    }
    const why = await refusal(
      send({ entity: "why", entityId: newRowId(), changes: { text: "x" }, base: {}, create: {}, clientMutationId: randomUUID() }),
    );
    expect(why.code).toBe("VALIDATION");
    expect(await getDb().timelineEntry.count({ where: { postmortemId } })).toBe(before + 1);
    expect(await getDb().timelineEntry.findUniqueOrThrow({ where: { id: otherRow.id } })).toMatchObject({ postmortemId: other });
  });

  it("still needs something to save when it does not create", () => {
    const parsed = editSchema.safeParse({
      postmortemId,
      entity: "timeline",
      entityId: newRowId(),
      changes: {},
      base: {},
      clientMutationId: randomUUID(),
    });
    expect(parsed.success).toBe(false);
  });
});
