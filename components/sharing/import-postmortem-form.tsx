"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { importPostmortemAction } from "@/app/(app)/postmortems/import/actions";
import { Field, Input, describedBy } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import type { FieldErrors } from "@/lib/errors";

export function ImportPostmortemForm({ suggestedKey }: { suggestedKey: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    const incidentKey = String(data.get("incidentKey") ?? "");
    if (!(file instanceof File) || file.size === 0) {
      setErrors({ json: ["Choose an exported JSON file."] });
      setMessage("Some fields need attention; nothing was imported.");
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const result = await importPostmortemAction({ incidentKey, json: await file.text() });
      if (result.ok) {
        router.push(`/postmortems/${result.data.id}`);
        return;
      }
      setMessage(result.message);
      setErrors(result.fieldErrors ?? {});
    } catch {
      setMessage("The import could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const keyError = errors.incidentKey?.[0];
  const fileError = errors.json?.[0];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {message ? <Alert tone="error">{message}</Alert> : null}
      <Field id="import-key" label="Incident ID for the new postmortem" hint="Must be unique." error={keyError}>
        <Input
          id="import-key"
          name="incidentKey"
          defaultValue={suggestedKey}
          aria-invalid={!!keyError}
          aria-describedby={describedBy("import-key", keyError, true)}
        />
      </Field>
      <Field id="import-file" label="Exported JSON file" error={fileError}>
        <Input
          id="import-file"
          name="file"
          type="file"
          accept="application/json,.json"
          aria-invalid={!!fileError}
          aria-describedby={describedBy("import-file", fileError)}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {busy ? "Importing…" : "Import"}
      </Button>
    </form>
  );
}
