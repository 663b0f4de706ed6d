"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { addParticipantAction, removeParticipantAction, updateParticipantRoleAction } from "@/app/(app)/postmortems/[id]/section-actions";
import type { SaveState } from "@/components/postmortem/section-card";
import { savedNow } from "@/components/postmortem/use-section-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, describedBy } from "@/components/ui/field";
import type { ParticipantDto } from "@/lib/data/postmortem-document";
import type { UserOption } from "@/lib/data/users";
import { PARTICIPANT_ROLE_LABELS } from "@/lib/domain/template";
import type { ParticipantRole } from "@/lib/generated/prisma/enums";

const OTHER = "__other__";
const ROLES: ParticipantRole[] = ["ATTENDEE", "LEADERSHIP_OBSERVER", "OBSERVER"];

/** The attendees and their roles; the facilitator's row follows the Facilitator field above. */
export function ParticipantsEditor({
  postmortemId,
  participants,
  users,
  facilitatorId,
  canEdit,
  onState,
}: {
  postmortemId: string;
  participants: ParticipantDto[];
  users: UserOption[];
  facilitatorId: string | null;
  canEdit: boolean;
  onState: (state: SaveState) => void;
}) {
  const router = useRouter();
  const [person, setPerson] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<ParticipantRole>("ATTENDEE");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const available = users.filter((u) => !participants.some((p) => p.userId === u.id));
  const isFacilitatorRow = (p: ParticipantDto) => p.role === "FACILITATOR" && p.userId === facilitatorId;

  async function run<T>(
    call: () => Promise<{ ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> }>,
  ) {
    setBusy(true);
    onState({ kind: "saving" });
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      onState({ kind: "error", message: result.message });
      const fe = result.fieldErrors ?? {};
      setErrors({ person: fe.userId?.[0], name: fe.name?.[0], role: fe.role?.[0], form: result.message });
      return false;
    }
    setErrors({});
    onState(savedNow());
    router.refresh();
    return true;
  }

  async function add() {
    const other = person === OTHER;
    if (!person) return setErrors({ person: "Choose a person or “Someone without an account”." });
    if (other && !name.trim()) return setErrors({ name: "Type the attendee's name." });
    const ok = await run(() =>
      addParticipantAction({
        postmortemId,
        userId: other ? null : person,
        name: other ? name : "",
        role,
        clientMutationId: crypto.randomUUID(),
      }),
    );
    if (ok) {
      setPerson("");
      setName("");
      setRole("ATTENDEE");
    }
  }

  return (
    <div className="space-y-3">
      <h3 className="text-sm font-medium text-slate-800">Post-mortem attendees</h3>
      {participants.length === 0 ? (
        <p className="text-sm italic text-slate-500">No attendees yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="participants">
          {participants.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="participant-row">
              <span className="min-w-0 break-words font-medium">
                {p.name}
                {p.userId ? null : <span className="font-normal text-slate-500"> (no account)</span>}
              </span>
              {canEdit && !isFacilitatorRow(p) ? (
                <span className="flex items-center gap-2">
                  <Select
                    aria-label={`Role of ${p.name}`}
                    value={p.role}
                    disabled={busy}
                    className="w-auto"
                    onChange={(e) =>
                      void run(() =>
                        updateParticipantRoleAction({
                          postmortemId,
                          participantId: p.id,
                          role: e.target.value as ParticipantRole,
                          baseRole: p.role,
                        }),
                      )
                    }
                  >
                    {p.role === "FACILITATOR" ? <option value="FACILITATOR">{PARTICIPANT_ROLE_LABELS.FACILITATOR}</option> : null}
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {PARTICIPANT_ROLE_LABELS[r]}
                      </option>
                    ))}
                  </Select>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Remove ${p.name}`}
                    disabled={busy}
                    onClick={() => void run(() => removeParticipantAction({ postmortemId, participantId: p.id }))}
                  >
                    Remove
                  </Button>
                </span>
              ) : (
                <span className="text-slate-600">{PARTICIPANT_ROLE_LABELS[p.role]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <Field id="add-participant-person" label="Add attendee" error={errors.person}>
            <Select
              id="add-participant-person"
              value={person}
              aria-invalid={!!errors.person}
              aria-describedby={describedBy("add-participant-person", errors.person)}
              onChange={(e) => setPerson(e.target.value)}
            >
              <option value="">Choose a person…</option>
              {available.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
              <option value={OTHER}>Someone without an account…</option>
            </Select>
          </Field>
          <Field id="add-participant-role" label="Attendee role" error={errors.role}>
            <Select id="add-participant-role" value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {PARTICIPANT_ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
          {person === OTHER ? (
            <Field id="add-participant-name" label="Attendee name" error={errors.name} className="sm:col-span-2">
              <Input
                id="add-participant-name"
                value={name}
                aria-invalid={!!errors.name}
                aria-describedby={describedBy("add-participant-name", errors.name)}
                onChange={(e) => setName(e.target.value)}
              />
            </Field>
          ) : null}
          <Button variant="secondary" disabled={busy} onClick={() => void add()}>
            Add
          </Button>
          {errors.form && !errors.person && !errors.name ? (
            <p role="alert" className="text-sm text-red-700 sm:col-span-3">
              {errors.form}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
