"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import {
  approveExternalSummaryAction,
  publishExternalSummaryAction,
  revokeExternalSummaryAction,
  setExternalSummaryIndexableAction,
} from "@/app/(app)/postmortems/[id]/sharing-actions";
import type { ExternalReleaseDto } from "@/lib/data/external-summary";
import {
  differsFromApproved,
  externalDraft,
  publicSummaryHtml,
  publicSummaryMarkdown,
  type PublicSummary,
} from "@/lib/domain/external-summary";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useServerCall } from "@/components/sharing/use-server-call";

function summaryOf(release: ExternalReleaseDto): PublicSummary | null {
  const s = release.summary;
  return s ? { ...s, incidentDate: new Date(s.incidentDate), resolvedAt: s.resolvedAt ? new Date(s.resolvedAt) : null } : null;
}

/**
 * Approval, the public link and copies for a status page, beside the external summary's draft. Whether the
 * draft changed since approval follows the live document; an approval, publication or revocation made
 * elsewhere arrives as a live event and reloads the release from the server.
 */
export function ExternalReleasePanel({ postmortemId, release }: { postmortemId: string; release: ExternalReleaseDto }) {
  const { doc, subscribe } = useLiveDoc();
  const router = useRouter();
  const { busy, error, run } = useServerCall();
  const [copied, setCopied] = useState<string | null>(null);
  const publicUrl = release.publicToken ? `/share/${release.publicToken}` : null;
  const summary = summaryOf(release);
  const changedSinceApproval = differsFromApproved(externalDraft(doc), release.approved);

  useEffect(
    () =>
      subscribe((event) => {
        if (event.entity === "externalSummary") router.refresh();
      }),
    [subscribe, router],
  );

  async function copy(kind: "Markdown" | "HTML") {
    if (!summary) return;
    try {
      await navigator.clipboard.writeText(kind === "Markdown" ? publicSummaryMarkdown(summary) : publicSummaryHtml(summary));
      setCopied(`Copied the approved summary as ${kind}.`);
    } catch {
      setCopied("Copying was blocked by the browser; select the text on the public page instead.");
    }
  }

  return (
    <div className="mt-5 space-y-3 border-t border-slate-200 pt-4" data-testid="external-release">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-800">Approval</span>
        {release.approved ? (
          changedSinceApproval ? (
            <Badge tone="amber">Changed since approval: needs a new approval</Badge>
          ) : (
            <Badge tone="green">Approved</Badge>
          )
        ) : (
          <Badge tone="slate">Not approved</Badge>
        )}
        {release.publicToken ? (
          <Badge tone="blue">Public link active</Badge>
        ) : release.revokedAt ? (
          <Badge tone="slate">Link revoked</Badge>
        ) : null}
      </div>
      {release.approved && changedSinceApproval && release.publicToken ? (
        <p className="text-sm text-slate-600">The public page keeps showing the approved version until the changes are approved.</p>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {copied ? (
        <p role="status" className="text-sm text-green-700">
          {copied}
        </p>
      ) : null}
      {release.canApprove ? (
        <div className="flex flex-wrap gap-2">
          {changedSinceApproval ? (
            <Button size="sm" disabled={busy} onClick={() => run(() => approveExternalSummaryAction({ postmortemId }))}>
              Approve external summary
            </Button>
          ) : null}
          {release.approved && !release.publicToken ? (
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => run(() => publishExternalSummaryAction({ postmortemId }))}>
              Publish public page
            </Button>
          ) : null}
          {release.publicToken ? (
            <Button size="sm" variant="danger" disabled={busy} onClick={() => run(() => revokeExternalSummaryAction({ postmortemId }))}>
              Revoke public link
            </Button>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-600">The facilitator or an administrator approves and publishes the external summary.</p>
      )}
      {publicUrl ? (
        <p className="text-sm">
          <a href={publicUrl} className="break-all text-brand-700 underline" data-testid="public-link" target="_blank" rel="noreferrer">
            Open the public page
          </a>{" "}
          <span className="text-slate-500">(anyone with this link can read the approved summary)</span>
        </p>
      ) : null}
      {summary ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" variant="secondary" onClick={() => copy("Markdown")}>
            Copy as Markdown
          </Button>
          <Button size="sm" variant="secondary" onClick={() => copy("HTML")}>
            Copy as HTML
          </Button>
          {release.canApprove ? (
            <label className="ml-2 flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="size-4"
                checked={release.indexable}
                disabled={busy}
                onChange={(e) => run(() => setExternalSummaryIndexableAction({ postmortemId, indexable: e.target.checked }))}
              />
              Let search engines index the public page
            </label>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
