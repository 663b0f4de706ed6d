"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut, auth } from "@/lib/auth/config";
import { registerSchema, signInSchema } from "@/lib/validations/auth";
import { registerUser } from "@/lib/data/users";
import { revokeSession } from "@/lib/data/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { failure, toFieldErrors } from "@/lib/auth/safe-action";
import { errorMessages, type ActionResult } from "@/lib/errors";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

/** The result, plus the email typed, so the form can keep it after React resets the fields. */
export type FormState = (ActionResult<null> & { email?: string }) | null;

function minutes(seconds: number) {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? "1 minute" : `${m} minutes`;
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const typedEmail = String(formData.get("email") ?? "").slice(0, 254);
  const parsed = signInSchema.safeParse({ email: typedEmail, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    return {
      ok: false,
      code: "VALIDATION",
      message: "Enter your email and password.",
      fieldErrors: toFieldErrors(parsed.error),
      email: typedEmail,
    };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = (error as AuthError & { code?: string }).code ?? "invalid";
      if (code.startsWith("throttled:")) {
        const seconds = Number(code.slice("throttled:".length)) || 900;
        return { ok: false, code: "THROTTLED", message: `Too many sign-in attempts. Try again in ${minutes(seconds)}.`, email: typedEmail };
      }
      return { ok: false, code: "INVALID_CREDENTIALS", message: errorMessages.INVALID_CREDENTIALS, email: typedEmail };
    }
    return { ...failure(error), email: typedEmail };
  }
  // Only same-origin paths: an open redirect after sign-in would be a phishing aid.
  redirect(safeCallbackPath(formData.get("callbackUrl")));
}

export async function registerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = registerSchema.safeParse({
    name: formData.get("name") ?? "",
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
  });
  if (!parsed.success) return failure(parsed.error);
  try {
    await registerUser(parsed.data);
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    return failure(error);
  }
  redirect("/");
}

export async function signOutAction(): Promise<void> {
  const [user, session] = await Promise.all([getCurrentUser(), auth()]);
  if (session?.sid) await revokeSession(session.sid, user?.id ?? null);
  await signOut({ redirect: false });
  redirect("/sign-in");
}
