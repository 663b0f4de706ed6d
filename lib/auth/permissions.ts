import type { OrgRole, ParticipantRole, PostmortemStatus } from "@/lib/generated/prisma/enums";

export type Actor = { id: string; role: OrgRole; disabled?: boolean };

export type PostmortemAccess = {
  restricted: boolean;
  status: PostmortemStatus;
  facilitatorId: string | null;
  createdById: string;
  participants: { userId: string | null; role: ParticipantRole }[];
};

export type PostmortemPermission =
  | "view"
  | "edit"
  | "publish"
  | "reopen"
  | "delete"
  | "viewHistory";

export type OrgPermission = "createPostmortem" | "manageUsers" | "viewAllRestricted";

const EDITING_ROLES: ParticipantRole[] = ["FACILITATOR", "ATTENDEE"];

function isInvolved(actor: Actor, pm: PostmortemAccess): boolean {
  return (
    pm.facilitatorId === actor.id ||
    pm.createdById === actor.id ||
    pm.participants.some((p) => p.userId === actor.id)
  );
}

function isEditor(actor: Actor, pm: PostmortemAccess): boolean {
  return (
    pm.facilitatorId === actor.id ||
    pm.createdById === actor.id ||
    pm.participants.some((p) => p.userId === actor.id && EDITING_ROLES.includes(p.role))
  );
}

/** Organisation-wide permissions, independent of any postmortem. */
export function canOrg(actor: Actor | null, permission: OrgPermission): boolean {
  if (!actor || actor.disabled) return false;
  switch (permission) {
    case "createPostmortem":
      return actor.role === "ADMIN" || actor.role === "MEMBER";
    case "manageUsers":
    case "viewAllRestricted":
      return actor.role === "ADMIN";
  }
}

/**
 * The whole permission matrix for one postmortem. Facilitator, editing participants and admins edit;
 * other members and viewers read; restricted postmortems are invisible to anyone not involved.
 * A published postmortem is read-only for everyone until its facilitator or an admin reopens it.
 */
export function can(actor: Actor | null, permission: PostmortemPermission, pm: PostmortemAccess): boolean {
  if (!actor || actor.disabled) return false;
  const admin = actor.role === "ADMIN";
  const visible = admin || !pm.restricted || isInvolved(actor, pm);
  if (!visible) return false;
  switch (permission) {
    case "view":
    case "viewHistory":
      return true;
    case "edit":
      if (pm.status === "PUBLISHED" || actor.role === "VIEWER") return false;
      return admin || isEditor(actor, pm);
    case "publish":
      if (pm.status === "PUBLISHED" || actor.role === "VIEWER") return false;
      return admin || pm.facilitatorId === actor.id || (pm.facilitatorId === null && pm.createdById === actor.id);
    case "reopen":
      if (pm.status !== "PUBLISHED" || actor.role === "VIEWER") return false;
      return admin || pm.facilitatorId === actor.id;
    case "delete":
      return admin || (actor.role === "MEMBER" && pm.createdById === actor.id && pm.status !== "PUBLISHED");
  }
}
