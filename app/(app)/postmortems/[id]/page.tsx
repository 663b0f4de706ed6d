import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getPostmortemDocument, type PostmortemDocument } from "@/lib/data/postmortem-document";
import { listUserOptions } from "@/lib/data/users";
import { buildSnapshot } from "@/lib/data/snapshot-from-document";
import { AppError } from "@/lib/errors";
import { sectionStatus } from "@/lib/domain/completeness";
import { reviewClock } from "@/lib/domain/deadlines";
import { reviewPolicyFor, SECTION_IDS, type SectionId } from "@/lib/domain/severity-policy";
import { SeverityBadge, StatusBadge, formatDate } from "@/components/postmortems/labels";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { SectionNav } from "@/components/postmortem/section-nav";
import { ReviewClockBadge } from "@/components/postmortem/review-clock-badge";
import { BlamelessReminder } from "@/components/postmortem/blameless-reminder";
import { PublishPanel } from "@/components/postmortem/publish-panel";
import { HistoryPanel } from "@/components/postmortem/history-panel";
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
const LOG_SECTIONS: readonly SectionId[] = ["details", "severity", "summary", "timeline", "root-cause", "actions", "external-summary"];

async function loadDocument(userId: Parameters<typeof getPostmortemDocument>[0], id: string): Promise<PostmortemDocument> {
  try {
    return await getPostmortemDocument(userId, id);
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return { title: `Postmortem ${id.slice(0, 8)}` };
}

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [doc, users] = await Promise.all([loadDocument(user, id), listUserOptions(user)]);
  const policy = reviewPolicyFor(doc.severity);
  const snapshot = buildSnapshot(doc);
  const status = sectionStatus(snapshot);
  const clock = reviewClock(
    {
      severity: doc.severity,
      incidentDate: new Date(doc.incidentDate),
      meetingDate: doc.meetingDate ? new Date(doc.meetingDate) : null,
      status: doc.status,
      timeline: snapshot.timeline,
    },
    new Date(),
  );
  const sections = policy.type === "LOG" ? LOG_SECTIONS : SECTION_IDS;
  const props: SectionProps = { doc, users, canEdit: doc.permissions.edit };

  return (
    <article className="space-y-5" data-review-type={policy.type}>
      <header className="space-y-2">
        <p className="font-mono text-sm text-slate-500">{doc.incidentKey}</p>
        <h1 className="text-2xl font-semibold break-words">{doc.incidentName}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <SeverityBadge severity={doc.severity} />
          <StatusBadge status={doc.status} />
          <span data-testid="review-type">{policy.label}</span>
          <ReviewClockBadge clock={clock} />
          <span>· Incident {formatDate(doc.incidentDate)}</span>
          {doc.facilitatorName ? <span>· Facilitator {doc.facilitatorName}</span> : null}
          {doc.teamName ? <span>· {doc.teamName}</span> : null}
          {doc.permissions.edit ? (
            <Link href={`/postmortems/${doc.id}/draft`} className={`${buttonClass("secondary", "sm")} no-print ml-auto`} data-testid="draft-link">
              Draft from material
            </Link>
          ) : null}
          <Link href={`/postmortems/${doc.id}/print`} className={`${buttonClass("secondary", "sm")} no-print ${doc.permissions.edit ? "" : "ml-auto"}`}>
            Print view
          </Link>
        </div>
      </header>

      <div className="grid gap-5 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
          <SectionNav sections={sections} status={status} required={policy.requiredSections} />
        </div>
        <div className="min-w-0 space-y-5">
          <BlamelessReminder />
          <PublishPanel doc={doc} />
          {!doc.permissions.edit && doc.status !== "PUBLISHED" ? (
            <Alert tone="info">You can read this postmortem. Only its facilitator, attendees and admins edit it.</Alert>
          ) : null}
          {policy.type === "LOG" ? (
            <Alert tone="info" title="Log entry">
              Low-severity incidents are tracked as a log entry: a summary and how it was resolved are enough, with
              no review meeting and no 48-hour clock. Raise the severity to open the full template.
            </Alert>
          ) : null}
          {sections.map((sectionId) => {
            const Section = SECTIONS[sectionId];
            return <Section key={sectionId} {...props} />;
          })}
          <HistoryPanel postmortemId={doc.id} />
        </div>
      </div>
    </article>
  );
}
