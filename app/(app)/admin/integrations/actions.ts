"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import {
  createWebhookSchema,
  teamMemberSchema,
  trackerConnectionSchema,
  trackerKindSchema,
  webhookRefSchema,
} from "@/lib/validations/sharing";
import { createWebhook, deleteWebhook } from "@/lib/data/webhooks";
import { setTeamMember } from "@/lib/data/team-members";
import { removeTrackerConnection, saveTrackerConnection } from "@/lib/integrations/trackers";

const refresh = () => revalidatePath("/admin/integrations");

export const setTeamMemberAction = authedAction(teamMemberSchema, async (input, user) => {
  await setTeamMember(user, input);
  refresh();
});

export const createWebhookAction = authedAction(createWebhookSchema, async (input, user) => {
  await createWebhook(user, input);
  refresh();
});

export const deleteWebhookAction = authedAction(webhookRefSchema, async ({ id }, user) => {
  await deleteWebhook(user, id);
  refresh();
});

export const saveTrackerAction = authedAction(trackerConnectionSchema, async (input, user) => {
  await saveTrackerConnection(user, input);
  refresh();
});

export const removeTrackerAction = authedAction(trackerKindSchema, async ({ kind }, user) => {
  await removeTrackerConnection(user, kind);
  refresh();
});
