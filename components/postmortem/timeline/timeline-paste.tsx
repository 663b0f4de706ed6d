"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionResult } from "@/lib/errors";
import { pasteTimelineSchema } from "@/lib/validations/timeline";
import { Field, Textarea, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

const pasteFormSchema = pasteTimelineSchema.pick({ text: true });
type PasteForm = { text: string };

/** "Paste lines": one new row per "time  text" line (times in UTC; a bare 14:05 is on the incident day). */
export function TimelinePaste({
  onPaste,
  onClose,
}: {
  onPaste: (text: string) => Promise<ActionResult<{ rows: unknown[] }>>;
  onClose: () => void;
}) {
  const { register, handleSubmit, setError, formState, reset } = useForm<PasteForm>({
    resolver: zodResolver(pasteFormSchema),
    defaultValues: { text: "" },
  });
  const error = formState.errors.text?.message;

  const submit = handleSubmit(async ({ text }) => {
    const result = await onPaste(text);
    if (result.ok) {
      reset({ text: "" });
      onClose();
      return;
    }
    setError("text", { type: "server", message: result.fieldErrors?.text?.[0] ?? result.message });
  });

  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <Field
        id="timeline-paste"
        label="Paste lines"
        error={error}
        hint="One event per line, e.g. “14:05  Eval score dropped below threshold” or “2026-11-20 14:05 - Prompt v42 deployed”. Times are UTC."
      >
        <Textarea
          id="timeline-paste"
          rows={5}
          className="font-mono"
          {...register("text")}
          aria-invalid={!!error}
          aria-describedby={describedBy("timeline-paste", error, true)}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Adding…" : "Add rows"}
        </Button>
        <Button size="sm" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
