import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import { buildSnapshot } from "@/lib/data/snapshot-from-document";
import { computeMetrics, formatDuration } from "@/lib/domain/metrics";
import { formatMoney } from "@/lib/domain/money";
import { SEVERITIES } from "@/lib/domain/severity-policy";
import {
  AI_CAUSE_BY_KIND,
  BLAMELESS_REMINDER,
  FACTOR_CATEGORY_LABELS,
  LESSON_QUESTIONS,
  PARTICIPANT_ROLE_LABELS,
  ROOT_CAUSE_CATEGORY_LABELS,
  SLA_BREACHED_LABELS,
  SUMMARY_PROMPT,
  TEMPLATE_TITLE,
  isBlankAction,
  isBlankFactor,
  isBlankText,
  isBlankTimelineRow,
} from "@/lib/domain/template";
import { Prose, Section, day, td, th } from "@/components/postmortem/print/parts";
import { PrintActions, PrintImpact, PrintTimeline } from "@/components/postmortem/print/tables";

/** The whole postmortem in the template's order, as a printable page; blank rows are left out. */
export function PrintDocument({ doc }: { doc: PostmortemDocument }) {
  const snapshot = buildSnapshot(doc);
  const { metrics } = computeMetrics(snapshot.timeline, snapshot.metrics);
  const timeline = doc.timeline.filter((r) => !isBlankTimelineRow({ ...r, occurredAt: r.occurredAt ? new Date(r.occurredAt) : null }));
  const whys = doc.whys.filter((w) => !isBlankText(w.text));
  const factors = doc.factors.filter((f) => !isBlankFactor(f));
  const actions = snapshot.actions.filter((a) => !isBlankAction(a));
  const attendees = doc.participants.filter((p) => p.role !== "FACILITATOR");
  const revenue = doc.revenueImpactMinor === null ? "—" : formatMoney(BigInt(doc.revenueImpactMinor), doc.revenueCurrency);

  return (
    <article className="mx-auto max-w-[190mm] space-y-6 bg-white text-sm text-slate-900" data-testid="print-document">
      <header>
        <p className="text-xs uppercase tracking-wide text-slate-500">{TEMPLATE_TITLE}</p>
        <h1 className="text-2xl font-semibold">{doc.incidentName}</h1>
      </header>

      <Section id="details" title="Incident Summary">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Incident ID:</dt>
          <dd className="font-mono">{doc.incidentKey}</dd>
          <dt className="font-semibold">Incident name:</dt>
          <dd>{doc.incidentName}</dd>
          <dt className="font-semibold">Date of incident:</dt>
          <dd>{day(doc.incidentDate)}</dd>
          <dt className="font-semibold">Post-mortem date:</dt>
          <dd>{day(doc.meetingDate)}</dd>
          <dt className="font-semibold">Post-mortem facilitator:</dt>
          <dd>{doc.facilitatorName ?? "—"}</dd>
          <dt className="font-semibold">Post-mortem attendees:</dt>
          <dd>{attendees.length ? attendees.map((p) => `${p.name} (${PARTICIPANT_ROLE_LABELS[p.role]})`).join(", ") : "—"}</dd>
        </dl>
      </Section>

      <Section id="severity" title="Severity">
        <ul className="space-y-0.5">
          {SEVERITIES.map((s) => (
            <li key={s.value} className={s.value === doc.severity ? "font-semibold" : "text-slate-500"}>
              {s.value === doc.severity ? "☒" : "☐"} {s.label} — {s.description}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="summary" title="Summary">
        <p className="text-xs text-slate-500">{SUMMARY_PROMPT}</p>
        <Prose text={doc.summary} />
      </Section>

      <Section id="metrics" title="Key Metrics">
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th className={th}>Metric</th>
              <th className={th}>Value</th>
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => (
              <tr key={m.key}>
                <td className={td}>{m.label}</td>
                <td className={td}>
                  {m.source === "not_applicable" ? "Not applicable" : m.minutes === null ? "—" : formatDuration(m.minutes)}
                  {m.source === "override" ? " (entered)" : m.source === "derived" ? " (from timeline)" : ""}
                </td>
              </tr>
            ))}
            <tr>
              <td className={td}>Users/requests affected</td>
              <td className={td}>
                {doc.usersAffected ?? "—"} users / {doc.requestsAffected ?? "—"} requests
              </td>
            </tr>
            <tr>
              <td className={td}>Revenue impact</td>
              <td className={td}>{revenue}</td>
            </tr>
            <tr>
              <td className={td}>SLA breached?</td>
              <td className={td}>{SLA_BREACHED_LABELS[doc.slaBreached]}</td>
            </tr>
          </tbody>
        </table>
      </Section>

      <PrintTimeline rows={timeline} />

      <Section id="root-cause" title="Root Cause Analysis (5 Whys)">
        <p>
          <span className="font-semibold">Problem:</span> {doc.problemStatement || "—"}
        </p>
        {whys.length ? (
          <ol className="list-decimal space-y-0.5 pl-6">
            {whys.map((w) => (
              <li key={w.id}>
                <span className="font-semibold">Why?</span> {w.text}
              </li>
            ))}
          </ol>
        ) : null}
        <p>
          <span className="font-semibold">Root cause:</span> {doc.rootCause || "—"}
          {doc.rootCauseCategory ? <span className="text-slate-600"> ({ROOT_CAUSE_CATEGORY_LABELS[doc.rootCauseCategory]})</span> : null}
        </p>
      </Section>

      <Section id="factors" title="Contributing Factors">
        {factors.length === 0 ? (
          <p className="text-slate-400">None recorded.</p>
        ) : (
          <table className="w-full border-collapse">
            <thead>
              <tr>
                <th className={th}>Factor</th>
                <th className={th}>Category</th>
                <th className={th}>Description</th>
              </tr>
            </thead>
            <tbody>
              {factors.map((f, i) => (
                <tr key={f.id}>
                  <td className={td}>{i + 1}</td>
                  <td className={td}>{FACTOR_CATEGORY_LABELS[f.category]}</td>
                  <td className={`${td} whitespace-pre-wrap`}>{f.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="ai-causes" title="AI-Specific Root Causes">
        {doc.aiCauses.length === 0 ? (
          <p className="text-slate-400">None checked.</p>
        ) : (
          <ul className="space-y-1">
            {doc.aiCauses.map((c) => (
              <li key={c.kind}>
                ☒ <span className="font-semibold">{AI_CAUSE_BY_KIND[c.kind].label}</span> — {AI_CAUSE_BY_KIND[c.kind].description}
                {c.evidence ? <span className="block whitespace-pre-wrap pl-5 text-slate-700">Evidence: {c.evidence}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="ai-context" title="AI System Context">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Provider</dt>
          <dd>{doc.aiProvider || "—"}</dd>
          <dt className="font-semibold">Model and version</dt>
          <dd>{doc.aiModel || "—"}</dd>
          <dt className="font-semibold">Prompt/template version</dt>
          <dd>{doc.aiPromptVersion || "—"}</dd>
          <dt className="font-semibold">Guardrails</dt>
          <dd>{doc.aiGuardrails || "—"}</dd>
          <dt className="font-semibold">Data/retrieval snapshot</dt>
          <dd>{doc.aiDataSnapshot || "—"}</dd>
          <dt className="font-semibold">Eval score before → after</dt>
          <dd>
            {doc.evalScoreBefore ?? "—"} → {doc.evalScoreAfter ?? "—"}
          </dd>
        </dl>
      </Section>

      <PrintImpact doc={doc} revenue={revenue} />

      <PrintActions actions={actions} />

      <Section id="lessons" title="Lessons Learned">
        <h3 className="font-semibold">{LESSON_QUESTIONS.wentWell}</h3>
        <Prose text={doc.lessonsWentWell} />
        <h3 className="font-semibold">{LESSON_QUESTIONS.couldImprove}</h3>
        <Prose text={doc.lessonsCouldImprove} />
        <h3 className="font-semibold">{LESSON_QUESTIONS.doDifferently}</h3>
        <Prose text={doc.lessonsDoDifferently} />
      </Section>

      <Section id="blameless" title={BLAMELESS_REMINDER.title}>
        <p className="italic">{BLAMELESS_REMINDER.text}</p>
      </Section>

      {doc.customerFacing ? (
        <Section id="external-summary" title="External Summary">
          <h3 className="font-semibold">What happened</h3>
          <Prose text={doc.externalSummary} />
          <h3 className="font-semibold">What we did</h3>
          <Prose text={doc.externalWhatWeDid} />
          <h3 className="font-semibold">How we are preventing recurrence</h3>
          <Prose text={doc.externalPrevention} />
        </Section>
      ) : null}
    </article>
  );
}
