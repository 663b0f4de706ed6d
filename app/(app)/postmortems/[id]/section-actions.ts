"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/safe-action";
import {
  addFactorSchema,
  addParticipantSchema,
  addWhySchema,
  deleteFactorSchema,
  deleteWhySchema,
  removeParticipantSchema,
  setAiCauseSchema,
  updateParticipantRoleSchema,
} from "@/lib/validations/sections";
import { addParticipant, removeParticipant, updateParticipantRole } from "@/lib/data/participants";
import { setAiCause } from "@/lib/data/ai-causes";
import { addFactor, deleteFactor } from "@/lib/data/factors";
import { addWhy, deleteWhy } from "@/lib/data/whys";

// Thin wrappers: the shared schemas parse the raw input, the data layer authorises and writes. Field
// edits go through saveEditAction (live-actions.ts). Rows added or removed here reach every open page as
// live events; participant changes also re-render the page, since they change who may edit.

function refresh(postmortemId: string) {
  revalidatePath(`/postmortems/${postmortemId}`);
}

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

export const setAiCauseAction = authedAction(setAiCauseSchema, (input, user) => setAiCause(user, input));

export const addFactorAction = authedAction(addFactorSchema, (input, user) => addFactor(user, input));

export const deleteFactorAction = authedAction(deleteFactorSchema, (input, user) => deleteFactor(user, input));

export const addWhyAction = authedAction(addWhySchema, (input, user) => addWhy(user, input));

export const deleteWhyAction = authedAction(deleteWhySchema, (input, user) => deleteWhy(user, input));
