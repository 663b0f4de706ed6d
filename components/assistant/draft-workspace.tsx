"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, Textarea, describedBy } from "@/components/ui/field";
import { DRAFT_LIMITS } from "@/lib/domain/draft/types";
import { DraftReview } from "@/components/assistant/draft-review";
import { useDraftStream } from "@/components/assistant/use-draft-stream";

const ACCEPTED_FILES = ".txt,.log,.md,.csv,.json,text/plain,text/csv,application/json";

/** Paste or upload the incident's material, draft, then review. */
export function DraftWorkspace({ postmortemId, endpointModel }: { postmortemId: string; endpointModel: string | null }) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [engine, setEngine] = useState<"endpoint" | "builtin">(endpointModel ? "endpoint" : "builtin");
  const [fileError, setFileError] = useState<string | null>(null);
  const { state, start, reset } = useDraftStream(postmortemId);

  async function readFile(file: File | undefined) {
    setFileError(null);
    if (!file) return;
    if (file.size > DRAFT_LIMITS.materialChars * 4) return setFileError("That file is too large; upload at most about 200,000 characters.");
    setText(await file.text());
    setFileName(file.name);
  }

  if (state.status === "done") {
    return (
      <div className="space-y-4">
        <Button variant="ghost" size="sm" onClick={reset}>
          ← Draft from other material
        </Button>
        <DraftReview postmortemId={postmortemId} draft={state.draft} />
      </div>
    );
  }

  const drafting = state.status === "drafting";
  const error = state.status === "failed" ? state.message : undefined;
  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(e) => {
        e.preventDefault();
        void start({ text, fileName, engine });
      }}
    >
      <Field
        id="material"
        label="Incident material"
        error={error}
        hint="Paste a chat transcript, alert or status-page text, or notes; or upload a Slack channel export (JSON) or a CSV with time, text and actor columns."
      >
        <Textarea
          id="material"
          rows={14}
          value={text}
          className="font-mono"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy("material", error, true)}
          onChange={(e) => {
            setText(e.target.value);
            setFileName(undefined);
          }}
        />
      </Field>
      <div className="flex flex-wrap items-end gap-4">
        <Field id="material-file" label="Or upload a file" error={fileError ?? undefined}>
          <input
            id="material-file"
            type="file"
            accept={ACCEPTED_FILES}
            className="text-sm"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </Field>
        {endpointModel ? (
          <Field id="engine" label="Engine">
            <Select id="engine" value={engine} onChange={(e) => setEngine(e.target.value as "endpoint" | "builtin")}>
              <option value="endpoint">AI endpoint ({endpointModel})</option>
              <option value="builtin">Built-in extractor (stays on this server)</option>
            </Select>
          </Field>
        ) : null}
        <Button type="submit" disabled={drafting || !text.trim()} className="ml-auto">
          {drafting ? "Drafting…" : "Draft proposals"}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm text-slate-600" data-testid="draft-progress">
        {drafting ? state.progress : ""}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </form>
  );
}
