// Builders for data-layer tests. Every test database is shared by the files of one run, so names and keys
// are unique per call.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { createPostmortem } from "@/lib/data/postmortems";
import type { OrgRole, Severity } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/data/auth";

const unique = () => randomBytes(4).toString("hex");

/** A user row with a non-bcrypt hash (these users never sign in), as the data layer sees the actor. */
export async function createTestUser(role: OrgRole = "MEMBER", name?: string): Promise<SessionUser> {
  const id = unique();
  const user = await getDb().user.create({
    data: { email: `user-${id}@test.example`, name: name ?? `Test ${role} ${id}`, role, passwordHash: "not-a-hash" },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: `test-${id}` };
}

export function uniqueIncidentKey(): string {
  return `INC-T${unique().toUpperCase()}`;
}

/** A postmortem created through the data layer, with its template rows, facilitated by `facilitator`. */
export async function createTestPostmortem(
  facilitator: SessionUser,
  overrides: { severity?: Severity; incidentDate?: Date; incidentName?: string } = {},
): Promise<{ id: string; incidentKey: string }> {
  const incidentKey = uniqueIncidentKey();
  const { id } = await createPostmortem(facilitator, {
    incidentKey,
    incidentName: overrides.incidentName ?? `Test incident ${incidentKey}`,
    incidentDate: overrides.incidentDate ?? new Date("2026-11-20T09:00:00Z"),
    severity: overrides.severity ?? "HIGH",
    teamId: null,
    facilitatorId: facilitator.id,
  });
  return { id, incidentKey };
}

/** Adds a participant directly (the participants editor has its own tests). */
export async function addTestParticipant(
  postmortemId: string,
  userId: string,
  role: "ATTENDEE" | "OBSERVER" | "LEADERSHIP_OBSERVER" = "ATTENDEE",
) {
  await getDb().participant.create({ data: { postmortemId, userId, role } });
}
