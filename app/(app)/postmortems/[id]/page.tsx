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
import { DocumentHeader } from "@/components/postmortem/document-header";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { SectionNav } from "@/components/postmortem/section-nav";
import { ReviewClockBadge } from "@/components/postmortem/review-clock-badge";
import { BlamelessReminder } from "@/components/postmortem/blameless-reminder";
import { PublishPanel } from "@/components/postmortem/publish-panel";
import { HistoryPanel } from "@/components/postmortem/history-panel";
import { DocumentSections } from "@/components/postmortem/document-sections";
import { LiveDocProvider } from "@/components/live/live-doc-provider";
import { LiveStatusBar } from "@/components/live/live-status-bar";
import { RelatedPanel } from "@/components/related/related-panel";
import { ExportLinks } from "@/components/sharing/export-links";
import { getExternalRelease } from "@/lib/data/external-summary";
import { getSharing } from "@/lib/data/distribution";
import { configuredTrackers, listActionTickets } from "@/lib/integrations/trackers";
import { ShareLessonsCard } from "@/components/sharing/share-lessons-card";
import { TrackerTickets } from "@/components/sharing/tracker-tickets";
import { getMeeting } from "@/lib/data/meeting";
import { listComments } from "@/lib/data/comments";
import { MeetingProvider } from "@/components/meeting/meeting-provider";
import { MeetingPanel } from "@/components/meeting/meeting-panel";
import { CommentsProvider } from "@/components/comments/comments-provider";

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
  const [meeting, comments, externalRelease, sharing, trackers, tickets] = await Promise.all([
    getMeeting(user, id),
    listComments(user, id),
    getExternalRelease(user, doc.id),
    getSharing(user, doc.id),
    configuredTrackers(),
    listActionTickets(user, doc.id),
  ]);

  return (
    <LiveDocProvider doc={doc} users={users} me={{ id: user.id, name: user.name }}>
      <MeetingProvider initial={meeting}>
        <CommentsProvider initial={comments}>
          <article className="space-y-5" data-review-type={policy.type}>
            <DocumentHeader
              clock={<ReviewClockBadge clock={clock} />}
              actions={
                <ExportLinks postmortemId={doc.id}>
                  {doc.permissions.edit ? (
                    <Link
                      href={`/postmortems/${doc.id}/draft`}
                      className={`${buttonClass("secondary", "sm")} no-print`}
                      data-testid="draft-link"
                    >
                      Draft from material
                    </Link>
                  ) : null}
                </ExportLinks>
              }
            />

            <div className="grid gap-5 lg:grid-cols-[15rem_minmax(0,1fr)]">
              <div className="space-y-4 lg:sticky lg:top-4 lg:self-start">
                <SectionNav sections={sections} status={status} required={policy.requiredSections} />
              </div>
              <div className="min-w-0 space-y-5">
                <LiveStatusBar />
                <MeetingPanel />
                <BlamelessReminder />
                <PublishPanel doc={doc} />
                <RelatedPanel actor={user} postmortemId={doc.id} canEdit={doc.permissions.edit} />
                {!doc.permissions.edit && doc.status !== "PUBLISHED" ? (
                  <Alert tone="info">You can read this postmortem. Only its facilitator, attendees and admins edit it.</Alert>
                ) : null}
                {policy.type === "LOG" ? (
                  <Alert tone="info" title="Log entry">
                    Low-severity incidents are tracked as a log entry: a summary and how it was resolved are enough, with no review meeting
                    and no 48-hour clock. Raise the severity to open the full template.
                  </Alert>
                ) : null}
                <DocumentSections sections={sections} users={users} externalRelease={externalRelease} />
                <ShareLessonsCard postmortemId={doc.id} sharing={sharing} users={users} />
                <TrackerTickets
                  postmortemId={doc.id}
                  tickets={tickets}
                  trackers={trackers}
                  canCreate={user.role !== "VIEWER" && (doc.permissions.edit || doc.facilitatorId === user.id || user.role === "ADMIN")}
                />
                <HistoryPanel postmortemId={doc.id} />
              </div>
            </div>
          </article>
        </CommentsProvider>
      </MeetingProvider>
    </LiveDocProvider>
  );
}
