// Organisation-wide actions: creating and importing postmortems, and the administrator's pages.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { createPostmortemSchema } from "@/lib/validations/postmortem";
import { importPostmortemSchema } from "@/lib/validations/import";
import { postmortemIdSchema } from "@/lib/validations/lifecycle";
import { createUserSchema, resetPasswordSchema, updateUserSchema } from "@/lib/validations/auth";
import {
  createWebhookSchema,
  teamMemberSchema,
  trackerConnectionSchema,
  trackerKindSchema,
  webhookRefSchema,
} from "@/lib/validations/sharing";
import { createPostmortem } from "@/lib/data/postmortems";
import { importPostmortem } from "@/lib/data/import-postmortem";
import { createUser, listUsers, resetUserPassword, updateUser } from "@/lib/data/users";
import { createWebhook, deleteWebhook } from "@/lib/data/webhooks";
import { setTeamMember } from "@/lib/data/team-members";
import { removeTrackerConnection, saveTrackerConnection } from "@/lib/integrations/trackers";
import { updateAssistantSettings } from "@/lib/data/assistant";
import { db, entry, type RegistryEntry } from "@/test/security/registry/entry";

const team = () => db().team.create({ data: { name: `Matrix team ${randomUUID().slice(0, 8)}` } });

export const ORGANISATION_ENTRIES: RegistryEntry[] = [
  entry({
    name: "createPostmortemAction",
    kind: "action",
    needs: "createPostmortem",
    schema: createPostmortemSchema,
    input: () => ({
      incidentKey: `INC-M${randomUUID().slice(0, 8).toUpperCase()}`,
      incidentName: "Matrix",
      incidentDate: "2026-11-20T09:00",
      severity: "LOW",
    }),
    run: createPostmortem,
  }),
  entry({
    name: "page /admin/users",
    kind: "page",
    needs: "manageUsers",
    schema: postmortemIdSchema.partial(),
    input: () => ({}),
    run: (actor) => listUsers(actor),
  }),
  entry({
    name: "createUserAction",
    kind: "action",
    needs: "manageUsers",
    schema: createUserSchema,
    input: () => ({
      name: "New person",
      email: `new-${randomUUID().slice(0, 8)}@test.example`,
      password: "a long enough password",
      role: "MEMBER",
    }),
    run: createUser,
  }),
  entry({
    name: "updateUserAction",
    kind: "action",
    needs: "manageUsers",
    schema: updateUserSchema,
    input: (f) => ({ userId: f.ownerId, role: "MEMBER" }),
    run: updateUser,
  }),
  entry({
    name: "importPostmortemAction",
    kind: "action",
    needs: "createPostmortem",
    schema: importPostmortemSchema,
    // Someone who may create gets past authorisation to the file's own check.
    input: () => ({ incidentKey: `INC-I${randomUUID().slice(0, 8).toUpperCase()}`, json: "{}" }),
    run: importPostmortem,
  }),
  entry({
    name: "resetPasswordAction",
    kind: "action",
    needs: "manageUsers",
    schema: resetPasswordSchema,
    input: (f) => ({ userId: f.ownerId, password: "another long password" }),
    run: resetUserPassword,
  }),
  entry({
    name: "setTeamMemberAction",
    kind: "action",
    needs: "manageUsers",
    schema: teamMemberSchema,
    input: async (f) => ({ teamId: (await team()).id, userId: f.ownerId, member: true }),
    run: setTeamMember,
  }),
  entry({
    name: "createWebhookAction",
    kind: "action",
    needs: "manageUsers",
    schema: createWebhookSchema,
    input: async () => ({ teamId: (await team()).id, url: "https://hooks.example/postmortems", format: "JSON" }),
    run: createWebhook,
  }),
  entry({
    name: "deleteWebhookAction",
    kind: "action",
    needs: "manageUsers",
    schema: webhookRefSchema,
    input: async () => {
      const hook = await db().webhook.create({
        data: { teamId: (await team()).id, url: "https://hooks.example/old", format: "JSON", secret: randomUUID() },
      });
      return { id: hook.id };
    },
    run: (a, i) => deleteWebhook(a, i.id),
  }),
  entry({
    name: "saveTrackerAction",
    kind: "action",
    needs: "manageUsers",
    schema: trackerConnectionSchema,
    input: () => ({ kind: "LINEAR", baseUrl: "https://api.linear.example", token: "lin_test", project: "TEAM" }),
    run: saveTrackerConnection,
  }),
  entry({
    name: "removeTrackerAction",
    kind: "action",
    needs: "manageUsers",
    schema: trackerKindSchema,
    input: () => ({ kind: "LINEAR" }),
    run: (a, i) => removeTrackerConnection(a, i.kind),
  }),
  entry({
    name: "updateAssistantSettingsAction",
    kind: "action",
    needs: "manageUsers",
    schema: z.object({ enabled: z.boolean(), allowRestrictedExternal: z.boolean() }),
    input: () => ({ enabled: true, allowRestrictedExternal: false }),
    run: updateAssistantSettings,
  }),
];
