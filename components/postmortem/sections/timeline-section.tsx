"use client";

import type { SectionProps } from "@/components/postmortem/section-props";
import { SectionCard } from "@/components/postmortem/section-card";

export function TimelineSection({ doc }: SectionProps) {
  return (
    <SectionCard id="timeline" title="Timeline of Events">
      <p className="text-sm text-slate-600">{doc.timeline.length} rows</p>
    </SectionCard>
  );
}
