import { AiCauseKind, EventKind, Milestone } from "@/lib/generated/prisma/enums";

// The enum values the endpoint is asked to use, listed once for every prompt.
export const MILESTONES_TEXT = Object.values(Milestone).join(", ");
export const EVENT_KINDS_TEXT = Object.values(EventKind).join(", ");
export const AI_CAUSE_KINDS_TEXT = Object.values(AiCauseKind).join(", ");
