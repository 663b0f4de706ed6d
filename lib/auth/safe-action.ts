import "server-only";
import { z } from "zod";
import { AppError, errorMessages, type ActionResult } from "@/lib/errors";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/data/audit";

/** zod issues → { "field.path": ["message"] }, the shape RHF's setError is fed from. */
export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function failure(error: unknown): ActionResult<never> {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, detail: error.detail };
  }
  if (error instanceof z.ZodError) {
    return { ok: false, code: "VALIDATION", message: errorMessages.VALIDATION, fieldErrors: toFieldErrors(error) };
  }
  console.error("[postmortems] action failed", error);
  return { ok: false, code: "INTERNAL", message: errorMessages.INTERNAL };
}

/**
 * Every authenticated server action goes through here: parse the input with the shared schema, resolve
 * the session, run the data-layer call (which authorises), and answer in the one result shape.
 * Refusals are audited; unexpected errors are logged and never leak to the browser.
 */
export function authedAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, user: SessionUser) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: errorMessages.UNAUTHENTICATED };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return failure(parsed.error);
    try {
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) {
        // The refusal stands either way; a lost audit entry is itself worth an operator's attention.
        await recordAudit({ userId: user.id, kind: "authorization.refused", detail: { code: error.code } }).catch((auditError) =>
          console.error("[audit] could not record a refused authorisation", { userId: user.id, code: error.code }, auditError),
        );
      }
      return failure(error);
    }
  };
}
