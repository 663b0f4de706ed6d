"use client";

import type { SectionProps } from "@/components/postmortem/section-props";
import { SectionCard } from "@/components/postmortem/section-card";

export function MetricsSection({ doc }: SectionProps) {
  return (
    <SectionCard id="metrics" title="Key Metrics">
      <p className="text-sm text-slate-600">{doc.slaBreached}</p>
    </SectionCard>
  );
}
