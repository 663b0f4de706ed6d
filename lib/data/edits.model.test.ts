import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { SessionUser } from "@/lib/data/auth";
import { applyEdit } from "@/lib/data/edits";
import { AppError, type ConflictDetail } from "@/lib/errors";
import { editSchema, type EditEntity } from "@/lib/validations/edits";
import { addTestParticipant, createTestPostmortem, createTestUser } from "@/test/factories";

// A model test of the edit protocol: simulated clients send random interleaved edits (and retries of the
// same mutation) through the one server path, each from what it last saw. Afterwards: every acknowledged
// edit is either the final value of its field or was followed by another acknowledged edit of that field
// (zero lost), a retry never adds an event, and folding the DocEvent log rebuilds the stored state.

type Target = { entity: EditEntity; entityId: string; field: string; eventEntity: string };
type Ack = { target: number; value: string; mutation: string };

let clients: SessionUser[] = [];

beforeAll(async () => {
  clients = [await createTestUser(), await createTestUser(), await createTestUser()];
});

async function stored(t: Target): Promise<string> {
  const db = getDb();
  if (t.entity === "timeline") return (await db.timelineEntry.findUniqueOrThrow({ where: { id: t.entityId } }))[t.field as "event"];
  if (t.entity === "why") return (await db.whyStep.findUniqueOrThrow({ where: { id: t.entityId } })).text;
  return (await db.postmortem.findUniqueOrThrow({ where: { id: t.entityId } }))[t.field as "summary"];
}

const command = fc.record({
  client: fc.nat({ max: 2 }),
  target: fc.nat({ max: 5 }),
  text: fc.string({ minLength: 0, maxLength: 12 }).map((s) => s.replace(/\s+/g, " ").trim()),
  retry: fc.boolean(),
});

describe("edit protocol model", () => {
  it("loses no acknowledged edit, never duplicates a retry, and the log replays to the stored state", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(command, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 8 }), async (rounds) => {
        const { id } = await createTestPostmortem(clients[0]);
        for (const c of clients.slice(1)) await addTestParticipant(id, c.id);
        const rows = await getDb().timelineEntry.findMany({ where: { postmortemId: id }, orderBy: { orderKey: "asc" }, take: 2 });
        const whys = await getDb().whyStep.findMany({ where: { postmortemId: id }, orderBy: { position: "asc" }, take: 1 });
        const targets: Target[] = [
          { entity: "timeline", entityId: rows[0].id, field: "event", eventEntity: "timeline" },
          { entity: "timeline", entityId: rows[0].id, field: "notes", eventEntity: "timeline" },
          { entity: "timeline", entityId: rows[1].id, field: "actor", eventEntity: "timeline" },
          { entity: "why", entityId: whys[0].id, field: "text", eventEntity: "why" },
          { entity: "postmortem", entityId: id, field: "summary", eventEntity: "postmortem" },
          { entity: "postmortem", entityId: id, field: "rootCause", eventEntity: "postmortem" },
        ];
        const initial = await Promise.all(targets.map(stored));
        // What each client last saw of each field.
        const seen = clients.map(() => [...initial]);
        const acks: Ack[] = [];
        let conflicts = 0;

        for (const round of rounds) {
          // One round's edits race each other, as several browsers would.
          await Promise.all(
            round.map(async (cmd) => {
              const t = targets[cmd.target];
              const base = seen[cmd.client][cmd.target];
              const edit = editSchema.parse({
                postmortemId: id,
                entity: t.entity,
                entityId: t.entityId,
                changes: { [t.field]: cmd.text },
                base: { [t.field]: base },
                clientMutationId: randomUUID(),
              });
              const send = () => applyEdit(clients[cmd.client], edit);
              try {
                await send();
                if (cmd.retry) await send();
                if (cmd.text !== base) acks.push({ target: cmd.target, value: cmd.text, mutation: edit.clientMutationId });
                seen[cmd.client][cmd.target] = cmd.text;
              } catch (error) {
                if (!(error instanceof AppError) || error.code !== "CONFLICT") throw error;
                conflicts += 1;
                const detail = error.detail as ConflictDetail;
                expect(detail).toMatchObject({ entity: t.entity, entityId: t.entityId });
                seen[cmd.client][cmd.target] = String(detail.theirs[t.field] ?? "");
              }
            }),
          );
        }

        const events = await getDb().docEvent.findMany({ where: { postmortemId: id }, orderBy: { seq: "asc" } });
        const byMutation = new Map<string, number>();
        for (const e of events) if (e.clientMutationId) byMutation.set(e.clientMutationId, (byMutation.get(e.clientMutationId) ?? 0) + 1);
        // A retry adds nothing; an edit to a value the field already had adds nothing either.
        for (const ack of acks) expect(byMutation.get(ack.mutation) ?? 0).toBeLessThanOrEqual(1);

        for (const [i, t] of targets.entries()) {
          const final = await stored(t);
          const fieldEvents = events.filter((e) => e.entity === t.eventEntity && e.entityId === t.entityId && e.field === t.field);
          // Replaying the log from the initial value rebuilds the stored one.
          const replayed = fieldEvents.reduce<string>((value, e) => String(e.after ?? ""), initial[i]);
          expect(replayed).toBe(final);
          // The last acknowledged edit of the field (in log order) is what is stored: none was lost.
          const acked = new Set(acks.filter((a) => a.target === i).map((a) => a.mutation));
          const lastAcked = [...fieldEvents].reverse().find((e) => e.clientMutationId && acked.has(e.clientMutationId));
          if (lastAcked) expect(final).toBe(String(lastAcked.after ?? ""));
          expect(fieldEvents.every((e) => e.clientMutationId && acked.has(e.clientMutationId))).toBe(true);
        }
        expect(conflicts + acks.length).toBeGreaterThan(0);
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
