import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PostmortemStatus, Severity } from "@/lib/generated/prisma/enums";
import { SEVERITY_LABELS } from "@/lib/domain/severity-policy";
import { POSTMORTEM_STATUS_LABELS } from "@/lib/domain/labels";

const SEVERITY_TONE: Record<Severity, BadgeTone> = { CRITICAL: "red", HIGH: "orange", MEDIUM: "amber", LOW: "slate" };
const STATUS_TONE: Record<PostmortemStatus, BadgeTone> = { DRAFT: "slate", IN_REVIEW: "blue", PUBLISHED: "green" };

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{SEVERITY_LABELS[severity]}</Badge>;
}

export function StatusBadge({ status }: { status: PostmortemStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{POSTMORTEM_STATUS_LABELS[status]}</Badge>;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
