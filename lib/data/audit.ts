import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditKind =
  | "signin.success"
  | "signin.failure"
  | "signin.throttled"
  | "signout"
  | "signout.everywhere"
  | "password.changed"
  | "password.reset"
  | "authorization.refused"
  | "user.created"
  | "user.updated"
  | "user.registered"
  | "assistant.request"
  | "assistant.settings";

export async function recordAudit(entry: {
  userId?: string | null;
  kind: AuditKind;
  detail?: Prisma.InputJsonValue;
  ip?: string | null;
}): Promise<void> {
  await getDb().auditEvent.create({
    data: { userId: entry.userId ?? null, kind: entry.kind, detail: entry.detail, ip: entry.ip ?? null },
  });
}
