"use client";

import { useState } from "react";
import { removeTrackerAction, saveTrackerAction } from "@/app/(app)/admin/integrations/actions";
import type { TrackerConnectionDto } from "@/lib/integrations/trackers";
import type { FieldErrors } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, describedBy } from "@/components/ui/field";
import { useServerCall } from "@/components/sharing/use-server-call";

const KINDS = [
  { kind: "JIRA", label: "Jira Cloud", site: "https://acme.atlassian.net", project: "Project key (e.g. OPS)" },
  { kind: "LINEAR", label: "Linear", site: "https://api.linear.app/graphql", project: "Team id" },
] as const;

export function TrackersPanel({ connections }: { connections: TrackerConnectionDto[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {KINDS.map((k) => (
        <TrackerForm key={k.kind} spec={k} current={connections.find((c) => c.kind === k.kind)} />
      ))}
    </div>
  );
}

function TrackerForm({ spec, current }: { spec: (typeof KINDS)[number]; current?: TrackerConnectionDto }) {
  const { busy, error, run } = useServerCall();
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = (f: string) => `${spec.kind.toLowerCase()}-${f}`;
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setErrors({});
    await run(async () => {
      const result = await saveTrackerAction({
        kind: spec.kind,
        baseUrl: data.baseUrl,
        email: data.email ?? "",
        token: data.token,
        project: data.project,
      });
      if (!result.ok) setErrors(result.fieldErrors ?? {});
      return result;
    });
  }
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <Field id={id(name)} label={label} error={errors[name]?.[0]}>
      <Input
        id={id(name)}
        name={name}
        aria-invalid={!!errors[name]}
        aria-describedby={describedBy(id(name), errors[name]?.[0])}
        {...props}
      />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-slate-200 p-3" aria-label={spec.label}>
      <h3 className="font-medium">
        {spec.label} {current ? <span className="text-sm font-normal text-green-700">· configured</span> : null}
      </h3>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {field("baseUrl", spec.kind === "JIRA" ? "Site URL" : "API URL", {
        type: "url",
        defaultValue: current?.baseUrl ?? (spec.kind === "LINEAR" ? spec.site : ""),
        placeholder: spec.site,
      })}
      {spec.kind === "JIRA" ? field("email", "Account email", { type: "email", defaultValue: current?.email ?? "" }) : null}
      {field("token", "API token", {
        type: "password",
        autoComplete: "off",
        placeholder: current ? "Stored — enter a new one to replace it" : "",
      })}
      {field("project", spec.project, { defaultValue: current?.project ?? "" })}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy}>
          Save
        </Button>
        {current ? (
          <Button size="sm" variant="danger" disabled={busy} onClick={() => run(() => removeTrackerAction({ kind: spec.kind }))}>
            Remove
          </Button>
        ) : null}
      </div>
    </form>
  );
}
