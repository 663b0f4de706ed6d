import "server-only";
import { getDb } from "@/lib/db/client";
import { canOrg, type Actor } from "@/lib/auth/permissions";
import { authorize } from "@/lib/data/access";
import { recordAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// The assistant's stored switches, what drafting needs to know about a postmortem, and the audit of every
// request sent to an AI endpoint.

export type AssistantSettings = { enabled: boolean; allowRestrictedExternal: boolean; updatedAt: string | null };

const SETTINGS_ID = "default";

export async function getAssistantSettings(): Promise<AssistantSettings> {
  const row = await getDb().assistantSetting.findUnique({ where: { id: SETTINGS_ID } });
  return {
    enabled: row?.enabled ?? true,
    allowRestrictedExternal: row?.allowRestrictedExternal ?? false,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Admins only; the change is audited with its before and after. */
export async function updateAssistantSettings(
  actor: Actor,
  input: { enabled: boolean; allowRestrictedExternal: boolean },
): Promise<AssistantSettings> {
  if (!canOrg(actor, "manageUsers")) throw new AppError("FORBIDDEN");
  const before = await getAssistantSettings();
  const row = await getDb().assistantSetting.upsert({
    where: { id: SETTINGS_ID },
    create: { id: SETTINGS_ID, ...input, updatedById: actor.id },
    update: { ...input, updatedById: actor.id },
  });
  await recordAudit({
    userId: actor.id,
    kind: "assistant.settings",
    detail: { before: { ...before, updatedAt: undefined }, after: input },
  });
  return { enabled: row.enabled, allowRestrictedExternal: row.allowRestrictedExternal, updatedAt: row.updatedAt.toISOString() };
}

export type DraftTarget = { id: string; incidentKey: string; incidentName: string; incidentDate: Date; restricted: boolean };

/** The postmortem a draft is for: only someone who may edit it may draft for it (others get NOT_FOUND/FORBIDDEN). */
export async function getDraftTarget(actor: Actor, postmortemId: string): Promise<DraftTarget> {
  const db = getDb();
  await authorize(db, actor, postmortemId, "edit");
  return db.postmortem.findUniqueOrThrow({
    where: { id: postmortemId },
    select: { id: true, incidentKey: true, incidentName: true, incidentDate: true, restricted: true },
  });
}

export type EndpointAudit = {
  postmortemId: string;
  purpose: "draft" | "coaching";
  endpoint: string;
  model: string;
  sent: { system: string; prompt: string };
  usage: { inputTokens: number | null; outputTokens: number | null; totalTokens: number | null } | null;
  outcome: "ok" | "error";
  error?: string;
};

/** One audit row per request that left the server: who, which postmortem, what was sent, tokens used. */
export async function recordEndpointRequest(actor: Actor, entry: EndpointAudit): Promise<void> {
  await recordAudit({ userId: actor.id, kind: "assistant.request", detail: entry as unknown as Prisma.InputJsonValue });
}

export type EndpointRequestRow = { at: string; userName: string | null; detail: EndpointAudit };

/** The latest endpoint requests, for the admin page. */
export async function listEndpointRequests(actor: Actor, limit = 20): Promise<EndpointRequestRow[]> {
  if (!canOrg(actor, "manageUsers")) throw new AppError("FORBIDDEN");
  const rows = await getDb().auditEvent.findMany({
    where: { kind: "assistant.request" },
    orderBy: { at: "desc" },
    take: limit,
    include: { user: { select: { name: true } } },
  });
  return rows.map((r) => ({ at: r.at.toISOString(), userName: r.user?.name ?? null, detail: r.detail as unknown as EndpointAudit }));
}
