"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import {
  addDistributionSchema,
  addDocumentationSchema,
  createTicketSchema,
  documentationDoneSchema,
  postmortemRefSchema,
  removeRowSchema,
  setIndexableSchema,
} from "@/lib/validations/sharing";
import {
  addDistribution,
  addDocumentationUpdate,
  removeDistribution,
  removeDocumentationUpdate,
  setDocumentationDone,
} from "@/lib/data/distribution";
import { createTrackerTicket } from "@/lib/integrations/trackers";
import {
  approveExternalSummary,
  publishExternalSummary,
  revokeExternalSummary,
  setExternalSummaryIndexable,
} from "@/lib/data/external-summary";

function refresh(postmortemId: string) {
  revalidatePath(`/postmortems/${postmortemId}`);
}

export const approveExternalSummaryAction = authedAction(postmortemRefSchema, async ({ postmortemId }, user) => {
  const result = await approveExternalSummary(user, postmortemId);
  refresh(postmortemId);
  return result;
});

export const publishExternalSummaryAction = authedAction(postmortemRefSchema, async ({ postmortemId }, user) => {
  const result = await publishExternalSummary(user, postmortemId);
  refresh(postmortemId);
  return result;
});

export const revokeExternalSummaryAction = authedAction(postmortemRefSchema, async ({ postmortemId }, user) => {
  await revokeExternalSummary(user, postmortemId);
  refresh(postmortemId);
});

export const setExternalSummaryIndexableAction = authedAction(setIndexableSchema, async (input, user) => {
  await setExternalSummaryIndexable(user, input.postmortemId, input.indexable);
  refresh(input.postmortemId);
});

export const addDistributionAction = authedAction(addDistributionSchema, async (input, user) => {
  const result = await addDistribution(user, input);
  refresh(input.postmortemId);
  return result;
});

export const removeDistributionAction = authedAction(removeRowSchema, async (input, user) => {
  await removeDistribution(user, input);
  refresh(input.postmortemId);
});

export const addDocumentationAction = authedAction(addDocumentationSchema, async (input, user) => {
  const result = await addDocumentationUpdate(user, input);
  refresh(input.postmortemId);
  return result;
});

export const setDocumentationDoneAction = authedAction(documentationDoneSchema, async (input, user) => {
  await setDocumentationDone(user, input);
  refresh(input.postmortemId);
});

export const removeDocumentationAction = authedAction(removeRowSchema, async (input, user) => {
  await removeDocumentationUpdate(user, input);
  refresh(input.postmortemId);
});

export const createTicketAction = authedAction(createTicketSchema, async (input, user) => {
  const result = await createTrackerTicket(user, input);
  refresh(input.postmortemId);
  return result;
});
