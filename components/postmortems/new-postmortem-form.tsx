"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { createPostmortemSchema, type CreatePostmortemInput, type CreatePostmortemOutput } from "@/lib/validations/postmortem";
import { createPostmortemAction } from "@/app/(app)/postmortems/actions";
import { Field, Input, Select, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { SeverityOptions } from "@/components/postmortems/severity-options";
import { applyFieldErrors } from "@/components/postmortems/form-errors";

type Option = { id: string; name: string };

export function NewPostmortemForm({
  suggestedKey,
  teams,
  users,
  currentUserId,
  now,
}: {
  suggestedKey: string;
  teams: Option[];
  users: Option[];
  currentUserId: string;
  now: string;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults = { incidentKey: suggestedKey, incidentName: "", incidentDate: now, teamId: "", facilitatorId: currentUserId };
  const form = useForm<CreatePostmortemInput, unknown, CreatePostmortemOutput>({
    resolver: zodResolver(createPostmortemSchema),
    defaultValues: { ...defaults, severity: undefined },
  });
  const { register, handleSubmit, formState, setError, getValues } = form;
  const errors = formState.errors;
  // The defaults are in the server HTML as well, so text typed before hydration is not merged with them.
  const field = (name: keyof typeof defaults) => ({ ...register(name), defaultValue: defaults[name] });

  // The action re-validates the raw values with the same schema, so those are what it receives.
  const onSubmit = handleSubmit(async () => {
    setFormError(null);
    const result = await createPostmortemAction(getValues());
    if (result.ok) {
      router.push(`/postmortems/${result.data.id}`);
      return;
    }
    setFormError(result.message);
    applyFieldErrors(result.fieldErrors, setError);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="incidentKey"
          label="Incident ID"
          hint="Suggested from this year's sequence; must be unique."
          error={errors.incidentKey?.message}
        >
          <Input
            id="incidentKey"
            {...field("incidentKey")}
            aria-invalid={!!errors.incidentKey}
            aria-describedby={describedBy("incidentKey", errors.incidentKey?.message, true)}
          />
        </Field>
        <Field id="incidentDate" label="Date of incident (UTC)" error={errors.incidentDate?.message}>
          <Input
            id="incidentDate"
            type="datetime-local"
            {...field("incidentDate")}
            aria-invalid={!!errors.incidentDate}
            aria-describedby={describedBy("incidentDate", errors.incidentDate?.message)}
          />
        </Field>
      </div>
      <Field id="incidentName" label="Incident name" error={errors.incidentName?.message}>
        <Input
          id="incidentName"
          placeholder="e.g. Support bot promised refunds after vendor model update"
          {...field("incidentName")}
          aria-invalid={!!errors.incidentName}
          aria-describedby={describedBy("incidentName", errors.incidentName?.message)}
        />
      </Field>
      <SeverityOptions name="severity" register={(n) => register(n as "severity")} error={errors.severity?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="teamId" label="Owning team" error={errors.teamId?.message}>
          <Select id="teamId" {...field("teamId")} aria-invalid={!!errors.teamId}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="facilitatorId" label="Post-mortem facilitator" error={errors.facilitatorId?.message}>
          <Select id="facilitatorId" {...field("facilitatorId")} aria-invalid={!!errors.facilitatorId}>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Creating…" : "Create postmortem"}
        </Button>
        <Button variant="secondary" onClick={() => router.push("/postmortems")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
