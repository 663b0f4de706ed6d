// The permission policy exactly as docs/decisions.md ("Permissions") states it, written independently of
// lib/auth/permissions.ts so that the matrix test compares the code against the words, not against itself.
import type { OrgRole, PostmortemStatus } from "@/lib/generated/prisma/enums";

export type Relation = "none" | "FACILITATOR" | "ATTENDEE" | "OBSERVER" | "LEADERSHIP_OBSERVER";

export type Situation = { orgRole: OrgRole; relation: Relation; restricted: boolean; status: PostmortemStatus };

export type Need =
  | "view"
  | "edit"
  | "publish"
  | "reopen"
  | "changeFacilitator"
  | "changeAccess"
  | "editParticipants"
  | "trackAction"
  | "releaseExternalSummary"
  | "createPostmortem"
  | "manageUsers";

export function policyGrants(need: Need, s: Situation): boolean {
  const admin = s.orgRole === "ADMIN";
  const writer = s.orgRole !== "VIEWER"; // "Viewers never write."
  const facilitator = s.relation === "FACILITATOR";
  // "Restricted postmortems are visible only to the people involved and admins."
  const sees = admin || !s.restricted || s.relation !== "none";
  // "Members edit postmortems they facilitate or attend as FACILITATOR/ATTENDEE"; observers read only.
  const editor = admin || facilitator || s.relation === "ATTENDEE";
  // "A published postmortem is read-only until its facilitator or an admin reopens it."
  const open = s.status !== "PUBLISHED";
  switch (need) {
    case "view":
      return sees;
    case "edit":
      return sees && writer && open && editor;
    case "publish":
    case "changeFacilitator":
    case "changeAccess":
      // Publishing, handing over the facilitator role and deciding who sees a restricted postmortem:
      // the facilitator or an admin.
      return sees && writer && open && (admin || facilitator);
    case "editParticipants":
      return s.restricted ? policyGrants("changeAccess", s) : policyGrants("edit", s);
    case "reopen":
      return sees && writer && !open && (admin || facilitator);
    case "trackAction":
      // "Follow-up outlives the review: … at any status to the item's owner, the facilitator and admins."
      // (The fixture's items belong to someone who is none of the actors.)
      return policyGrants("edit", s) || (sees && writer && (admin || facilitator));
    case "releaseExternalSummary":
      // "The external summary is approved, published and revoked by the facilitator or an admin, at any status."
      return sees && writer && (admin || facilitator);
    case "createPostmortem":
      return s.orgRole === "ADMIN" || s.orgRole === "MEMBER";
    case "manageUsers":
      return admin;
  }
}
