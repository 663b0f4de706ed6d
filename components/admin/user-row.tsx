"use client";

import { useState, useTransition } from "react";
import { updateUserAction } from "@/app/(app)/admin/users/actions";
import type { UserSummary } from "@/lib/data/users";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ResetPassword } from "@/components/admin/reset-password";

export function UserRow({ user, isSelf }: { user: UserSummary; isSelf: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const update = (change: { role?: OrgRole; disabled?: boolean }) =>
    startTransition(async () => {
      setError(null);
      const result = await updateUserAction({ userId: user.id, ...change });
      if (!result.ok) setError(result.message);
    });
  return (
    <tr>
      <td className="px-4 py-2 font-medium">
        {user.name}
        {isSelf ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
      </td>
      <td className="px-4 py-2">{user.email}</td>
      <td className="px-4 py-2">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.name}
        </label>
        <Select
          id={`role-${user.id}`}
          value={user.role}
          disabled={pending}
          className="w-32"
          onChange={(e) => update({ role: e.target.value as OrgRole })}
        >
          <option value="ADMIN">Admin</option>
          <option value="MEMBER">Member</option>
          <option value="VIEWER">Viewer</option>
        </Select>
      </td>
      <td className="px-4 py-2">{user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</td>
      <td className="px-4 py-2 text-right">
        <Button
          size="sm"
          variant={user.disabled ? "secondary" : "danger"}
          disabled={pending}
          onClick={() => update({ disabled: !user.disabled })}
        >
          {user.disabled ? "Enable" : "Disable"}
        </Button>
        <ResetPassword user={user} />
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
