"use client";

import { useId, useState } from "react";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import { useComments } from "@/components/comments/comments-provider";
import { addCommentAction, resolveCommentAction } from "@/app/(app)/postmortems/[id]/meeting-actions";
import type { CommentDto } from "@/lib/data/comments";
import { formatUtcDateTime } from "@/lib/domain/dates";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/**
 * The "Comments" toggle of a section or row: its threads, a reply box per thread, resolve / reopen,
 * and a box for a new question. Renders nothing outside a document with comments.
 */
export function CommentsButton({ anchor, label }: { anchor: string; label: string }) {
  const state = useComments();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!state) return null;
  const threads = state.comments.filter((c) => c.anchor === anchor && c.parentId === null);
  const openCount = threads.filter((t) => !t.resolvedAt).length;
  return (
    <span className="no-print relative inline-block">
      <Button
        size="sm"
        variant="ghost"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        aria-label={`Comments on ${label}${openCount ? ` (${openCount} open)` : ""}`}
        data-testid="comments-button"
      >
        <span aria-hidden className="text-xs">
          Comments
        </span>
        {openCount > 0 ? <span className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900">{openCount}</span> : null}
      </Button>
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label={`Comments on ${label}`}
          data-testid="comments-panel"
          className="absolute right-0 z-20 mt-1 w-[min(24rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-left text-sm shadow-lg"
        >
          {threads.length === 0 ? <p className="text-slate-500">No comments yet. Ask a question or leave a note for the meeting.</p> : null}
          {threads.map((t) => (
            <Thread key={t.id} thread={t} replies={state.comments.filter((c) => c.parentId === t.id)} />
          ))}
          <CommentForm anchor={anchor} label="New comment" submitLabel="Comment" />
        </div>
      ) : null}
    </span>
  );
}

function Thread({ thread, replies }: { thread: CommentDto; replies: CommentDto[] }) {
  const live = useLiveDoc();
  const state = useComments();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resolved = thread.resolvedAt !== null;

  async function toggle() {
    setBusy(true);
    setError(null);
    try {
      const result = await resolveCommentAction({ postmortemId: live.postmortemId, commentId: thread.id, resolved: !resolved });
      if (result.ok) state?.accept(result.data);
      else setError(result.message);
    } catch {
      setError("The server cannot be reached; try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      data-testid="comment-thread"
      data-state={resolved ? "resolved" : "open"}
      className={`rounded-md border p-2 ${resolved ? "border-slate-200 bg-slate-50 text-slate-500" : "border-amber-200 bg-amber-50/40"}`}
    >
      <ol className="space-y-1.5">
        {[thread, ...replies].map((c) => (
          <li key={c.id} data-testid="comment">
            <p className="text-xs text-slate-500">
              <span className="font-medium text-slate-800">{c.authorName}</span> · {formatUtcDateTime(new Date(c.createdAt))} UTC
            </p>
            <p className="whitespace-pre-wrap break-words text-slate-900">{c.body}</p>
          </li>
        ))}
      </ol>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {resolved ? <span className="text-xs">Resolved by {thread.resolvedByName ?? "someone"}</span> : null}
        {live.doc.permissions.edit ? (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => void toggle()}>
            {resolved ? "Reopen" : "Resolve"}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {!resolved ? <CommentForm anchor={thread.anchor} parentId={thread.id} label="Reply" submitLabel="Reply" /> : null}
    </article>
  );
}

function CommentForm({ anchor, parentId, label, submitLabel }: { anchor: string; parentId?: string; label: string; submitLabel: string }) {
  const live = useLiveDoc();
  const state = useComments();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  if (!live.doc.permissions.edit) return null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setError("Write something first.");
    setBusy(true);
    setError(null);
    try {
      const result = await addCommentAction({
        postmortemId: live.postmortemId,
        anchor,
        parentId,
        body,
        clientMutationId: crypto.randomUUID(),
      });
      if (result.ok) {
        state?.accept(result.data);
        setBody("");
      } else setError(result.fieldErrors?.body?.[0] ?? result.message);
    } catch {
      setError("The server cannot be reached; your comment was not sent.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-2 space-y-1">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={2}
        placeholder={parentId ? "Reply…" : "Ask a question…"}
        aria-label={label}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${inputClass} field-sizing-content min-h-[2.5rem] px-2 py-1`}
        maxLength={4000}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={busy}>
        {busy ? "Sending…" : submitLabel}
      </Button>
    </form>
  );
}

/** The navigator's badge: open threads under one section (its rows included). */
export function OpenCommentCount({ section }: { section: string }) {
  const state = useComments();
  const count = state?.openBySection[section as keyof typeof state.openBySection] ?? 0;
  if (count === 0) return null;
  return (
    <span
      data-testid="open-comments"
      className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900"
      aria-label={`${count} open comment${count === 1 ? "" : "s"}`}
    >
      {count}
    </span>
  );
}
