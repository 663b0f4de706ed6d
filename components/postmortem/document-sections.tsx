"use client";

import type { UserOption } from "@/lib/data/users";
import type { SectionId } from "@/lib/domain/severity-policy";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import type { SectionProps } from "@/components/postmortem/section-props";
import { DetailsSection } from "@/components/postmortem/sections/details-section";
import { SeveritySection } from "@/components/postmortem/sections/severity-section";
import { SummarySection } from "@/components/postmortem/sections/summary-section";
import { MetricsSection } from "@/components/postmortem/sections/metrics-section";
import { TimelineSection } from "@/components/postmortem/sections/timeline-section";
import { RootCauseSection } from "@/components/postmortem/sections/root-cause-section";
import { FactorsSection } from "@/components/postmortem/sections/factors-section";
import { AiCausesSection } from "@/components/postmortem/sections/ai-causes-section";
import { AiContextSection } from "@/components/postmortem/sections/ai-context-section";
import { ImpactSection } from "@/components/postmortem/sections/impact-section";
import { ActionsSection } from "@/components/postmortem/sections/actions-section";
import { LessonsSection } from "@/components/postmortem/sections/lessons-section";
import { ExternalSection } from "@/components/postmortem/sections/external-section";

// The template's order. A Low incident is a log entry: only what a log needs is shown.
const SECTIONS: Record<SectionId, (props: SectionProps) => React.ReactNode> = {
  details: DetailsSection,
  severity: SeveritySection,
  summary: SummarySection,
  metrics: MetricsSection,
  timeline: TimelineSection,
  "root-cause": RootCauseSection,
  factors: FactorsSection,
  "ai-causes": AiCausesSection,
  "ai-context": AiContextSection,
  impact: ImpactSection,
  actions: ActionsSection,
  lessons: LessonsSection,
  "external-summary": ExternalSection,
};

/** The template's sections, fed from the live document (the server render, patched by every event). */
export function DocumentSections({
  sections,
  users,
  externalRelease,
}: {
  sections: readonly SectionId[];
  users: UserOption[];
  externalRelease?: SectionProps["externalRelease"];
}) {
  const { doc } = useLiveDoc();
  const props: SectionProps = { doc, users, canEdit: doc.permissions.edit, externalRelease };
  return (
    <>
      {sections.map((sectionId) => {
        const Section = SECTIONS[sectionId];
        return <Section key={sectionId} {...props} />;
      })}
    </>
  );
}
