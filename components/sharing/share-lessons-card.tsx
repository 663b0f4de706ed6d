"use client";

import {
  addDistributionAction,
  addDocumentationAction,
  removeDistributionAction,
  removeDocumentationAction,
  setDocumentationDoneAction,
} from "@/app/(app)/postmortems/[id]/sharing-actions";
import type { SharingDto } from "@/lib/data/distribution";
import type { UserOption } from "@/lib/data/users";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { useServerCall } from "@/components/sharing/use-server-call";

/** The guide's "share lessons" step: the distribution list and the documentation-updated checklist. */
export function ShareLessonsCard({ postmortemId, sharing, users }: { postmortemId: string; sharing: SharingDto; users: UserOption[] }) {
  const { busy, error, run } = useServerCall();
  const { canEdit } = sharing;

  function addRecipient(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get("recipient") ?? "");
    const [kind, id] = value.split(":");
    if (!id) return;
    void run(() => addDistributionAction({ postmortemId, teamId: kind === "team" ? id : null, userId: kind === "user" ? id : null }));
  }

  async function addDocument(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const ok = await run(() =>
      addDocumentationAction({
        postmortemId,
        title: String(data.get("title") ?? ""),
        link: String(data.get("link") ?? ""),
        ownerId: String(data.get("ownerId") ?? "") || null,
      }),
    );
    if (ok) form.reset();
  }

  return (
    <section
      id="share-lessons"
      aria-labelledby="share-lessons-title"
      data-testid="share-lessons"
      className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 print:hidden"
    >
      <h2 id="share-lessons-title" className="text-lg font-semibold">
        Share lessons
      </h2>
      <p className="text-sm text-slate-600">
        When this postmortem is published, the teams and people below receive its summary, root cause, lessons and actions.
      </p>
      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}

      <h3 className="mt-4 font-medium">Distribution list</h3>
      <ul className="mt-2 flex flex-wrap gap-2 text-sm" data-testid="distribution-list">
        {sharing.distribution.length === 0 ? <li className="text-slate-500">Only the owning team&apos;s members so far.</li> : null}
        {sharing.distribution.map((d) => (
          <li key={d.id} className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1">
            {d.name}
            {d.kind === "team" ? <span className="text-xs text-slate-500"> (team)</span> : null}
            {canEdit ? (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${d.name} from the distribution list`}
                disabled={busy}
                onClick={() => run(() => removeDistributionAction({ postmortemId, id: d.id }))}
              >
                ×
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form className="mt-2 flex flex-wrap items-center gap-2" onSubmit={addRecipient}>
          <Select name="recipient" defaultValue="" aria-label="Team or person to add to the distribution list" className="max-w-xs">
            <option value="">Choose a team or person…</option>
            <optgroup label="Teams">
              {sharing.teams.map((t) => (
                <option key={t.id} value={`team:${t.id}`}>
                  {t.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="People">
              {users.map((u) => (
                <option key={u.id} value={`user:${u.id}`}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          </Select>
          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
            Add
          </Button>
        </form>
      ) : null}

      <h3 className="mt-5 font-medium">Documentation updated</h3>
      <ul className="mt-2 space-y-1 text-sm" data-testid="documentation-list">
        {sharing.documentation.length === 0 ? <li className="text-slate-500">No runbooks or documents recorded yet.</li> : null}
        {sharing.documentation.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={d.done}
              disabled={busy}
              aria-label={`${d.title} updated`}
              onChange={(e) => run(() => setDocumentationDoneAction({ postmortemId, id: d.id, done: e.target.checked }))}
            />
            {/^https?:\/\//.test(d.link) ? (
              <a
                href={d.link}
                target="_blank"
                rel="noopener noreferrer"
                className={`text-brand-700 underline ${d.done ? "line-through" : ""}`}
              >
                {d.title}
              </a>
            ) : (
              <span className={d.done ? "line-through" : ""}>{d.title}</span>
            )}
            <span className="text-slate-500">{d.ownerName ? `· ${d.ownerName}` : "· no owner"}</span>
            {canEdit ? (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${d.title}`}
                disabled={busy}
                onClick={() => run(() => removeDocumentationAction({ postmortemId, id: d.id }))}
              >
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form className="mt-2 grid gap-2 sm:grid-cols-[2fr_2fr_1fr_auto]" onSubmit={addDocument}>
          <Input name="title" aria-label="Runbook or document" placeholder="Runbook or document" required maxLength={200} />
          <Input name="link" aria-label="Link" placeholder="https://…" type="url" maxLength={2000} />
          <Select name="ownerId" defaultValue="" aria-label="Owner">
            <option value="">Owner…</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          <Button type="submit" size="sm" variant="secondary" disabled={busy}>
            Add document
          </Button>
        </form>
      ) : null}
    </section>
  );
}
