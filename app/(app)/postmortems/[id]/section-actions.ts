"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import {
  addFactorSchema, addParticipantSchema, addWhySchema, anySectionUpdateSchema, deleteFactorSchema, deleteWhySchema,
  removeParticipantSchema, setAiCauseSchema, updateFactorSchema, updateParticipantRoleSchema, updateWhySchema,
} from "@/lib/validations/sections";
import { updatePostmortemSection } from "@/lib/data/postmortem-fields";
import { addParticipant, removeParticipant, updateParticipantRole } from "@/lib/data/participants";
import { setAiCause } from "@/lib/data/ai-causes";
import { addFactor, deleteFactor, updateFactor } from "@/lib/data/factors";
import { addWhy, deleteWhy, updateWhy } from "@/lib/data/whys";

// Thin wrappers: the shared schemas parse the raw input, the data layer authorises and writes.

function refresh(postmortemId: string) {
  revalidatePath(`/postmortems/${postmortemId}`);
}

export const updateSectionAction = authedAction(anySectionUpdateSchema, async (input, user) => {
  const result = await updatePostmortemSection(user, input);
  refresh(input.postmortemId);
  return result;
});

export const addParticipantAction = authedAction(addParticipantSchema, async (input, user) => {
  const result = await addParticipant(user, input);
  refresh(input.postmortemId);
  return result;
});

export const updateParticipantRoleAction = authedAction(updateParticipantRoleSchema, async (input, user) => {
  const result = await updateParticipantRole(user, input);
  refresh(input.postmortemId);
  return result;
});

export const removeParticipantAction = authedAction(removeParticipantSchema, async (input, user) => {
  const result = await removeParticipant(user, input);
  refresh(input.postmortemId);
  return result;
});

export const setAiCauseAction = authedAction(setAiCauseSchema, async (input, user) => {
  const result = await setAiCause(user, input);
  refresh(input.postmortemId);
  return result;
});

export const addFactorAction = authedAction(addFactorSchema, async (input, user) => {
  const result = await addFactor(user, input);
  refresh(input.postmortemId);
  return result;
});

export const updateFactorAction = authedAction(updateFactorSchema, async (input, user) => {
  const result = await updateFactor(user, input);
  refresh(input.postmortemId);
  return result;
});

export const deleteFactorAction = authedAction(deleteFactorSchema, async (input, user) => {
  const result = await deleteFactor(user, input);
  refresh(input.postmortemId);
  return result;
});

export const updateWhyAction = authedAction(updateWhySchema, async (input, user) => {
  const result = await updateWhy(user, input);
  refresh(input.postmortemId);
  return result;
});

export const addWhyAction = authedAction(addWhySchema, async (input, user) => {
  const result = await addWhy(user, input);
  refresh(input.postmortemId);
  return result;
});

export const deleteWhyAction = authedAction(deleteWhySchema, async (input, user) => {
  const result = await deleteWhy(user, input);
  refresh(input.postmortemId);
  return result;
});
