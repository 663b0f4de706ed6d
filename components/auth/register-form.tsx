"use client";

import { useActionState } from "react";
import { registerAction, type FormState } from "@/app/(auth)/actions";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function RegisterForm({ firstAccount }: { firstAccount: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(registerAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">Create your account</h1>
      {firstAccount ? <Alert tone="info">This is the first account, so it becomes the administrator.</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id="name" label="Name" error={errors.name?.[0]}>
        <Input
          id="name"
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          aria-invalid={!!errors.name}
          aria-describedby={describedBy("name", errors.name?.[0])}
        />
      </Field>
      <Field id="email" label="Email" error={errors.email?.[0]}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={!!errors.email}
          aria-describedby={describedBy("email", errors.email?.[0])}
        />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters." error={errors.password?.[0]}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!errors.password}
          aria-describedby={describedBy("password", errors.password?.[0], true)}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
