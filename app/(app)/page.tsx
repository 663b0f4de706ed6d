import Link from "next/link";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { canOrg } from "@/lib/auth/permissions";
import { getOverview } from "@/lib/data/overview";
import { buttonClass } from "@/components/ui/button";
import { SeverityBadge, StatusBadge, formatDate } from "@/components/postmortems/labels";
import { Empty, Panel, Stat } from "@/components/overview/panel";
import { ActionGroups } from "@/components/overview/action-groups";
import { formatDuration } from "@/lib/domain/metrics";
import { formatUtcDateTime } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "Overview" };

function dueText(dueAt: Date, now: Date) {
  const minutes = Math.round((dueAt.getTime() - now.getTime()) / 60_000);
  return minutes > 0 ? `Due in ${formatDuration(minutes)}` : `Overdue by ${formatDuration(-minutes)}`;
}

export default async function OverviewPage() {
  const user = await requireUser();
  const now = new Date();
  const o = await getOverview(user, now);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Overview</h1>
          <p className="text-sm text-slate-600">Reviews against the 48-hour rule, and corrective actions followed to done.</p>
        </div>
        <div className="flex gap-2">
          <Link href="/report" className={buttonClass("secondary")}>
            Weekly report
          </Link>
          {canOrg(user, "createPostmortem") ? (
            <Link href="/postmortems/new" className={buttonClass()}>
              New postmortem
            </Link>
          ) : null}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="overview-stats">
        <Stat label="Reviews overdue (48 h)" value={o.reviews.overdue} tone="red" href="/postmortems?reviewOverdue=1" />
        <Stat label="Reviews due" value={o.reviews.due} href="/postmortems?status=DRAFT" />
        <Stat label="Open corrective actions" value={o.actions.open} href="/tracker" />
        <Stat label="Overdue corrective actions" value={o.actions.overdue} tone="red" href="/tracker?overdue=1" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Reviews due and overdue" testId="reviews-due" href="/postmortems?reviewOverdue=1" linkLabel="All overdue reviews">
          {o.reviews.items.length === 0 ? (
            <Empty>No review is waiting for its meeting.</Empty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {o.reviews.items.map((r) => (
                <li key={r.id} className="flex items-center justify-between gap-3 py-1.5">
                  <span>
                    <Link href={`/postmortems/${r.id}`} className="text-brand-700 hover:underline">
                      {r.incidentKey} {r.incidentName}
                    </Link>
                  </span>
                  <span
                    className={`whitespace-nowrap text-xs ${r.overdue ? "font-medium text-red-700" : "text-slate-600"}`}
                    title={`${formatUtcDateTime(r.dueAt)} UTC`}
                  >
                    {dueText(r.dueAt, now)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Overdue corrective actions" testId="overdue-actions" href="/tracker?overdue=1" linkLabel="Open in tracker">
          {o.actions.overdueItems.length === 0 ? (
            <Empty>No corrective action is past its deadline.</Empty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {o.actions.overdueItems.map((a) => (
                <li key={a.id} className="py-1.5" data-testid="overdue-action">
                  <Link href={`/postmortems/${a.postmortemId}#actions`} className="text-brand-700 hover:underline">
                    {a.action || `Action ${a.number}`}
                  </Link>
                  <div className="text-xs text-slate-600">
                    {a.incidentKey} · {a.ownerName ?? "No owner"} · due {formatDate(a.deadline.toISOString())}
                    {a.teamName ? ` · ${a.teamName}` : ""}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Open actions by team and owner" testId="actions-by-group" href="/tracker" linkLabel="Tracker">
          {o.actions.open === 0 ? (
            <Empty>No open corrective actions.</Empty>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              <ActionGroups caption="By team" groups={o.actions.byTeam} param="teamId" none="No team" />
              <ActionGroups caption="By owner" groups={o.actions.byOwner} param="ownerId" none="No owner" />
            </div>
          )}
        </Panel>
        <Panel title="Waiting for review or publication" testId="waiting" href="/postmortems?status=IN_REVIEW" linkLabel="All in review">
          <p className="mb-2 text-sm text-slate-600">
            {o.waiting.drafts} drafts, {o.waiting.inReview} in review.
          </p>
          {o.waiting.items.length === 0 ? (
            <Empty>Nothing is waiting for publication.</Empty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {o.waiting.items.map((w) => (
                <li key={w.id} className="flex items-center justify-between gap-3 py-1.5">
                  <Link href={`/postmortems/${w.id}`} className="text-brand-700 hover:underline">
                    {w.incidentKey} {w.incidentName}
                  </Link>
                  <span className="flex items-center gap-2">
                    <SeverityBadge severity={w.severity} />
                    <StatusBadge status={w.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Recently published" testId="recently-published" href="/postmortems?status=PUBLISHED" linkLabel="All published">
          {o.recentlyPublished.length === 0 ? (
            <Empty>Nothing published yet.</Empty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {o.recentlyPublished.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-3 py-1.5">
                  <Link href={`/postmortems/${p.id}`} className="text-brand-700 hover:underline">
                    {p.incidentKey} {p.incidentName}
                  </Link>
                  <span className="whitespace-nowrap text-xs text-slate-600">{formatDate(p.publishedAt.toISOString())}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}
