// The shape of a registry entry and how the tests call it: raw input → the action's own zod schema → the
// data-layer function, answering the way the server action's wrapper would (lib/auth/safe-action.ts).
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/data/auth";
import type { PostmortemStatus } from "@/lib/generated/prisma/enums";
import type { Need } from "@/test/security/written-policy";

/** The postmortem an entry acts on, with one row of each kind and the users around it. */
export type Fixture = {
  postmortemId: string;
  incidentKey: string;
  status: PostmortemStatus;
  ownerId: string;
  timelineId: string;
  whyId: string;
  factorId: string;
  actionId: string;
  guestId: string;
};

export type RegistryEntry = {
  /** Starts with the server action(s) or route it stands for, e.g. "saveEditAction postmortem.summary". */
  name: string;
  kind: "action" | "page";
  /** What the written policy requires (docs/decisions.md), possibly depending on the postmortem's status. */
  needs: Need | ((status: PostmortemStatus) => Need);
  /** When allowed, the call changes who may do what, so the matrix puts the fixture back afterwards. */
  changesAccess?: boolean;
  schema: z.ZodType;
  /** The raw input the browser would send, against the fixture's current state. */
  input: (f: Fixture) => unknown | Promise<unknown>;
  run: (actor: SessionUser, input: never) => Promise<unknown>;
};

export function entry<S extends z.ZodType>(
  e: Omit<RegistryEntry, "schema" | "run"> & {
    schema: S;
    run: (actor: SessionUser, input: z.output<S>) => Promise<unknown>;
  },
): RegistryEntry {
  return e as unknown as RegistryEntry;
}

/**
 * Parses like the server action does, then calls the data layer. A zod error thrown further in (an
 * entity's own schema inside the edit protocol) is answered as VALIDATION, as the action wrapper does.
 */
export async function invoke(e: RegistryEntry, actor: SessionUser, raw: unknown): Promise<unknown> {
  const parsed = e.schema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION");
  try {
    return await e.run(actor, parsed.data as never);
  } catch (error) {
    if (error instanceof z.ZodError) throw new AppError("VALIDATION");
    throw error;
  }
}

export const db = () => getDb();
export const pm = (f: Fixture) => db().postmortem.findUniqueOrThrow({ where: { id: f.postmortemId } });
/** A different value each call, so a save is never a no-op. */
export const changed = (v: unknown) => `${String(v ?? "").slice(0, 50)} ·`.slice(-60);
