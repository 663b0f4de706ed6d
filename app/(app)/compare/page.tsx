import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getComparable, type Comparable } from "@/lib/data/compare";
import { AppError } from "@/lib/errors";
import { flattenParams } from "@/lib/validations/browse";
import { formatDuration } from "@/lib/domain/metrics";
import { AI_CAUSE_BY_KIND } from "@/lib/domain/template";
import { FACTOR_CATEGORY_LABELS } from "@/lib/domain/labels";
import { ACTION_HORIZONS } from "@/lib/domain/deadlines";
import { Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { SeverityBadge, StatusBadge } from "@/components/postmortems/labels";
import { ActionStatusBadge, OverdueBadge } from "@/components/postmortem/actions/status-badge";

export const metadata: Metadata = { title: "Compare postmortems" };

async function load(user: Parameters<typeof getComparable>[0], value: string | undefined): Promise<Comparable | string | null> {
  if (!value) return null;
  try {
    return await getComparable(user, value.trim().slice(0, 60));
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return `No postmortem "${value}" that you can see.`;
    throw error;
  }
}

function Row({ label, a, b }: { label: string; a: ReactNode; b: ReactNode }) {
  return (
    <tr className="align-top">
      <th scope="row" className="w-40 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
        {label}
      </th>
      <td className="px-3 py-2">{a}</td>
      <td className="px-3 py-2">{b}</td>
    </tr>
  );
}

const metric = (c: Comparable, key: string) => {
  const m = c.metrics.find((x) => x.key === key)!;
  return m.source === "not_applicable" ? "N/A" : m.minutes === null ? "—" : formatDuration(m.minutes);
};

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireUser();
  const params = flattenParams(await searchParams);
  const [a, b] = await Promise.all([load(user, params.a), load(user, params.b)]);
  const typed = [a, b].map((v, i) => (v && typeof v === "object" ? v.incidentKey : (params[i === 0 ? "a" : "b"] ?? "")));
  const both = a && b && typeof a !== "string" && typeof b !== "string" ? ([a, b] as const) : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Compare postmortems</h1>
      <form method="get" action="/compare" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        {(["a", "b"] as const).map((side, i) => (
          <div key={side} className="flex flex-col gap-1">
            <label htmlFor={`compare-${side}`} className="text-xs font-medium text-slate-600">
              {i === 0 ? "First" : "Second"} postmortem (Incident ID)
            </label>
            <Input id={`compare-${side}`} name={side} defaultValue={typed[i]} placeholder="INC-2026-0042" />
          </div>
        ))}
        <Button type="submit">Compare</Button>
      </form>
      {typeof a === "string" ? <Alert tone="error">{a}</Alert> : null}
      {typeof b === "string" ? <Alert tone="error">{b}</Alert> : null}
      {!both ? (
        <p className="text-sm text-slate-600">
          Enter two Incident IDs, or use &ldquo;Compare side by side&rdquo; on a postmortem&apos;s similar list.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid="compare-table">
            <thead className="bg-slate-50">
              <tr>
                <td />
                {both.map((c) => (
                  <th key={c.id} scope="col" className="px-3 py-2 text-left">
                    <span className="block font-mono text-xs text-slate-500">{c.incidentKey}</span>
                    <Link href={`/postmortems/${c.id}`} className="text-brand-700 hover:underline">
                      {c.incidentName}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              <Row
                label="Severity / status"
                a={
                  <span className="flex gap-2">
                    <SeverityBadge severity={both[0].severity} />
                    <StatusBadge status={both[0].status} />
                  </span>
                }
                b={
                  <span className="flex gap-2">
                    <SeverityBadge severity={both[1].severity} />
                    <StatusBadge status={both[1].status} />
                  </span>
                }
              />
              <Row label="Incident date" a={both[0].incidentDate} b={both[1].incidentDate} />
              <Row label="Team" a={both[0].teamName ?? "—"} b={both[1].teamName ?? "—"} />
              <Row label="AI system" a={both[0].aiSystem || "—"} b={both[1].aiSystem || "—"} />
              {["detect", "acknowledge", "mitigate", "resolve", "duration"].map((k) => (
                <Row key={k} label={both[0].metrics.find((m) => m.key === k)!.label} a={metric(both[0], k)} b={metric(both[1], k)} />
              ))}
              <Row label="Summary" a={both[0].summary || "—"} b={both[1].summary || "—"} />
              <Row label="Root cause" a={both[0].rootCause || "—"} b={both[1].rootCause || "—"} />
              <Row label="AI causes" a={<CauseList c={both[0]} other={both[1]} />} b={<CauseList c={both[1]} other={both[0]} />} />
              <Row label="Factors" a={<FactorList c={both[0]} />} b={<FactorList c={both[1]} />} />
              <Row label="Corrective actions" a={<ActionList c={both[0]} />} b={<ActionList c={both[1]} />} />
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CauseList({ c, other }: { c: Comparable; other: Comparable }) {
  if (c.aiCauses.length === 0) return <>—</>;
  const shared = new Set(other.aiCauses.map((x) => x.kind));
  return (
    <ul className="space-y-0.5">
      {c.aiCauses.map((x) => (
        <li key={x.kind}>
          {AI_CAUSE_BY_KIND[x.kind].label}
          {shared.has(x.kind) ? <strong className="ml-1 text-xs text-amber-800">(shared)</strong> : null}
        </li>
      ))}
    </ul>
  );
}

function FactorList({ c }: { c: Comparable }) {
  if (c.factors.length === 0) return <>—</>;
  return (
    <ul className="space-y-0.5">
      {c.factors.map((f, i) => (
        <li key={i}>
          <span className="text-xs text-slate-500">{FACTOR_CATEGORY_LABELS[f.category]}:</span> {f.description}
        </li>
      ))}
    </ul>
  );
}

function ActionList({ c }: { c: Comparable }) {
  if (c.actions.length === 0) return <>—</>;
  return (
    <ul className="space-y-1">
      {c.actions.map((a) => (
        <li key={a.id}>
          #{a.number} {a.action}{" "}
          <span className="text-xs text-slate-500">
            ({ACTION_HORIZONS[a.horizon].label}, {a.ownerName ?? "no owner"}, {a.deadline ?? "no deadline"})
          </span>{" "}
          <ActionStatusBadge status={a.status} /> {a.overdue ? <OverdueBadge /> : null}
        </li>
      ))}
    </ul>
  );
}
