"use server";

import { authedAction } from "@/lib/auth/safe-action";
import { createActionSchema, deleteActionSchema } from "@/lib/validations/actions";
import { createAction, deleteAction } from "@/lib/data/actions";

// Field edits of an action go through saveEditAction (live-actions.ts); new and deleted actions reach every
// open page as live events.

export const createActionAction = authedAction(createActionSchema, (input, user) => createAction(user, input));

export const deleteActionAction = authedAction(deleteActionSchema, (input, user) => deleteAction(user, input));
