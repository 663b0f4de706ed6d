"use client";

import { setTeamMemberAction } from "@/app/(app)/admin/integrations/actions";
import type { TeamWithMembers } from "@/lib/data/team-members";
import type { UserOption } from "@/lib/data/users";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { useServerCall } from "@/components/sharing/use-server-call";

export function TeamMembersPanel({ teams, users }: { teams: TeamWithMembers[]; users: UserOption[] }) {
  const { busy, error, run } = useServerCall();
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {teams.length === 0 ? <p className="text-sm text-slate-600">No teams yet.</p> : null}
      {teams.map((team) => (
        <div key={team.id} className="rounded-md border border-slate-200 p-3" data-testid={`team-${team.name}`}>
          <h3 className="font-medium">{team.name}</h3>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm">
            {team.members.length === 0 ? <li className="text-slate-500">No members yet.</li> : null}
            {team.members.map((m) => (
              <li key={m.id} className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1">
                {m.name}
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${m.name} from ${team.name}`}
                  disabled={busy}
                  onClick={() => run(() => setTeamMemberAction({ teamId: team.id, userId: m.id, member: false }))}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
          <form
            className="mt-2 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              const userId = String(new FormData(e.currentTarget).get("userId") ?? "");
              if (userId) void run(() => setTeamMemberAction({ teamId: team.id, userId, member: true }));
            }}
          >
            <label className="text-sm">
              <span className="sr-only">Person to add to {team.name}</span>
              <Select name="userId" defaultValue="" aria-label={`Person to add to ${team.name}`}>
                <option value="">Choose a person…</option>
                {users
                  .filter((u) => !team.members.some((m) => m.id === u.id))
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </Select>
            </label>
            <Button type="submit" size="sm" variant="secondary" disabled={busy}>
              Add to team
            </Button>
          </form>
        </div>
      ))}
    </div>
  );
}
