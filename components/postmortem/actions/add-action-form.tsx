"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { UserOption } from "@/lib/data/users";
import { ACTION_HORIZONS, proposeDeadline } from "@/lib/domain/deadlines";
import type { ActionHorizon } from "@/lib/generated/prisma/enums";
import { createActionSchema, type CreateActionData, type CreateActionInput } from "@/lib/validations/actions";
import { Field, Input, Select, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { applyFieldErrors } from "@/components/postmortems/form-errors";
import type { SaveState } from "@/components/postmortem/section-card";
import { createActionAction } from "@/app/(app)/postmortems/[id]/action-actions";
import { savedNow } from "@/components/postmortem/use-section-form";

/** Adds one action to a horizon; the deadline starts as the horizon's proposal and stays editable. */
export function AddActionForm({
  postmortemId,
  horizon,
  from,
  users,
  onState,
}: {
  postmortemId: string;
  horizon: ActionHorizon;
  from: string;
  users: UserOption[];
  onState: (s: SaveState) => void;
}) {
  const [open, setOpen] = useState(false);
  const proposed = proposeDeadline(horizon, from);
  const fresh = (): CreateActionInput => ({
    postmortemId,
    clientMutationId: crypto.randomUUID(),
    horizon,
    action: "",
    ownerId: "",
    deadline: proposed,
    ticket: "",
  });
  const [initial] = useState(fresh);
  const form = useForm<CreateActionInput, unknown, CreateActionData>({ resolver: zodResolver(createActionSchema), defaultValues: initial });
  const { register, handleSubmit, formState, setError, getValues, reset } = form;
  const errors = formState.errors;
  const p = `new-${horizon}`;
  const label = ACTION_HORIZONS[horizon].label.toLowerCase();

  // The client mutation id stays the same across retries of one add, so a retry never duplicates it.
  const onSubmit = handleSubmit(async () => {
    onState({ kind: "saving" });
    const result = await createActionAction(getValues());
    if (result.ok) {
      reset(fresh());
      onState(savedNow());
      return;
    }
    applyFieldErrors(result.fieldErrors, setError);
    onState({ kind: "error", message: result.message });
  });

  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Add {label} action
      </Button>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      data-testid={`add-action-${horizon}`}
      aria-label={`Add ${label} action`}
      className="grid gap-3 rounded-md border border-dashed border-slate-300 p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
    >
      <Field id={`${p}-action`} label="Action" error={errors.action?.message}>
        <Input
          id={`${p}-action`}
          autoFocus
          maxLength={500}
          placeholder="A concrete, checkable change"
          {...register("action")}
          aria-invalid={!!errors.action}
          aria-describedby={describedBy(`${p}-action`, errors.action?.message)}
        />
      </Field>
      <Field id={`${p}-owner`} label="Owner" error={errors.ownerId?.message}>
        <Select
          id={`${p}-owner`}
          {...register("ownerId")}
          aria-invalid={!!errors.ownerId}
          aria-describedby={describedBy(`${p}-owner`, errors.ownerId?.message)}
        >
          <option value="">No owner yet</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id={`${p}-deadline`}
        label="Deadline"
        hint={`Proposed: ${ACTION_HORIZONS[horizon].window.toLowerCase()}`}
        error={errors.deadline?.message}
      >
        <Input
          id={`${p}-deadline`}
          type="date"
          {...register("deadline")}
          aria-invalid={!!errors.deadline}
          aria-describedby={describedBy(`${p}-deadline`, errors.deadline?.message, true)}
        />
      </Field>
      <Field id={`${p}-ticket`} label="Ticket" error={errors.ticket?.message}>
        <Input
          id={`${p}-ticket`}
          placeholder="SUP-123 or URL"
          maxLength={300}
          {...register("ticket")}
          aria-invalid={!!errors.ticket}
          aria-describedby={describedBy(`${p}-ticket`, errors.ticket?.message)}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Adding…" : "Add action"}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            reset(fresh());
            setOpen(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
