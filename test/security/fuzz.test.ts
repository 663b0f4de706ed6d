// Hostile input against every registered server action: its schema, then its data-layer function, on a
// real database. Any answer is fine as long as it is the app's own (a result or an AppError): a raw
// Prisma, type or range error would be a 500. Afterwards nothing stored may render as markup.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/data/auth";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { PrintDocument } from "@/components/postmortem/print-document";
import { createTestPostmortem, createTestUser } from "@/test/factories";
import { invoke, REGISTRY, type Fixture } from "@/test/security/registry";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const STREAMS = 4;
const MARKUP = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "<svg onload=alert(1)>",
];

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(...MARKUP),
  fc.constantFrom(
    '\'; DROP TABLE "User"; --',
    "1 OR 1=1",
    "$1",
    "%s%n",
    "\\",
    "\u0000",
    "\u202Eevil\u202C",
    "עברית ← rtl",
    "😀".repeat(300),
  ),
  fc.constantFrom("", " ", "\t\n", "x".repeat(5_000), "y".repeat(200_000)),
  fc.constantFrom("0001-01-01T00:00", "9999-12-31T23:59", "2026-02-30T10:00", "1969-12-31", "2026-11-20T25:61", "not a date"),
  fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER)),
  fc.constantFrom(null, undefined, true, false, [], {}, ["a"], { nested: { deep: 1 } }),
);

/** Replaces one field of the valid input (top level or inside changes/base) with a hostile value. */
function mutate(valid: unknown, path: number, value: unknown): unknown {
  if (!valid || typeof valid !== "object") return value;
  const input = structuredClone(valid) as Record<string, unknown>;
  const slots: [Record<string, unknown>, string][] = [];
  for (const [key, v] of Object.entries(input)) {
    if (v && typeof v === "object" && !Array.isArray(v))
      for (const inner of Object.keys(v)) slots.push([v as Record<string, unknown>, inner]);
    else if (key !== "postmortemId") slots.push([input, key]);
  }
  if (slots.length === 0) return input;
  const [target, key] = slots[path % slots.length];
  target[key] = value;
  return input;
}

describe("fuzzing every server action", () => {
  let admin: SessionUser;
  let fixture: Fixture;

  beforeAll(async () => {
    admin = await createTestUser("ADMIN");
    const { id, incidentKey } = await createTestPostmortem(admin);
    const db = getDb();
    const guest = await db.participant.create({ data: { postmortemId: id, name: "Guest", role: "OBSERVER" } });
    const action = await db.correctiveAction.create({
      data: { postmortemId: id, number: 1, horizon: "IMMEDIATE", action: "Fix", ownerId: admin.id },
    });
    const [timeline, why, factor] = await Promise.all([
      db.timelineEntry.findFirstOrThrow({ where: { postmortemId: id } }),
      db.whyStep.findFirstOrThrow({ where: { postmortemId: id } }),
      db.contributingFactor.findFirstOrThrow({ where: { postmortemId: id } }),
    ]);
    fixture = {
      postmortemId: id,
      incidentKey,
      status: "DRAFT",
      ownerId: admin.id,
      timelineId: timeline.id,
      whyId: why.id,
      factorId: factor.id,
      actionId: action.id,
      guestId: guest.id,
    };
  });

  it(`answers ${RUNS} hostile inputs with a result or a clear refusal, never an unexpected error`, async () => {
    // The lifecycle and user-admin entries would end the run early (a published or demoted fixture).
    const targets = REGISTRY.filter((e) => !e.changesAccess && !e.name.startsWith("updateUser"));
    // One valid input per entry, taken once: a stale base then answers CONFLICT, which is a fine answer too.
    const valid = new Map<string, unknown>();
    for (const entry of targets) valid.set(entry.name, await entry.input(fixture));
    const unexpected: string[] = [];
    let calls = 0;
    const property = fc.asyncProperty(fc.nat({ max: targets.length - 1 }), fc.nat(), hostile, async (which, path, value) => {
      const entry = targets[which];
      calls++;
      try {
        await invoke(entry, admin, mutate(valid.get(entry.name), path, value));
      } catch (error) {
        if (!(error instanceof AppError)) unexpected.push(`${entry.name}: ${String(error).slice(0, 300)}`);
      }
    });
    // Independent streams side by side (a real PostgreSQL serves them concurrently; PGlite one at a time).
    const seed = Number(process.env.FUZZ_SEED ?? 20261201);
    await Promise.all(
      Array.from({ length: STREAMS }, (_, i) =>
        fc.assert(property, { numRuns: Math.ceil(RUNS / STREAMS), seed: seed + i, endOnFailure: true }),
      ),
    );
    expect(calls).toBeGreaterThanOrEqual(RUNS);
    expect([...new Set(unexpected)]).toEqual([]);
  }, 600_000);

  it("renders everything that was stored as text, never as markup", async () => {
    // Whatever the random streams happened to store, each marker goes through a real save as well.
    const summary = REGISTRY.find((e) => e.name === "saveEditAction postmortem.summary")!;
    for (const m of MARKUP) {
      const input = (await summary.input(fixture)) as { changes: Record<string, unknown> };
      await invoke(summary, admin, { ...input, changes: { summary: m } });
    }
    const doc = await getPostmortemDocument(admin, fixture.postmortemId);
    const html = renderToStaticMarkup(createElement(PrintDocument, { doc }));
    const stored = JSON.stringify(doc);
    // Markup was stored (so this check is about something), and none of it came out as elements.
    expect(stored).toContain(MARKUP[MARKUP.length - 1]);
    for (const m of MARKUP) expect(html).not.toContain(m);
    expect(html).not.toMatch(/<(script|img|svg)\b/i);
    expect(html).not.toMatch(/href="javascript:/i);
  });
});
