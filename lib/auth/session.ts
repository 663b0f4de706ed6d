import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { getActiveSessionUser, type SessionUser } from "@/lib/data/auth";

export type { SessionUser };

/**
 * The signed-in user for this request, or null. The cookie alone is not enough: its AuthSession row
 * must be unrevoked and unexpired and its user enabled, so sign-out and disabling take effect at once.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return getActiveSessionUser(session.sid);
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
