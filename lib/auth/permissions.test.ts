import { describe, expect, it } from "vitest";
import { can, canOrg, type Actor, type PostmortemAccess, type PostmortemPermission } from "@/lib/auth/permissions";

const admin: Actor = { id: "admin", role: "ADMIN" };
const facilitator: Actor = { id: "fac", role: "MEMBER" };
const attendee: Actor = { id: "att", role: "MEMBER" };
const observer: Actor = { id: "obs", role: "MEMBER" };
const outsider: Actor = { id: "out", role: "MEMBER" };
const viewer: Actor = { id: "view", role: "VIEWER" };
const participantViewer: Actor = { id: "pview", role: "VIEWER" };

function pm(overrides: Partial<PostmortemAccess> = {}): PostmortemAccess {
  return {
    restricted: false,
    status: "IN_REVIEW",
    facilitatorId: "fac",
    createdById: "fac",
    participants: [
      { userId: "fac", role: "FACILITATOR" },
      { userId: "att", role: "ATTENDEE" },
      { userId: "obs", role: "LEADERSHIP_OBSERVER" },
      { userId: "pview", role: "ATTENDEE" },
    ],
    ...overrides,
  };
}

type Row = [string, Actor, PostmortemPermission, PostmortemAccess, boolean];

const matrix: Row[] = [
  ["admin edits", admin, "edit", pm(), true],
  ["facilitator edits", facilitator, "edit", pm(), true],
  ["attendee edits", attendee, "edit", pm(), true],
  ["leadership observer reads only", observer, "edit", pm(), false],
  ["observer can view", observer, "view", pm(), true],
  ["other member reads", outsider, "view", pm(), true],
  ["other member cannot edit", outsider, "edit", pm(), false],
  ["viewer reads", viewer, "view", pm(), true],
  ["viewer never edits, even as a participant", participantViewer, "edit", pm(), false],
  ["restricted hidden from other members", outsider, "view", pm({ restricted: true }), false],
  ["restricted hidden from viewers", viewer, "view", pm({ restricted: true }), false],
  ["restricted visible to participants", attendee, "view", pm({ restricted: true }), true],
  ["restricted visible to admins", admin, "view", pm({ restricted: true }), true],
  ["published is read-only for the facilitator", facilitator, "edit", pm({ status: "PUBLISHED" }), false],
  ["published is read-only for admins", admin, "edit", pm({ status: "PUBLISHED" }), false],
  ["facilitator publishes", facilitator, "publish", pm(), true],
  ["attendee does not publish", attendee, "publish", pm(), false],
  ["facilitator reopens", facilitator, "reopen", pm({ status: "PUBLISHED" }), true],
  ["admin reopens", admin, "reopen", pm({ status: "PUBLISHED" }), true],
  ["attendee does not reopen", attendee, "reopen", pm({ status: "PUBLISHED" }), false],
  ["nothing to reopen when not published", facilitator, "reopen", pm(), false],
  ["creator deletes a draft", facilitator, "delete", pm({ status: "DRAFT" }), true],
  ["attendee does not delete", attendee, "delete", pm({ status: "DRAFT" }), false],
  ["facilitator hands over the facilitator role", facilitator, "changeFacilitator", pm(), true],
  ["admin hands over the facilitator role", admin, "changeFacilitator", pm(), true],
  ["attendee cannot take the facilitator role", attendee, "changeFacilitator", pm(), false],
  ["facilitator changes who can see it", facilitator, "changeAccess", pm({ restricted: true }), true],
  ["attendee cannot lift Restricted", attendee, "changeAccess", pm({ restricted: true }), false],
  ["attendee cannot set Restricted either", attendee, "changeAccess", pm(), false],
  ["no access change on a published postmortem", facilitator, "changeAccess", pm({ status: "PUBLISHED" }), false],
];

describe("can(user, action, postmortem)", () => {
  it.each(matrix)("%s", (_name, actor, permission, access, expected) => {
    expect(can(actor, permission, access)).toBe(expected);
  });

  it("refuses everything to nobody and to disabled users", () => {
    expect(can(null, "view", pm())).toBe(false);
    expect(can({ ...admin, disabled: true }, "view", pm())).toBe(false);
  });
});

describe("canOrg", () => {
  it("lets admins and members create postmortems, not viewers", () => {
    expect(canOrg(admin, "createPostmortem")).toBe(true);
    expect(canOrg(attendee, "createPostmortem")).toBe(true);
    expect(canOrg(viewer, "createPostmortem")).toBe(false);
  });

  it("lets only admins manage users", () => {
    expect(canOrg(admin, "manageUsers")).toBe(true);
    expect(canOrg(attendee, "manageUsers")).toBe(false);
    expect(canOrg(viewer, "manageUsers")).toBe(false);
  });
});
