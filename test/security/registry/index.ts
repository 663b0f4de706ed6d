// Every server action and every page or route that reads a postmortem, with how to invoke it the way the
// browser does. The permission matrix and the fuzz test both run from this list, and
// registry-coverage.test.ts fails when a server action is neither here nor in SELF_SERVICE, so a new
// action is one entry here.
import { DOCUMENT_ENTRIES } from "@/test/security/registry/document";
import { ROW_ENTRIES } from "@/test/security/registry/rows";
import { REVIEW_ENTRIES } from "@/test/security/registry/review";
import { ORGANISATION_ENTRIES } from "@/test/security/registry/organisation";
import type { RegistryEntry } from "@/test/security/registry/entry";

export { invoke, type Fixture, type RegistryEntry } from "@/test/security/registry/entry";

export const REGISTRY: RegistryEntry[] = [...DOCUMENT_ENTRIES, ...ROW_ENTRIES, ...REVIEW_ENTRIES, ...ORGANISATION_ENTRIES];

/**
 * Server actions that touch only the signed-in person's own account or inbox (no postmortem, no one
 * else's data), with where they are tested instead.
 */
export const SELF_SERVICE: Record<string, string> = {
  signInAction: "e2e/auth.spec.ts and lib/data/auth.test.ts (throttling, lockout)",
  registerAction: "e2e/auth.spec.ts (first account, closed registration)",
  signOutAction: "e2e/auth.spec.ts (the old cookie stops working)",
  signOutEverywhereAction: "e2e/attacks.spec.ts (other sessions end)",
  changePasswordAction: "e2e/attacks.spec.ts (changing one's password signs out the other sessions)",
  endSessionAction: "test/security/self-service.test.ts",
  endOtherSessionsAction: "test/security/self-service.test.ts",
  markReadAction: "test/security/self-service.test.ts",
  setPreferenceAction: "test/security/self-service.test.ts",
};

/** The server action or route names an entry stands for (its name up to the first space-led detail). */
export function coveredNames(entry: RegistryEntry): string[] {
  return entry.name.split(/ and /).map((part) => part.trim().split(/\s+/)[0]);
}
