"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { changePasswordSchema } from "@/lib/validations/auth";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { applyFieldErrors } from "@/components/postmortems/form-errors";

type Values = z.input<typeof changePasswordSchema>;

export function ChangePasswordForm() {
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset, getValues } = useForm<Values, unknown, z.output<typeof changePasswordSchema>>(
    {
      resolver: zodResolver(changePasswordSchema),
      defaultValues: { currentPassword: "", newPassword: "" },
    },
  );
  const errors = formState.errors;
  const onSubmit = handleSubmit(async () => {
    setMessage(null);
    const result = await changePasswordAction(getValues());
    if (result.ok) {
      reset();
      setMessage({ tone: "success", text: "Password changed. Your other sessions have been signed out." });
      return;
    }
    setMessage({ tone: "error", text: result.message });
    applyFieldErrors(result.fieldErrors, setError);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-sm space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="current-password" label="Current password" error={errors.currentPassword?.message}>
        <Input
          id="current-password"
          type="password"
          autoComplete="current-password"
          {...register("currentPassword")}
          aria-invalid={!!errors.currentPassword}
          aria-describedby={describedBy("current-password", errors.currentPassword?.message)}
        />
      </Field>
      <Field id="new-password" label="New password" hint="At least 10 characters." error={errors.newPassword?.message}>
        <Input
          id="new-password"
          type="password"
          autoComplete="new-password"
          {...register("newPassword")}
          aria-invalid={!!errors.newPassword}
          aria-describedby={describedBy("new-password", errors.newPassword?.message, true)}
        />
      </Field>
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
