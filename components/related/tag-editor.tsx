"use client";

import { useId, useState, useTransition } from "react";
import { Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { setTagsAction } from "@/app/(app)/postmortems/[id]/tag-actions";
import { MAX_TAGS, tagSchema } from "@/lib/validations/tags";

/** Free tags, typed with suggestions from tags already in use; each change saves at once. */
export function TagEditor({
  postmortemId,
  initial,
  suggestions,
  canEdit,
}: {
  postmortemId: string;
  initial: string[];
  suggestions: string[];
  canEdit: boolean;
}) {
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const listId = useId();
  const errorId = useId();

  function save(next: string[]) {
    setError(null);
    startTransition(async () => {
      const result = await setTagsAction({ postmortemId, tags: next });
      if (result.ok) setTags(result.data);
      else setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.message);
    });
  }

  function add() {
    const parsed = tagSchema.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues[0].message);
      return;
    }
    if (tags.length >= MAX_TAGS) {
      setError(`At most ${MAX_TAGS} tags.`);
      return;
    }
    setDraft("");
    if (!tags.includes(parsed.data)) save([...tags, parsed.data]);
  }

  return (
    <div className="space-y-1" data-testid="tag-editor">
      <ul className="flex flex-wrap items-center gap-1.5" aria-label="Tags">
        {tags.length === 0 && !canEdit ? <li className="text-sm text-slate-500">No tags.</li> : null}
        {tags.map((tag) => (
          <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
            <a href={`/postmortems?tag=${encodeURIComponent(tag)}`} className="hover:underline">
              #{tag}
            </a>
            {canEdit ? (
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                disabled={pending}
                className="text-slate-500 hover:text-red-700"
                onClick={() => save(tags.filter((t) => t !== tag))}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label htmlFor={`${listId}-input`} className="sr-only">
            Add a tag
          </label>
          <Input
            id={`${listId}-input`}
            list={listId}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="Add a tag"
            className="max-w-48 py-1 text-sm"
            maxLength={40}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          <datalist id={listId}>
            {suggestions
              .filter((s) => !tags.includes(s))
              .map((s) => (
                <option key={s} value={s} />
              ))}
          </datalist>
          <Button type="submit" variant="secondary" size="sm" disabled={pending || draft.trim() === ""}>
            Add tag
          </Button>
        </form>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
