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
  "view" | "edit" | "publish" | "reopen" | "delete" | "viewHistory" | "changeFacilitator" | "changeAccess" | "releaseExternalSummary";

export type OrgPermission = "createPostmortem" | "manageUsers" | "viewAllRestricted";

/** Fields of the postmortem whose change needs more than "edit", with the message shown at the field. */
export const GUARDED_FIELDS: Record<string, { permission: PostmortemPermission; message: string }> = {
  facilitatorId: {
    permission: "changeFacilitator",
    message: "Only the facilitator or an administrator can hand over the facilitator role.",
  },
  restricted: { permission: "changeAccess", message: "Only the facilitator or an administrator can change who can see this postmortem." },
};

const EDITING_ROLES: ParticipantRole[] = ["FACILITATOR", "ATTENDEE"];

function isInvolved(actor: Actor, pm: PostmortemAccess): boolean {
  return pm.facilitatorId === actor.id || pm.createdById === actor.id || pm.participants.some((p) => p.userId === actor.id);
}

function isEditor(actor: Actor, pm: PostmortemAccess): boolean {
  return (
    pm.facilitatorId === actor.id ||
    pm.createdById === actor.id ||
    pm.participants.some((p) => p.userId === actor.id && EDITING_ROLES.includes(p.role))
  );
}

function isFacilitator(actor: Actor, pm: PostmortemAccess): boolean {
  return pm.facilitatorId === actor.id || (pm.facilitatorId === null && pm.createdById === actor.id);
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
      return admin || isFacilitator(actor, pm);
    case "reopen":
      if (pm.status !== "PUBLISHED" || actor.role === "VIEWER") return false;
      return admin || pm.facilitatorId === actor.id;
    case "delete":
      return admin || (actor.role === "MEMBER" && pm.createdById === actor.id && pm.status !== "PUBLISHED");
    // Handing over the facilitator role, ticking or unticking Restricted, and changing who takes part in a
    // restricted postmortem decide who may publish or see it: the facilitator's (or an admin's) call only.
    case "changeFacilitator":
    case "changeAccess":
      if (pm.status === "PUBLISHED" || actor.role === "VIEWER") return false;
      return admin || isFacilitator(actor, pm);
    // The external summary usually goes out after the postmortem is published, so at any status.
    case "releaseExternalSummary":
      return actor.role !== "VIEWER" && (admin || isFacilitator(actor, pm));
  }
}

/**
 * Follow-up outlives the review ("Track actions to completion in subsequent weeks"): a corrective action's
 * status, its Jira/Linear ticket and ticking a documentation update done are open to the postmortem's
 * editors while it is open, and at any status to the item's owner, the facilitator and admins.
 */
export function canTrackFollowUp(actor: Actor | null, pm: PostmortemAccess, itemOwnerId: string | null): boolean {
  if (!actor || actor.disabled || actor.role === "VIEWER" || !can(actor, "view", pm)) return false;
  return (
    can(actor, "edit", pm) || actor.role === "ADMIN" || pm.facilitatorId === actor.id || (itemOwnerId !== null && itemOwnerId === actor.id)
  );
}
