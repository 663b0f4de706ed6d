import type { ReviewClock } from "@/lib/domain/deadlines";
import { Badge } from "@/components/ui/badge";

/** The 48-hour rule at a glance: countdown, overdue, scheduled or held. */
export function ReviewClockBadge({ clock }: { clock: ReviewClock }) {
  if (clock.state === "none") return null;
  const tone = clock.state === "overdue" || clock.meetingAfterDue ? "red" : clock.state === "due" ? "amber" : "green";
  return (
    <span data-testid="review-clock" data-state={clock.state}>
      <Badge tone={tone}>{clock.label}</Badge>
    </span>
  );
}
