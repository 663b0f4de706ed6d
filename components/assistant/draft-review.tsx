"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import type { DraftResult } from "@/lib/assistant/draft-service";
import { ENGINE_LABELS } from "@/lib/domain/draft/labels";
import type { DraftItem } from "@/lib/validations/draft";
import { acceptDraftItemAction } from "@/app/(app)/postmortems/[id]/draft/actions";
import { ProposalCard } from "@/components/assistant/proposal-card";
import { SECTION_TITLES, toProposals, type Proposal, type ProposalSection } from "@/components/assistant/proposals";

const SECTIONS = Object.keys(SECTION_TITLES) as ProposalSection[];

/** The review: nothing is written until a proposal is accepted, one at a time or all remaining at once. */
export function DraftReview({ postmortemId, draft }: { postmortemId: string; draft: DraftResult }) {
  const [proposals, setProposals] = useState<Proposal[]>(() => toProposals(draft.content));
  const [bulk, setBulk] = useState(false);
  const update = (id: string, change: Partial<Proposal>) => setProposals((all) => all.map((p) => (p.id === id ? { ...p, ...change } : p)));

  async function accept(proposal: Proposal): Promise<boolean> {
    update(proposal.id, { status: "saving", error: null });
    const result = await acceptDraftItemAction({ postmortemId, clientMutationId: crypto.randomUUID(), item: proposal.item }).catch(
      () => null,
    );
    if (result?.ok) {
      update(proposal.id, { status: "accepted" });
      return true;
    }
    const fieldMessage = result && !result.ok ? Object.values(result.fieldErrors ?? {}).flat()[0] : undefined;
    update(proposal.id, {
      status: "pending",
      error: result ? (fieldMessage ?? result.message) : "The server could not be reached; nothing was saved. Try again.",
    });
    return false;
  }

  async function acceptRemaining() {
    setBulk(true);
    for (const p of proposals.filter((x) => x.status === "pending")) await accept(p);
    setBulk(false);
  }

  const counts = { pending: 0, accepted: 0, rejected: 0, saving: 0 };
  for (const p of proposals) counts[p.status]++;

  return (
    <section aria-labelledby="review-heading" className="space-y-4" data-testid="draft-review">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="review-heading" className="text-lg font-semibold">
          Review the proposals
        </h2>
        <p className="text-sm text-slate-600" data-testid="draft-engine">
          Drafted by: {ENGINE_LABELS[draft.engine]}
          {draft.model ? ` · model ${draft.model}` : ""}
        </p>
        <p className="ml-auto text-sm text-slate-600" aria-live="polite" data-testid="review-counts">
          {counts.accepted} accepted · {counts.rejected} rejected · {counts.pending + counts.saving} to review
        </p>
      </div>
      {draft.notice ? <Alert tone="warning">{draft.notice}</Alert> : null}
      {proposals.length === 0 ? (
        <Alert tone="info" title="Nothing to propose">
          No times, events or AI details were recognised in this material. Try a chat export with timestamps, an alert log or a CSV with
          time and text columns.
        </Alert>
      ) : null}
      {SECTIONS.map((section) => {
        const items = proposals.filter((p) => p.section === section);
        if (items.length === 0) return null;
        return (
          <div key={section} className="space-y-2">
            <h3 className="font-medium">
              {SECTION_TITLES[section]} <span className="text-sm font-normal text-slate-500">({items.length})</span>
            </h3>
            <ol className="space-y-2" aria-label={SECTION_TITLES[section]}>
              {items.map((p) => (
                <ProposalCard
                  key={p.id}
                  proposal={p}
                  onAccept={() => void accept(p)}
                  onReject={() => update(p.id, { status: "rejected", error: null })}
                  onUndoReject={() => update(p.id, { status: "pending" })}
                  onEdit={(item: DraftItem) => update(p.id, { item, error: null })}
                />
              ))}
            </ol>
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <Button onClick={() => void acceptRemaining()} disabled={bulk || counts.pending === 0}>
          {bulk ? "Accepting…" : `Accept all remaining (${counts.pending})`}
        </Button>
        <Link href={`/postmortems/${postmortemId}`} className={buttonClass("secondary")}>
          Back to the postmortem
        </Link>
      </div>
    </section>
  );
}
