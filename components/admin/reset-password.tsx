"use client";

import { useState, useTransition } from "react";
import { resetPasswordAction } from "@/app/(app)/admin/users/actions";
import type { UserSummary } from "@/lib/data/users";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

/** An administrator sets a new password for someone who forgot theirs; their sessions end. */
export function ResetPassword({ user }: { user: UserSummary }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `reset-${user.id}`;
  if (!open) {
    return (
      <>
        <Button
          size="sm"
          variant="secondary"
          className="ml-2"
          onClick={() => {
            setMessage(null);
            setOpen(true);
          }}
        >
          Reset password
        </Button>
        {message ? (
          <p role="status" className="mt-1 text-xs text-slate-600">
            {message.text}
          </p>
        ) : null}
      </>
    );
  }
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await resetPasswordAction({ userId: user.id, password });
      if (result.ok) {
        setPassword("");
        setOpen(false);
      }
      const text = result.ok
        ? `New password set for ${user.name}; their sessions have ended.`
        : (result.fieldErrors?.password?.[0] ?? result.message);
      setMessage({ error: !result.ok, text });
    });
  };
  return (
    <form onSubmit={submit} className="mt-2 flex items-center justify-end gap-2" noValidate>
      <label htmlFor={id} className="sr-only">
        New password for {user.name}
      </label>
      <Input
        id={id}
        type="password"
        autoComplete="new-password"
        value={password}
        placeholder="New password"
        className="w-44"
        onChange={(e) => setPassword(e.target.value)}
        aria-invalid={message?.error}
        aria-describedby={message ? `${id}-message` : undefined}
      />
      <Button size="sm" type="submit" disabled={pending}>
        Set
      </Button>
      <Button size="sm" variant="secondary" type="button" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {message ? (
        <p id={`${id}-message`} role={message.error ? "alert" : "status"} className="text-xs">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
