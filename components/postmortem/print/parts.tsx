import type { ReactNode } from "react";
import { formatUtcDateTime } from "@/lib/domain/dates";
import { IMPACT_LEVEL_LABELS, isBlankText } from "@/lib/domain/template";
import type { ImpactLevel } from "@/lib/generated/prisma/enums";

// The building blocks of the printable postmortem (print-document.tsx).

export const th = "border border-slate-300 bg-slate-50 px-2 py-1 text-left font-semibold";
export const td = "border border-slate-300 px-2 py-1 align-top";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={`print-${id}`} data-testid="print-section" className="space-y-2 break-inside-avoid-page">
      <h2 className="border-b border-slate-300 pb-1 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export const Prose = ({ text }: { text: string }) =>
  isBlankText(text) ? <p className="text-slate-400">Not written.</p> : <p className="whitespace-pre-wrap">{text}</p>;

export const day = (iso: string | null) => (iso ? formatUtcDateTime(new Date(iso)) + " UTC" : "—");
export const level = (l: ImpactLevel | null) => (l ? IMPACT_LEVEL_LABELS[l] : "—");
