import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicSummary } from "@/lib/data/external-summary";
import { EXTERNAL_PARTS } from "@/lib/domain/external-summary";
import { IMPACT_LEVEL_LABELS } from "@/lib/domain/labels";
import { formatUtcDateTime, toIsoDay } from "@/lib/domain/dates";

// The public, read-only external summary: no sign-in, only the approved text and its public facts.
// It renders from the frozen release, never from the live document.

type Params = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const summary = await getPublicSummary((await params).token);
  if (!summary) return { title: "Not found", robots: { index: false, follow: false } };
  return {
    title: { absolute: summary.title },
    robots: summary.indexable ? { index: true, follow: true } : { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function PublicSummaryPage({ params }: Params) {
  const summary = await getPublicSummary((await params).token);
  if (!summary) notFound();
  return (
    <main className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <p className="text-sm font-medium text-slate-500">Incident report</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900">{summary.title}</h1>
      <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">Date of incident</dt>
        <dd data-testid="public-incident-date">{toIsoDay(new Date(summary.incidentDate))}</dd>
        {summary.resolvedAt ? (
          <>
            <dt className="font-medium text-slate-700">Resolved</dt>
            <dd>{formatUtcDateTime(new Date(summary.resolvedAt))} UTC</dd>
          </>
        ) : null}
        {summary.customerImpact ? (
          <>
            <dt className="font-medium text-slate-700">Customer impact</dt>
            <dd data-testid="public-customer-impact">{IMPACT_LEVEL_LABELS[summary.customerImpact]}</dd>
          </>
        ) : null}
      </dl>
      {EXTERNAL_PARTS.map((part) => (
        <section key={part.key} className="mt-8" aria-labelledby={`part-${part.key}`}>
          <h2 id={`part-${part.key}`} className="text-lg font-semibold text-slate-900">
            {part.label}
          </h2>
          <p className="mt-2 whitespace-pre-wrap text-slate-800" data-testid={`public-${part.key}`}>
            {summary[part.key]}
          </p>
        </section>
      ))}
    </main>
  );
}
