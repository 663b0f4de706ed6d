"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import type { Finding, PublishCheck } from "@/lib/domain/completeness";
import { reviewPolicyFor, SECTION_LABELS } from "@/lib/domain/severity-policy";
import type { PostmortemStatus } from "@/lib/generated/prisma/enums";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/postmortems/labels";
import { publishCheckAction, setStatusAction } from "@/app/(app)/postmortems/[id]/lifecycle-actions";

function FindingList({ findings, testId }: { findings: Finding[]; testId: string }) {
  return (
    <ul className="mt-1 list-disc space-y-1 pl-5" data-testid={testId}>
      {findings.map((f) => (
        <li key={`${f.section}:${f.message}`}>
          <a href={`#${f.section}`} className="font-medium underline">
            {SECTION_LABELS[f.section]}
          </a>
          : {f.message}
        </li>
      ))}
    </ul>
  );
}

type Outcome = { check: Pick<PublishCheck, "problems" | "warnings">; message?: string } | null;

/** Where the review stands and the lifecycle buttons: start review, check & publish, reopen. */
export function PublishPanel({ doc }: { doc: PostmortemDocument }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const policy = reviewPolicyFor(doc.severity);
  const published = doc.status === "PUBLISHED";

  async function move(to: PostmortemStatus) {
    setBusy(true);
    setError(null);
    const result = await setStatusAction({ postmortemId: doc.id, to });
    setBusy(false);
    if (result.ok) {
      setOutcome(null);
      router.refresh();
      return;
    }
    const detail = result.detail as { problems?: Finding[]; warnings?: Finding[] } | undefined;
    if (detail?.problems) setOutcome({ check: { problems: detail.problems, warnings: detail.warnings ?? [] }, message: result.message });
    else setError(result.message);
  }

  async function checkAndPublish() {
    setBusy(true);
    setError(null);
    const result = await publishCheckAction({ postmortemId: doc.id });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    const { problems, warnings } = result.data;
    if (problems.length > 0) {
      const n = problems.length;
      return setOutcome({ check: result.data, message: `Not ready to publish: ${n} ${n === 1 ? "item" : "items"} missing` });
    }
    // Warnings do not block, but the facilitator should see them before the document becomes read-only.
    if (warnings.length > 0) return setOutcome({ check: result.data, message: "Ready to publish, with warnings" });
    await move("PUBLISHED");
  }

  const ready = outcome && outcome.check.problems.length === 0;

  return (
    <section
      aria-labelledby="review-status-title"
      data-testid="publish-panel"
      className="no-print space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="review-status-title" className="font-semibold">
          Review
        </h2>
        <StatusBadge status={doc.status} />
        <span className="text-sm text-slate-600">
          {policy.label}: {policy.description}
        </span>
      </div>
      {published ? (
        <Alert tone="success">
          Published — read-only. The facilitator or an admin can reopen it.
          {doc.publishedAt ? <> Published on {doc.publishedAt.slice(0, 10)}.</> : null}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {doc.status === "DRAFT" && doc.permissions.edit ? (
          <Button variant="secondary" disabled={busy} onClick={() => void move("IN_REVIEW")}>
            Start review
          </Button>
        ) : null}
        {!published && doc.permissions.publish ? (
          <Button disabled={busy} onClick={() => void checkAndPublish()}>
            {busy ? "Working…" : "Check & publish"}
          </Button>
        ) : null}
        {ready ? (
          <Button disabled={busy} onClick={() => void move("PUBLISHED")}>
            Publish anyway
          </Button>
        ) : null}
        {published && doc.permissions.reopen ? (
          <Button variant="secondary" disabled={busy} onClick={() => void move("IN_REVIEW")}>
            Reopen
          </Button>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {outcome && outcome.check.problems.length > 0 ? (
        <Alert tone="error" title={outcome.message}>
          <FindingList findings={outcome.check.problems} testId="publish-problems" />
        </Alert>
      ) : null}
      {outcome && outcome.check.warnings.length > 0 ? (
        <Alert tone="warning" title={ready ? outcome.message : "Warnings"}>
          <FindingList findings={outcome.check.warnings} testId="publish-warnings" />
        </Alert>
      ) : null}
    </section>
  );
}
