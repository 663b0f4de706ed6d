"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createUserSchema, type CreateUserInput } from "@/lib/validations/auth";
import type { z } from "zod";
import { createUserAction } from "@/app/(app)/admin/users/actions";
import { Field, Input, Select, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { applyFieldErrors } from "@/components/postmortems/form-errors";

export function CreateUserForm() {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset, getValues } = useForm<
    CreateUserInput,
    unknown,
    z.output<typeof createUserSchema>
  >({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: "", email: "", password: "", role: "MEMBER" },
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async () => {
    setMessage(null);
    const result = await createUserAction(getValues());
    if (result.ok) {
      setMessage({ tone: "success", text: `Created ${result.data.name} (${result.data.email}).` });
      reset();
      return;
    }
    setMessage({ tone: "error", text: result.message });
    applyFieldErrors(result.fieldErrors, setError);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-4">
        <Field id="new-name" label="Name" error={errors.name?.message}>
          <Input
            id="new-name"
            {...register("name")}
            aria-invalid={!!errors.name}
            aria-describedby={describedBy("new-name", errors.name?.message)}
          />
        </Field>
        <Field id="new-email" label="Email" error={errors.email?.message}>
          <Input
            id="new-email"
            type="email"
            {...register("email")}
            aria-invalid={!!errors.email}
            aria-describedby={describedBy("new-email", errors.email?.message)}
          />
        </Field>
        <Field id="new-password" label="Initial password" error={errors.password?.message}>
          <Input
            id="new-password"
            type="password"
            autoComplete="new-password"
            {...register("password")}
            aria-invalid={!!errors.password}
            aria-describedby={describedBy("new-password", errors.password?.message)}
          />
        </Field>
        <Field id="new-role" label="Role" error={errors.role?.message}>
          <Select id="new-role" {...register("role")}>
            <option value="MEMBER">Member</option>
            <option value="VIEWER">Viewer</option>
            <option value="ADMIN">Admin</option>
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
