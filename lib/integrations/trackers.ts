import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canOrg, canTrackFollowUp, type Actor } from "@/lib/auth/permissions";
import { authorize } from "@/lib/data/access";
import { appendDocEvents } from "@/lib/data/doc-events";
import { readEnv } from "@/lib/env";
import type { TrackerKind } from "@/lib/generated/prisma/enums";
import { createTicket, ticketStatus, TrackerError, type TrackerConfig } from "@/lib/integrations/tracker-clients";

// Corrective actions into Jira or Linear: an admin stores the site and token; editors create a ticket from
// an action (its key and link are kept on the action); a scheduled job pulls the ticket's status back.

export const TRACKER_LABELS: Record<TrackerKind, string> = { JIRA: "Jira", LINEAR: "Linear" };

/** Which trackers are configured (the buttons show only for these); never the tokens. */
export async function configuredTrackers(): Promise<TrackerKind[]> {
  const rows = await getDb().trackerConnection.findMany({ select: { kind: true }, orderBy: { kind: "asc" } });
  return rows.map((r) => r.kind);
}

export async function saveTrackerConnection(actor: Actor, input: TrackerConfig) {
  if (!canOrg(actor, "manageUsers")) throw new AppError("FORBIDDEN");
  const data = { baseUrl: input.baseUrl.replace(/\/+$/, ""), email: input.email, token: input.token, project: input.project };
  await getDb().trackerConnection.upsert({ where: { kind: input.kind }, create: { kind: input.kind, ...data }, update: data });
}

export async function removeTrackerConnection(actor: Actor, kind: TrackerKind) {
  if (!canOrg(actor, "manageUsers")) throw new AppError("FORBIDDEN");
  await getDb().trackerConnection.deleteMany({ where: { kind } });
}

/** Creates the ticket for one corrective action (once: an action already linked keeps its ticket). */
export async function createTrackerTicket(actor: Actor, input: { actionId: string; kind: TrackerKind }) {
  const db = getDb();
  const row = await db.correctiveAction.findFirst({
    where: { id: input.actionId, deletedAt: null },
    include: { owner: { select: { name: true } }, postmortem: { select: { id: true, incidentKey: true, incidentName: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const access = await authorize(db, actor, row.postmortemId, "view");
  if (!canTrackFollowUp(actor, access, row.ownerId)) throw new AppError("FORBIDDEN");
  if (row.trackerKey) return { key: row.trackerKey, url: row.trackerUrl ?? "" };
  if (!row.action.trim()) throw new AppError("VALIDATION", { message: "Describe the action before creating a ticket for it." });
  const config = await db.trackerConnection.findUnique({ where: { kind: input.kind } });
  if (!config) throw new AppError("VALIDATION", { message: `${TRACKER_LABELS[input.kind]} is not configured. Ask an administrator.` });
  const description = [
    `Corrective action #${row.number} from postmortem ${row.postmortem.incidentKey} (${row.postmortem.incidentName}).`,
    `Owner: ${row.owner?.name ?? "not set"}. Deadline: ${row.deadline?.toISOString().slice(0, 10) ?? "not set"}.`,
    `${readEnv().appUrl}/postmortems/${row.postmortem.id}#actions`,
  ].join("\n");
  let ticket;
  try {
    ticket = await createTicket(config, { title: row.action.trim().slice(0, 250), description });
  } catch (error) {
    if (error instanceof TrackerError) throw new AppError("VALIDATION", { message: error.message });
    throw error;
  }
  await db.$transaction(async (tx) => {
    await tx.correctiveAction.update({
      where: { id: row.id },
      data: {
        trackerKind: input.kind,
        trackerKey: ticket.key,
        trackerUrl: ticket.url,
        trackerStatus: ticket.status,
        trackerSyncedAt: new Date(),
        ticket: row.ticket.trim() ? row.ticket : ticket.key,
      },
    });
    await appendDocEvents(tx, row.postmortemId, actor.id, [
      {
        entity: "action",
        entityId: row.id,
        field: "trackerKey",
        before: null,
        after: { kind: input.kind, key: ticket.key, url: ticket.url },
      },
    ]);
  });
  return { key: ticket.key, url: ticket.url };
}

/** Pulls the status of every linked ticket; one failing ticket does not stop the others. */
export async function syncTrackerTickets(): Promise<{ updated: number; failed: number }> {
  const db = getDb();
  const configs = new Map((await db.trackerConnection.findMany()).map((c) => [c.kind, c]));
  const rows = await db.correctiveAction.findMany({
    where: { deletedAt: null, trackerKey: { not: null }, trackerKind: { in: [...configs.keys()] } },
    select: { id: true, trackerKind: true, trackerKey: true, trackerStatus: true },
  });
  let updated = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      const status = await ticketStatus(configs.get(row.trackerKind!)!, row.trackerKey!);
      await db.correctiveAction.update({ where: { id: row.id }, data: { trackerStatus: status, trackerSyncedAt: new Date() } });
      if (status !== row.trackerStatus) updated++;
    } catch {
      failed++;
    }
  }
  return { updated, failed };
}

export type TrackerConnectionDto = { kind: TrackerKind; baseUrl: string; email: string; project: string };

/** For the admin page: where each tracker points; the token is never sent back to the browser. */
export async function listTrackerConnections(actor: Actor): Promise<TrackerConnectionDto[]> {
  if (!canOrg(actor, "manageUsers")) throw new AppError("FORBIDDEN");
  return getDb().trackerConnection.findMany({
    select: { kind: true, baseUrl: true, email: true, project: true },
    orderBy: { kind: "asc" },
  });
}

export type ActionTicketDto = {
  id: string;
  number: number;
  action: string;
  trackerKind: TrackerKind | null;
  trackerKey: string | null;
  trackerUrl: string | null;
  trackerStatus: string | null;
  trackerSyncedAt: string | null;
};

/** The postmortem's actions with their tracker tickets, for whoever may read the postmortem. */
export async function listActionTickets(actor: Actor, postmortemId: string): Promise<ActionTicketDto[]> {
  const db = getDb();
  await authorize(db, actor, postmortemId, "view");
  const rows = await db.correctiveAction.findMany({
    where: { postmortemId, deletedAt: null, action: { not: "" } },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      action: true,
      trackerKind: true,
      trackerKey: true,
      trackerUrl: true,
      trackerStatus: true,
      trackerSyncedAt: true,
    },
  });
  return rows.map((r) => ({ ...r, trackerSyncedAt: r.trackerSyncedAt?.toISOString() ?? null }));
}
