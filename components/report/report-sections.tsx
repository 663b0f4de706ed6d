import Link from "next/link";
import type { ReactNode } from "react";
import type { FollowUpReport, ReportAction, ReportPostmortem } from "@/lib/domain/report-markdown";
import { ACTION_HORIZONS } from "@/lib/domain/deadlines";
import { SeverityBadge } from "@/components/postmortems/labels";
import { formatUtcDateTime } from "@/lib/domain/dates";

function Section<T>({
  id,
  title,
  list,
  empty,
  render,
}: {
  id: string;
  title: string;
  list: { total: number; items: T[] };
  empty: string;
  render: (item: T) => ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={`report-${id}`}
      className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {title} <span className="text-slate-500">({list.total})</span>
      </h2>
      {list.total === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {list.items.map((item, i) => (
            <li key={i} className="py-1.5">
              {render(item)}
            </li>
          ))}
          {list.total > list.items.length ? <li className="py-1.5 text-slate-500">… and {list.total - list.items.length} more</li> : null}
        </ul>
      )}
    </section>
  );
}

const PmLine = ({ p, extra }: { p: ReportPostmortem; extra?: string }) => (
  <span className="flex flex-wrap items-center gap-2">
    <Link href={`/postmortems/${p.id}`} className="text-brand-700 hover:underline">
      {p.incidentKey} {p.incidentName}
    </Link>
    <SeverityBadge severity={p.severity} />
    {extra ? <span className="text-xs text-slate-600">{extra}</span> : null}
  </span>
);

const ActionLine = ({ a, extra }: { a: ReportAction; extra: string }) => (
  <span>
    <Link href={`/postmortems/${a.postmortemId}#actions`} className="text-brand-700 hover:underline">
      {a.incidentKey} #{a.number}
    </Link>{" "}
    {a.action}
    <span className="block text-xs text-slate-600">
      {ACTION_HORIZONS[a.horizon].label} · {a.ownerName ?? "No owner"} · {extra}
    </span>
  </span>
);

export function ReportSections({ report }: { report: FollowUpReport }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section id="new" title="New postmortems" list={report.created} empty="No new postmortems." render={(p) => <PmLine p={p} />} />
      <Section
        id="reviews"
        title={`Reviews held — ${report.reviews.within} within 48 hours`}
        list={report.reviews}
        empty="No reviews held."
        render={(r) => (
          <PmLine
            p={r}
            extra={`held ${formatUtcDateTime(new Date(r.heldAt))} UTC · ${r.heldAt <= r.dueAt ? "within 48 h" : "after the 48 h deadline"}`}
          />
        )}
      />
      <Section
        id="completed"
        title="Actions completed"
        list={report.completed}
        empty="No actions completed."
        render={(a) => <ActionLine a={a} extra={`done ${a.completedAt}`} />}
      />
      <Section
        id="newly-overdue"
        title="Newly overdue"
        list={report.newlyOverdue}
        empty="No action became overdue."
        render={(a) => <ActionLine a={a} extra={`due ${a.deadline}`} />}
      />
      <Section
        id="still-overdue"
        title="Still overdue"
        list={report.stillOverdue}
        empty="No action was already overdue."
        render={(a) => <ActionLine a={a} extra={`due ${a.deadline}`} />}
      />
      <Section
        id="repeats"
        title="Repeat incidents"
        list={report.repeats}
        empty="No possible repeat incidents."
        render={(p) => <PmLine p={p} />}
      />
    </div>
  );
}
