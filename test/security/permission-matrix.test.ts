// Every registered server action and page × org role × participant role × restricted × status, run through
// the data layer on a real database. Prints the matrix and fails on any allow the written policy does not
// grant (and on any refusal it does grant, so the policy and the code cannot drift apart either way).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { OrgRole, PostmortemStatus } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/data/auth";
import { createTestPostmortem, createTestUser } from "@/test/factories";
import { invoke, REGISTRY, type Fixture, type RegistryEntry } from "@/test/security/registry";
import { policyGrants, type Relation, type Situation } from "@/test/security/written-policy";

const ORG_ROLES: OrgRole[] = ["ADMIN", "MEMBER", "VIEWER"];
const RELATIONS: Relation[] = ["none", "FACILITATOR", "ATTENDEE", "OBSERVER", "LEADERSHIP_OBSERVER"];
const STATUSES: PostmortemStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED"];
const REFUSALS = new Set(["FORBIDDEN", "NOT_FOUND", "READ_ONLY", "UNAUTHENTICATED"]);

type Setting = { orgRole: OrgRole; restricted: boolean; status: PostmortemStatus };
type Prepared = Setting & { fixture: Fixture; actors: Record<Relation, SessionUser> };

/** One postmortem per setting, created by a member who is none of the actors, with one actor per relation. */
async function prepare(setting: Setting): Promise<Prepared> {
  const db = getDb();
  const owner = await createTestUser("MEMBER");
  const actors = Object.fromEntries(
    await Promise.all(RELATIONS.map(async (r) => [r, await createTestUser(setting.orgRole)] as const)),
  ) as Record<Relation, SessionUser>;
  const { id, incidentKey } = await createTestPostmortem(owner);
  for (const relation of RELATIONS.slice(2)) {
    await db.participant.create({ data: { postmortemId: id, userId: actors[relation].id, role: relation as "ATTENDEE" } });
  }
  const guest = await db.participant.create({ data: { postmortemId: id, name: "Guest", role: "OBSERVER" } });
  const action = await db.correctiveAction.create({
    data: { postmortemId: id, number: 1, horizon: "IMMEDIATE", action: "Add an alert", ownerId: owner.id },
  });
  const [timeline, why, factor] = await Promise.all([
    db.timelineEntry.findFirstOrThrow({ where: { postmortemId: id } }),
    db.whyStep.findFirstOrThrow({ where: { postmortemId: id } }),
    db.contributingFactor.findFirstOrThrow({ where: { postmortemId: id } }),
  ]);
  const fixture: Fixture = {
    postmortemId: id,
    incidentKey,
    status: setting.status,
    ownerId: owner.id,
    timelineId: timeline.id,
    whyId: why.id,
    factorId: factor.id,
    actionId: action.id,
    guestId: guest.id,
  };
  const prepared = { ...setting, fixture, actors };
  await restore(prepared);
  return prepared;
}

/** Puts back the status, Restricted flag, facilitator and participant roles the setting describes. */
async function restore({ fixture, actors, restricted, status }: Prepared) {
  const db = getDb();
  const facilitatorId = actors.FACILITATOR.id;
  await db.participant.deleteMany({ where: { postmortemId: fixture.postmortemId, userId: { in: [fixture.ownerId, facilitatorId] } } });
  await db.participant.create({ data: { postmortemId: fixture.postmortemId, userId: facilitatorId, role: "FACILITATOR" } });
  await db.postmortem.update({
    where: { id: fixture.postmortemId },
    data: { facilitatorId, restricted, status, publishedAt: status === "PUBLISHED" ? new Date() : null },
  });
}

type Outcome = "allow" | "deny";

async function attempt(entry: RegistryEntry, actor: SessionUser, fixture: Fixture): Promise<Outcome> {
  try {
    await invoke(entry, actor, await entry.input(fixture));
    return "allow";
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`${entry.name}: unexpected ${String(error)}`, { cause: error });
    // Anything else (a validation message, a conflict) means the call got past authorisation.
    return REFUSALS.has(error.code) ? "deny" : "allow";
  }
}

/** Runs `work` over `items` a few at a time: enough to use the pool, not enough to wait on it. */
async function inParallel<T, R>(items: T[], work: (item: T) => Promise<R>, width = 2): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

const settings: Setting[] = ORG_ROLES.flatMap((orgRole) =>
  [false, true].flatMap((restricted) => STATUSES.map((status) => ({ orgRole, restricted, status }))),
);

describe("permission matrix", () => {
  const prepared: Prepared[] = [];
  beforeAll(async () => {
    prepared.push(...(await inParallel(settings, prepare)));
  }, 120_000);

  it("grants exactly what docs/decisions.md grants, for every action and page", async () => {
    const results = new Map<string, Outcome>();
    const mismatches: string[] = [];
    // Settings are independent postmortems, so they run side by side; within one, calls run in order.
    await inParallel(prepared, async (p) => {
      for (const relation of RELATIONS) {
        const situation: Situation = { orgRole: p.orgRole, relation, restricted: p.restricted, status: p.status };
        for (const entry of REGISTRY) {
          const outcome = await attempt(entry, p.actors[relation], p.fixture);
          if (entry.changesAccess) await restore(p);
          const need = typeof entry.needs === "function" ? entry.needs(p.status) : entry.needs;
          const expected: Outcome = policyGrants(need, situation) ? "allow" : "deny";
          results.set(`${entry.name}|${p.orgRole}|${relation}|${p.restricted}|${p.status}`, outcome);
          if (outcome !== expected) {
            const what = outcome === "allow" ? "ALLOWED but the policy does not grant it" : "refused but the policy grants it";
            mismatches.push(`${entry.name}: ${p.orgRole} ${relation}, ${p.restricted ? "restricted" : "open"}, ${p.status}: ${what}`);
          }
        }
      }
    });
    console.log(renderMatrix(results));
    expect(mismatches).toEqual([]);
  }, 600_000);
});

const SHORT: Record<Relation, string> = { none: "none", FACILITATOR: "fac", ATTENDEE: "att", OBSERVER: "obs", LEADERSHIP_OBSERVER: "lead" };

/** One line per entry; per role and relation six marks: open D/R/P, then restricted D/R/P (✓ allowed, · refused). */
function renderMatrix(results: Map<string, Outcome>): string {
  const width = Math.max(...REGISTRY.map((e) => e.name.length)) + 2;
  const cell = (s: string) => s.padEnd(7);
  const header1 = " ".repeat(width) + ORG_ROLES.map((r) => r.padEnd(7 * RELATIONS.length)).join(" ");
  const header2 = " ".repeat(width) + ORG_ROLES.map(() => RELATIONS.map((r) => cell(SHORT[r])).join("")).join(" ");
  const lines = REGISTRY.map((entry) => {
    const marks = ORG_ROLES.map((role) =>
      RELATIONS.map((relation) =>
        cell(
          [false, true]
            .flatMap((restricted) =>
              STATUSES.map((status) => (results.get(`${entry.name}|${role}|${relation}|${restricted}|${status}`) === "allow" ? "✓" : "·")),
            )
            .join(""),
        ),
      ).join(""),
    ).join(" ");
    return entry.name.padEnd(width) + marks;
  });
  return [
    "Permission matrix (marks per relation: open DRAFT/IN_REVIEW/PUBLISHED, restricted DRAFT/IN_REVIEW/PUBLISHED)",
    header1,
    header2,
    ...lines,
  ].join("\n");
}
