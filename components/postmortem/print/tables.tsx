import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import type { PostmortemSnapshot } from "@/lib/domain/snapshot";
import { formatUtcDateTime } from "@/lib/domain/dates";
import { ACTION_HORIZON_ORDER, ACTION_HORIZONS } from "@/lib/domain/deadlines";
import { ACTION_STATUS_LABELS, MILESTONE_LABELS } from "@/lib/domain/template";
import { TicketLink } from "@/components/postmortem/actions/ticket-link";
import { Section, level, td, th } from "@/components/postmortem/print/parts";

// The printable postmortem's tables: timeline, impact and corrective actions.

export function PrintTimeline({ rows }: { rows: PostmortemDocument["timeline"] }) {
  return (
    <Section id="timeline" title="Timeline of Events">
      {rows.length === 0 ? (
        <p className="text-slate-400">No events recorded.</p>
      ) : (
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th className={th}>Time (UTC)</th>
              <th className={th}>Event</th>
              <th className={th}>Actor</th>
              <th className={th}>Notes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className={`${td} whitespace-nowrap`}>{r.occurredAt ? formatUtcDateTime(new Date(r.occurredAt)) : "—"}</td>
                <td className={td}>
                  {r.event}
                  {r.milestone && r.event !== MILESTONE_LABELS[r.milestone] ? (
                    <span className="block text-xs text-slate-500">{MILESTONE_LABELS[r.milestone]}</span>
                  ) : null}
                </td>
                <td className={td}>{r.actor}</td>
                <td className={`${td} whitespace-pre-wrap`}>{r.notes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function PrintImpact({ doc, revenue }: { doc: PostmortemDocument; revenue: string }) {
  return (
    <Section id="impact" title="Impact Assessment">
      <table className="w-full border-collapse">
        <thead>
          <tr>
            <th className={th}>Dimension</th>
            <th className={th}>Impact</th>
            <th className={th}>Detail</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className={td}>Customer impact</td>
            <td className={td}>{level(doc.impact.customerLevel)}</td>
            <td className={td}>{doc.impact.customerDetail}</td>
          </tr>
          <tr>
            <td className={td}>Revenue impact</td>
            <td className={td}>{revenue}</td>
            <td className={td}>{doc.impact.revenueDetail}</td>
          </tr>
          <tr>
            <td className={td}>Reputational impact</td>
            <td className={td}>{level(doc.impact.reputationalLevel)}</td>
            <td className={td}>{doc.impact.reputationalDetail}</td>
          </tr>
          <tr>
            <td className={td}>Data/security impact</td>
            <td className={td}>{level(doc.impact.dataSecurityLevel)}</td>
            <td className={td}>{doc.impact.dataSecurityDetail}</td>
          </tr>
          <tr>
            <td className={td}>Compliance impact</td>
            <td className={td}>{level(doc.impact.complianceLevel)}</td>
            <td className={td}>{doc.impact.complianceDetail}</td>
          </tr>
        </tbody>
      </table>
    </Section>
  );
}

export function PrintActions({ actions }: { actions: PostmortemSnapshot["actions"] }) {
  return (
    <Section id="actions" title="Corrective Actions">
      {ACTION_HORIZON_ORDER.map((h) => {
        const rows = actions.filter((a) => a.horizon === h);
        return (
          <div key={h} className="space-y-1">
            <h3 className="font-semibold">{ACTION_HORIZONS[h].heading}</h3>
            {rows.length === 0 ? (
              <p className="text-slate-400">None.</p>
            ) : (
              <table className="w-full border-collapse">
                <thead>
                  <tr>
                    <th className={th}>#</th>
                    <th className={th}>Action</th>
                    <th className={th}>Owner</th>
                    <th className={th}>Deadline</th>
                    <th className={th}>Status</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => (
                    <tr key={a.number}>
                      <td className={td}>{a.number}</td>
                      <td className={td}>
                        {a.action}
                        {a.ticket ? (
                          <span className="block text-xs">
                            <TicketLink ticket={a.ticket} />
                          </span>
                        ) : null}
                        {a.status === "WONT_DO" && a.wontDoReason ? (
                          <span className="block text-xs text-slate-600">Won&apos;t do: {a.wontDoReason}</span>
                        ) : null}
                      </td>
                      <td className={td}>{a.ownerName ?? "—"}</td>
                      <td className={`${td} whitespace-nowrap`}>{typeof a.deadline === "string" ? a.deadline : "—"}</td>
                      <td className={td}>{ACTION_STATUS_LABELS[a.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </Section>
  );
}
