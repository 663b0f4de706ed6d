import "server-only";
import { getDb } from "@/lib/db/client";
import { hashPassword } from "@/lib/data/auth";
import { createPostmortem } from "@/lib/data/postmortems";
import { appendDocEvents } from "@/lib/data/doc-events";
import { DEMO_PASSWORD, DEMO_USERS, DEMO_TEAMS, type DemoPostmortem } from "@/lib/data/seed-content";
import { DEMO_POSTMORTEMS } from "@/lib/data/seed-postmortems";
import type { OrgRole } from "@/lib/generated/prisma/enums";

export { DEMO_PASSWORD };

/** Loads the demo organisation unless anyone has an account already. Returns whether it did. */
export async function seedDemoDataIfEmpty(): Promise<boolean> {
  const db = getDb();
  if ((await db.user.count()) > 0) return false;
  await seedDemoData();
  return true;
}

export async function seedDemoData(): Promise<void> {
  const db = getDb();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = new Map<string, { id: string; role: OrgRole; name: string }>();
  for (const u of DEMO_USERS) {
    const row = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, role: u.role, passwordHash },
    });
    users.set(u.key, { id: row.id, role: row.role, name: row.name });
  }
  const teams = new Map<string, string>();
  for (const t of DEMO_TEAMS) {
    const row = await db.team.upsert({ where: { name: t.name }, update: {}, create: t });
    teams.set(t.name, row.id);
  }
  for (const pm of DEMO_POSTMORTEMS) {
    if (await db.postmortem.findUnique({ where: { incidentKey: pm.incidentKey }, select: { id: true } })) continue;
    await seedPostmortem(pm, users, teams);
  }
}

async function seedPostmortem(
  pm: DemoPostmortem,
  users: Map<string, { id: string; role: OrgRole; name: string }>,
  teams: Map<string, string>,
) {
  const facilitator = users.get(pm.facilitator)!;
  const { id } = await createPostmortem(facilitator, {
    incidentKey: pm.incidentKey,
    incidentName: pm.incidentName,
    incidentDate: new Date(pm.incidentDate),
    severity: pm.severity,
    teamId: teams.get(pm.team) ?? null,
    facilitatorId: facilitator.id,
  });
  const db = getDb();
  await db.$transaction(async (tx) => {
    // A published demo postmortem went out the day after its review meeting.
    const publishedAt = pm.status === "PUBLISHED" ? new Date(pm.fields.meetingDate.getTime() + 86_400_000) : null;
    await tx.postmortem.update({ where: { id }, data: { ...pm.fields, status: pm.status, publishedAt } });
    await tx.participant.createMany({
      data: pm.participants.map((p) => ({ postmortemId: id, userId: users.get(p.user)!.id, role: p.role })),
    });
    const template = await tx.timelineEntry.findMany({ where: { postmortemId: id }, orderBy: { orderKey: "asc" } });
    for (const row of template) {
      const filled = pm.timeline.find((t) => t.milestone === row.milestone);
      if (filled)
        await tx.timelineEntry.update({
          where: { id: row.id },
          data: { occurredAt: new Date(filled.at), notes: filled.notes ?? "", actor: filled.actor ?? row.actor },
        });
    }
    for (const [i, extra] of pm.extraTimeline.entries()) {
      await tx.timelineEntry.create({
        data: {
          postmortemId: id,
          occurredAt: new Date(extra.at),
          event: extra.event,
          actor: extra.actor,
          kind: extra.kind,
          orderKey: 1500 + i * 10,
        },
      });
    }
    // The editor keeps rows in time order; demo rows are written directly, so they are ordered here.
    const rows = await tx.timelineEntry.findMany({ where: { postmortemId: id } });
    rows.sort((a, b) => (a.occurredAt?.getTime() ?? Infinity) - (b.occurredAt?.getTime() ?? Infinity) || a.orderKey - b.orderKey);
    for (const [i, row] of rows.entries()) {
      await tx.timelineEntry.update({ where: { id: row.id }, data: { orderKey: (i + 1) * 1000 } });
    }
    const whys = await tx.whyStep.findMany({ where: { postmortemId: id }, orderBy: { position: "asc" } });
    for (const [i, why] of whys.entries()) {
      if (pm.whys[i]) await tx.whyStep.update({ where: { id: why.id }, data: { text: pm.whys[i] } });
    }
    const factors = await tx.contributingFactor.findMany({ where: { postmortemId: id } });
    for (const f of factors) {
      const text = pm.factors[f.category];
      if (text) await tx.contributingFactor.update({ where: { id: f.id }, data: { description: text } });
    }
    await tx.aiCause.createMany({ data: pm.aiCauses.map((c) => ({ postmortemId: id, kind: c.kind, evidence: c.evidence })) });
    await tx.impactAssessment.update({ where: { postmortemId: id }, data: pm.impact });
    await tx.correctiveAction.createMany({
      data: pm.actions.map((a, i) => ({
        postmortemId: id,
        number: i + 1,
        horizon: a.horizon,
        action: a.action,
        ownerId: users.get(a.owner)!.id,
        deadline: new Date(a.deadline),
        status: a.status,
        ticket: a.ticket,
        completedAt: a.status === "DONE" ? new Date(a.deadline) : null,
      })),
    });
    await appendDocEvents(tx, id, facilitator.id, [{ entity: "postmortem", entityId: id, field: null, after: "Demo content loaded" }]);
  });
}

/** The demo accounts that exist in this database, for the start-up log. */
export async function demoSignIns(): Promise<{ email: string; role: OrgRole; password: string }[]> {
  const rows = await getDb().user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) }, disabled: false },
    select: { email: true, role: true },
  });
  const order = DEMO_USERS.map((u) => u.email);
  return rows.sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email)).map((r) => ({ ...r, password: DEMO_PASSWORD }));
}

/** How many demo accounts can still sign in (with the published demo password, unless someone reset it). */
export async function countActiveDemoAccounts(): Promise<number> {
  return getDb().user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) }, disabled: false } });
}
