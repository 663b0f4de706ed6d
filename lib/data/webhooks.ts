import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canOrg, type Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/data/access";
import { readEnv } from "@/lib/env";
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/domain/webhook-signature";
import { ACTION_STATUS_LABELS, ROOT_CAUSE_CATEGORY_LABELS } from "@/lib/domain/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookFormat } from "@/lib/generated/prisma/enums";

/** Attempts per delivery before it is logged as failed (the queue waits longer between each). */
export const MAX_WEBHOOK_ATTEMPTS = 4;

export type PublicationPayload = {
  event: "postmortem.published";
  postmortem: { id: string; incidentKey: string; name: string; url: string };
  summary: string;
  rootCause: string;
  lessons: { wentWell: string; couldImprove: string; doDifferently: string };
  actions: { number: number; action: string; owner: string | null; deadline: string | null; status: string }[];
  /** The same as plain text, for chat and email. */
  text: string;
};

/** What publishing sends: the summary, root cause, lessons and corrective actions. */
export async function publicationPayload(tx: Tx, postmortemId: string): Promise<PublicationPayload> {
  const pm = await tx.postmortem.findUniqueOrThrow({
    where: { id: postmortemId },
    include: { actions: { where: { deletedAt: null }, orderBy: { number: "asc" }, include: { owner: { select: { name: true } } } } },
  });
  const url = `${readEnv().appUrl}/postmortems/${pm.id}`;
  const actions = pm.actions
    .filter((a) => a.action.trim())
    .map((a) => ({
      number: a.number,
      action: a.action,
      owner: a.owner?.name ?? null,
      deadline: a.deadline?.toISOString().slice(0, 10) ?? null,
      status: a.status,
    }));
  const category = pm.rootCauseCategory ? ` (${ROOT_CAUSE_CATEGORY_LABELS[pm.rootCauseCategory]})` : "";
  const text = [
    `Postmortem published: ${pm.incidentKey} ${pm.incidentName}`,
    `Summary: ${pm.summary}`,
    `Root cause${category}: ${pm.rootCause}`,
    `What went well: ${pm.lessonsWentWell}`,
    `What could be improved: ${pm.lessonsCouldImprove}`,
    `What we will do differently: ${pm.lessonsDoDifferently}`,
    "Corrective actions:",
    ...actions.map(
      (a) =>
        `  #${a.number} ${a.action} — ${a.owner ?? "no owner"}, ${a.deadline ?? "no deadline"}, ${ACTION_STATUS_LABELS[a.status as keyof typeof ACTION_STATUS_LABELS]}`,
    ),
    url,
  ].join("\n");
  return {
    event: "postmortem.published",
    postmortem: { id: pm.id, incidentKey: pm.incidentKey, name: pm.incidentName, url },
    summary: pm.summary,
    rootCause: pm.rootCause,
    lessons: { wentWell: pm.lessonsWentWell, couldImprove: pm.lessonsCouldImprove, doDifferently: pm.lessonsDoDifferently },
    actions,
    text,
  };
}

/** One PENDING delivery per enabled webhook of the owning team and the distribution list's teams. */
export async function queueTeamDeliveries(
  tx: Tx,
  postmortemId: string,
  teamId: string | null,
  payload: PublicationPayload,
): Promise<string[]> {
  const list = await tx.distributionEntry.findMany({ where: { postmortemId, teamId: { not: null } }, select: { teamId: true } });
  const teamIds = [...new Set([teamId, ...list.map((d) => d.teamId)].filter((t): t is string => !!t))];
  const hooks = await tx.webhook.findMany({ where: { teamId: { in: teamIds }, enabled: true }, select: { id: true } });
  const ids: string[] = [];
  for (const hook of hooks) {
    const row = await tx.webhookDelivery.create({
      data: { webhookId: hook.id, event: payload.event, payload: payload as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return ids;
}

/** Slack's incoming webhooks take `{ text }`; JSON receivers get the whole payload. */
export function webhookBody(format: WebhookFormat, payload: PublicationPayload): string {
  return JSON.stringify(format === "SLACK" ? { text: payload.text } : payload);
}

export type AttemptOutcome = "delivered" | "retry" | "failed" | "skipped";

/**
 * One attempt of one delivery. Non-2xx answers and network errors are recorded; the caller (the queue)
 * retries "retry" with backoff, and the last attempt marks the delivery FAILED in the log.
 */
export async function attemptWebhookDelivery(deliveryId: string, fetchImpl: typeof fetch = fetch): Promise<AttemptOutcome> {
  const db = getDb();
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
  if (!delivery || delivery.status !== "PENDING") return "skipped";
  const body = webhookBody(delivery.webhook.format, delivery.payload as unknown as PublicationPayload);
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetchImpl(delivery.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "postmortems-webhooks/1",
        [SIGNATURE_HEADER]: signWebhook(delivery.webhook.secret, timestamp, body),
        [TIMESTAMP_HEADER]: String(timestamp),
        "x-postmortem-delivery": delivery.id,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    status = response.status;
    await response.body?.cancel().catch(() => {});
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const attempts = delivery.attempts + 1;
  const outcome: AttemptOutcome = !error ? "delivered" : attempts >= MAX_WEBHOOK_ATTEMPTS ? "failed" : "retry";
  await db.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      attempts,
      responseStatus: status,
      lastError: error,
      status: outcome === "delivered" ? "DELIVERED" : outcome === "failed" ? "FAILED" : "PENDING",
      deliveredAt: outcome === "delivered" ? new Date() : null,
    },
  });
  return outcome;
}

function requireAdmin(actor: Actor) {
  if (!canOrg(actor, "manageUsers")) throw new AppError("FORBIDDEN");
}

export async function createWebhook(actor: Actor, input: { teamId: string; url: string; format: WebhookFormat }) {
  requireAdmin(actor);
  const team = await getDb().team.findUnique({ where: { id: input.teamId }, select: { id: true } });
  if (!team) throw new AppError("VALIDATION", { fieldErrors: { teamId: ["Choose a team from the list."] } });
  const secret = randomBytes(24).toString("base64url");
  return getDb().webhook.create({ data: { ...input, secret }, select: { id: true, secret: true } });
}

export async function deleteWebhook(actor: Actor, id: string) {
  requireAdmin(actor);
  await getDb().webhook.deleteMany({ where: { id } });
}

export type WebhookAdminDto = {
  id: string;
  teamName: string;
  url: string;
  format: WebhookFormat;
  secret: string;
  enabled: boolean;
  deliveries: {
    id: string;
    event: string;
    status: string;
    attempts: number;
    responseStatus: number | null;
    lastError: string | null;
    createdAt: string;
  }[];
};

/** Webhooks with their latest deliveries: the log admins read. */
export async function listWebhooks(actor: Actor): Promise<WebhookAdminDto[]> {
  requireAdmin(actor);
  const hooks = await getDb().webhook.findMany({
    orderBy: { createdAt: "asc" },
    include: { team: { select: { name: true } }, deliveries: { orderBy: { createdAt: "desc" }, take: 20 } },
  });
  return hooks.map((h) => ({
    id: h.id,
    teamName: h.team.name,
    url: h.url,
    format: h.format,
    secret: h.secret,
    enabled: h.enabled,
    deliveries: h.deliveries.map((d) => ({
      id: d.id,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      responseStatus: d.responseStatus,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
    })),
  }));
}

/** Deliveries never attempted whose job was lost, for the sweeper to queue again. */
export async function strandedDeliveryIds(olderThan: Date): Promise<string[]> {
  const rows = await getDb().webhookDelivery.findMany({
    where: { status: "PENDING", attempts: 0, createdAt: { lt: olderThan } },
    select: { id: true },
    take: 1000,
  });
  return rows.map((r) => r.id);
}
