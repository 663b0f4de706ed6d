import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ACTION_STATUS_LABELS } from "@/lib/domain/labels";
import type { ActionStatus } from "@/lib/generated/prisma/enums";

const TONE: Record<ActionStatus, BadgeTone> = { OPEN: "slate", IN_PROGRESS: "blue", DONE: "green", WONT_DO: "amber" };

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return <Badge tone={TONE[status]}>{ACTION_STATUS_LABELS[status]}</Badge>;
}

export function OverdueBadge() {
  return <Badge tone="red">Overdue</Badge>;
}
