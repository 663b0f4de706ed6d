"use client";

import { useState } from "react";
import { createWebhookAction, deleteWebhookAction } from "@/app/(app)/admin/integrations/actions";
import type { WebhookAdminDto } from "@/lib/data/webhooks";
import type { FieldErrors } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, describedBy } from "@/components/ui/field";
import { useServerCall } from "@/components/sharing/use-server-call";

const STATUS_TONE = { DELIVERED: "green", FAILED: "red", PENDING: "amber" } as const;

export function WebhooksPanel({ hooks, teams }: { hooks: WebhookAdminDto[]; teams: { id: string; name: string }[] }) {
  const { busy, error, run } = useServerCall();
  const [errors, setErrors] = useState<FieldErrors>({});
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setErrors({});
    const input = {
      teamId: String(data.get("teamId")),
      url: String(data.get("url")).trim(),
      format: String(data.get("format")) as "SLACK" | "JSON",
    };
    const ok = await run(async () => {
      const result = await createWebhookAction(input);
      if (!result.ok) setErrors(result.fieldErrors ?? {});
      return result;
    });
    if (ok) form.reset();
  }
  return (
    <div className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_2fr_1fr_auto] sm:items-end">
        <Field id="hook-team" label="Team" error={errors.teamId?.[0]}>
          <Select id="hook-team" name="teamId" defaultValue="" aria-describedby={describedBy("hook-team", errors.teamId?.[0])}>
            <option value="">Choose…</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="hook-url" label="Endpoint URL" error={errors.url?.[0]}>
          <Input
            id="hook-url"
            name="url"
            type="url"
            placeholder="https://hooks.slack.com/services/…"
            aria-invalid={!!errors.url}
            aria-describedby={describedBy("hook-url", errors.url?.[0])}
          />
        </Field>
        <Field id="hook-format" label="Format">
          <Select id="hook-format" name="format" defaultValue="SLACK">
            <option value="SLACK">Slack-compatible</option>
            <option value="JSON">JSON</option>
          </Select>
        </Field>
        <Button type="submit" disabled={busy}>
          Add webhook
        </Button>
      </form>
      {hooks.length === 0 ? (
        <p className="text-sm text-slate-600">No webhooks yet. Publishing a postmortem notifies its team&apos;s webhooks.</p>
      ) : null}
      {hooks.map((h) => (
        <div key={h.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="webhook">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{h.teamName}</span>
            <Badge>{h.format === "SLACK" ? "Slack-compatible" : "JSON"}</Badge>
            <span className="break-all font-mono text-xs text-slate-600">{h.url}</span>
            <Button
              size="sm"
              variant="danger"
              className="ml-auto"
              disabled={busy}
              onClick={() => run(() => deleteWebhookAction({ id: h.id }))}
            >
              Remove
            </Button>
          </div>
          <p className="mt-1 text-xs text-slate-600">
            Signing secret (HMAC-SHA256 of “timestamp.body”, header X-Postmortem-Signature): <code className="break-all">{h.secret}</code>
          </p>
          <table className="mt-2 w-full text-xs">
            <caption className="text-left font-medium text-slate-700">Delivery log</caption>
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1">When (UTC)</th>
                <th>Event</th>
                <th>Status</th>
                <th>Attempts</th>
                <th>Last answer</th>
              </tr>
            </thead>
            <tbody>
              {h.deliveries.length === 0 ? (
                <tr>
                  <td colSpan={5} className="py-1 text-slate-500">
                    Nothing sent yet.
                  </td>
                </tr>
              ) : null}
              {h.deliveries.map((d) => (
                <tr key={d.id} className="border-t border-slate-100">
                  <td className="py-1">{d.createdAt.slice(0, 19).replace("T", " ")}</td>
                  <td>{d.event}</td>
                  <td>
                    <Badge tone={STATUS_TONE[d.status as keyof typeof STATUS_TONE] ?? "slate"}>{d.status.toLowerCase()}</Badge>
                  </td>
                  <td>{d.attempts}</td>
                  <td className="break-all">{d.lastError ?? (d.responseStatus ? `HTTP ${d.responseStatus}` : "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
