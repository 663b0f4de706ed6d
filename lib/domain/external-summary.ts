import { toIsoDay } from "./dates";
import type { ImpactLevel } from "@/lib/generated/prisma/enums";
import { IMPACT_LEVEL_LABELS, isBlankText } from "./template";

// The FAQ's external summary: three parts for customers, and the few public facts shown with them.
// Everything here renders text the team wrote, so the HTML form escapes every value.

export type ExternalParts = { whatHappened: string; whatWeDid: string; prevention: string };

export const EXTERNAL_PARTS: readonly { key: keyof ExternalParts; label: string; hint: string }[] = [
  { key: "whatHappened", label: "What happened", hint: "In plain words for customers: what they saw and for how long." },
  { key: "whatWeDid", label: "What we did", hint: "How the problem was detected, mitigated and resolved." },
  { key: "prevention", label: "How we are preventing recurrence", hint: "The changes that stop it happening again." },
];

export type PublicSummary = ExternalParts & {
  title: string;
  incidentDate: Date;
  resolvedAt: Date | null;
  customerImpact: ImpactLevel | null;
};

const trimmed = (p: ExternalParts): ExternalParts => ({
  whatHappened: p.whatHappened.trim(),
  whatWeDid: p.whatWeDid.trim(),
  prevention: p.prevention.trim(),
});

/** Parts still empty; an external summary is approved only when all three are written. */
export function missingParts(parts: ExternalParts): string[] {
  return EXTERNAL_PARTS.filter((p) => isBlankText(parts[p.key])).map((p) => p.label);
}

/** The draft's three parts as the postmortem (or the live document) holds them. */
export function externalDraft(pm: { externalSummary: string; externalWhatWeDid: string; externalPrevention: string }): ExternalParts {
  return { whatHappened: pm.externalSummary, whatWeDid: pm.externalWhatWeDid, prevention: pm.externalPrevention };
}

/** Whether the draft differs from the approved text (then it needs a new approval). */
export function differsFromApproved(draft: ExternalParts, approved: ExternalParts | null): boolean {
  if (!approved) return true;
  const a = trimmed(draft);
  const b = trimmed(approved);
  return a.whatHappened !== b.whatHappened || a.whatWeDid !== b.whatWeDid || a.prevention !== b.prevention;
}

function facts(s: PublicSummary): [string, string][] {
  return [
    ["Date of incident", toIsoDay(s.incidentDate)],
    ...(s.resolvedAt ? ([["Resolved", `${s.resolvedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`]] as [string, string][]) : []),
    ...(s.customerImpact ? ([["Customer impact", IMPACT_LEVEL_LABELS[s.customerImpact]]] as [string, string][]) : []),
  ];
}

/** For a status page that takes Markdown. */
export function publicSummaryMarkdown(s: PublicSummary): string {
  const parts = trimmed(s);
  return (
    [
      `# ${s.title.trim()}`,
      "",
      ...facts(s).map(([k, v]) => `- **${k}:** ${v}`),
      "",
      ...EXTERNAL_PARTS.flatMap((p) => [`## ${p.label}`, "", parts[p.key], ""]),
    ]
      .join("\n")
      .trimEnd() + "\n"
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, "<br>")}</p>`)
    .join("\n");

/** For a status page that takes HTML: plain elements, every value escaped, no styles or scripts. */
export function publicSummaryHtml(s: PublicSummary): string {
  const parts = trimmed(s);
  return (
    [
      `<h1>${escapeHtml(s.title.trim())}</h1>`,
      `<ul>${facts(s)
        .map(([k, v]) => `<li><strong>${escapeHtml(k)}:</strong> ${escapeHtml(v)}</li>`)
        .join("")}</ul>`,
      ...EXTERNAL_PARTS.map((p) => `<h2>${escapeHtml(p.label)}</h2>\n${paragraphs(parts[p.key])}`),
    ].join("\n") + "\n"
  );
}
