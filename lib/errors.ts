// The typed error catalogue: every message a user can see from a refused action comes from here.
export const errorMessages = {
  UNAUTHENTICATED: "Your session has ended. Please sign in again.",
  NOT_FOUND: "That postmortem does not exist, or you do not have access to it.",
  FORBIDDEN: "You do not have permission to do that.",
  VALIDATION: "Some fields need attention; nothing was saved.",
  INCIDENT_KEY_TAKEN: "That Incident ID is already used by another postmortem.",
  EMAIL_TAKEN: "An account with that email already exists.",
  INVALID_CREDENTIALS: "The email or password is not right.",
  THROTTLED: "Too many sign-in attempts. Try again later.",
  SIGNUP_CLOSED: "Registration is closed. Ask an administrator to create your account.",
  READ_ONLY: "This postmortem is published and read-only. Reopen it to make changes.",
  CONFLICT: "Someone else changed this while you were editing. Review their version and try again.",
  DELETED: "That item was deleted by someone else.",
  LAST_ADMIN: "There must be at least one active administrator.",
  INTERNAL: "Something went wrong on our side; nothing was saved. Please try again.",
  ASSISTANT_OFF: "The assistant is turned off by an administrator.",
  ASSISTANT_FAILED: "The assistant could not produce a draft; nothing was saved.",
} as const;

export type ErrorCode = keyof typeof errorMessages;

export type FieldErrors = Record<string, string[] | undefined>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly detail?: unknown;

  constructor(code: ErrorCode, options?: { message?: string; fieldErrors?: FieldErrors; detail?: unknown }) {
    super(options?.message ?? errorMessages[code]);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
    this.detail = options?.detail;
  }
}

/**
 * The detail of every CONFLICT answer, whatever was edited: the row (entity + id; the postmortem's id for
 * its own fields) and, per refused field, the value someone else stored meanwhile, as the editor shows it.
 */
export type ConflictDetail = { entity: string; entityId: string | null; theirs: Record<string, unknown> };

/** The one result shape of every server action. */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors; detail?: unknown };
