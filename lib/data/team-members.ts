import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canOrg, type Actor } from "@/lib/auth/permissions";

// Who belongs to which team: "published to your team" notifications and distribution by team use it.

function requireAdmin(actor: Actor) {
  if (!canOrg(actor, "manageUsers")) throw new AppError("FORBIDDEN");
}

export type TeamWithMembers = { id: string; name: string; members: { id: string; name: string }[] };

export async function listTeamsWithMembers(actor: Actor): Promise<TeamWithMembers[]> {
  requireAdmin(actor);
  const teams = await getDb().team.findMany({
    orderBy: { name: "asc" },
    include: { members: { include: { user: { select: { id: true, name: true } } } } },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, members: t.members.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)) }));
}

export async function setTeamMember(actor: Actor, input: { teamId: string; userId: string; member: boolean }) {
  requireAdmin(actor);
  const db = getDb();
  if (!input.member) {
    await db.teamMember.deleteMany({ where: { teamId: input.teamId, userId: input.userId } });
    return;
  }
  const [team, user] = await Promise.all([
    db.team.findUnique({ where: { id: input.teamId }, select: { id: true } }),
    db.user.findFirst({ where: { id: input.userId, disabled: false }, select: { id: true } }),
  ]);
  if (!team || !user) throw new AppError("VALIDATION", { message: "Choose an active person and an existing team." });
  await db.teamMember.upsert({
    where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
    create: { teamId: input.teamId, userId: input.userId },
    update: {},
  });
}
