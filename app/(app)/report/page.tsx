import Link from "next/link";
import type { Metadata } from "next";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getFollowUpReport } from "@/lib/data/report";
import { browseOptions } from "@/lib/data/browse-options";
import { parsePeriod, shiftPeriod } from "@/lib/domain/report-period";
import { reportToMarkdown } from "@/lib/domain/report-markdown";
import { flattenParams, toQueryString } from "@/lib/validations/browse";
import { FilterSelect, fromNamed } from "@/components/browse/filter-select";
import { Button } from "@/components/ui/button";
import { PrintButton } from "@/components/postmortem/print-button";
import { CopyMarkdown } from "@/components/report/copy-markdown";
import { ReportSections } from "@/components/report/report-sections";

export const metadata: Metadata = { title: "Follow-up report" };

const paramsSchema = z.object({
  kind: z.enum(["week", "month"]).catch("week"),
  period: z.string().max(10).optional().catch(undefined),
  teamId: z
    .string()
    .regex(/^[a-z0-9]{1,40}$/i)
    .optional()
    .catch(undefined),
});

export default async function ReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requireUser();
  const params = paramsSchema.parse(flattenParams(await searchParams));
  const period = parsePeriod(params.kind, params.period, new Date());
  const [report, options] = await Promise.all([getFollowUpReport(user, period, params.teamId ?? null), browseOptions(user)]);
  const href = (p: typeof period) => `/report${toQueryString({ kind: params.kind, period: p.key, teamId: params.teamId })}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Follow-up report: {period.label}</h1>
          <p className="text-sm text-slate-600">
            {report.teamName ? `Team ${report.teamName}` : "All teams"}. &ldquo;Review progress in weekly team meetings. Report completion
            status in monthly governance reviews.&rdquo;
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <CopyMarkdown markdown={reportToMarkdown(report)} />
          <PrintButton />
        </div>
      </div>
      <form
        method="get"
        action="/report"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 no-print"
      >
        <FilterSelect
          id="kind"
          label="Report"
          value={params.kind}
          options={[
            { value: "week", label: "Weekly" },
            { value: "month", label: "Monthly" },
          ]}
        />
        <FilterSelect id="teamId" label="Team" value={params.teamId} any="All teams" options={fromNamed(options.teams)} />
        <Button type="submit" variant="secondary">
          Show
        </Button>
        <nav aria-label="Periods" className="ml-auto flex gap-3 text-sm">
          <Link href={href(shiftPeriod(period, -1))} className="text-brand-600 hover:underline">
            ← Previous {params.kind}
          </Link>
          <Link href={href(shiftPeriod(period, 1))} className="text-brand-600 hover:underline">
            Next {params.kind} →
          </Link>
        </nav>
      </form>
      <ReportSections report={report} />
    </div>
  );
}
