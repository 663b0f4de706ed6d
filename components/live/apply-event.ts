import type {
  ActionDto,
  AiCauseDto,
  FactorDto,
  ParticipantDto,
  PostmortemDocument,
  TimelineRowDto,
  WhyDto,
} from "@/lib/data/postmortem-document";
import type { MetricKey } from "@/lib/domain/metrics";
import type { LiveEvent } from "@/lib/realtime/live-event";

// Applies one DocEvent to the document as the page holds it, as a patch: the shape of each entity's
// events is the data layer's (create: field null + the row in `after`; delete: `deletedAt`, or field
// null / the checklist kind with `after` null). Answers null when the event cannot be applied from its
// own content (an undone delete, a new attendee's account name), and the page then reloads its data.

type Patchable = PostmortemDocument;
type Names = ReadonlyMap<string, string>;

const METRIC_COLUMNS: Record<string, [MetricKey, "minutes" | "notApplicable"]> = {};
for (const key of ["detect", "acknowledge", "mitigate", "resolve", "duration"] as MetricKey[]) {
  METRIC_COLUMNS[`${key}OverrideMin`] = [key, "minutes"];
  METRIC_COLUMNS[`${key}NotApplicable`] = [key, "notApplicable"];
}

const byOrder = (a: TimelineRowDto, b: TimelineRowDto) => a.orderKey - b.orderKey || a.id.localeCompare(b.id);

function patchRow<T extends { id: string }>(rows: T[], id: string | null, change: Partial<T>): T[] {
  return rows.map((r) => (r.id === id ? { ...r, ...change } : r));
}

export function applyEvent(doc: Patchable, event: LiveEvent, names: Names): Patchable | null {
  const { entity, entityId: id, field } = event;
  const after = event.after as Record<string, unknown> | string | number | boolean | null;
  const next: Patchable = { ...doc, seq: Math.max(doc.seq, event.seq) };
  switch (entity) {
    case "postmortem": {
      if (!field) return next;
      const metric = METRIC_COLUMNS[field];
      if (metric) {
        const [key, part] = metric;
        next.overrides = { ...doc.overrides, [key]: { ...doc.overrides[key], [part]: after } };
        return next;
      }
      if (field === "facilitatorId") next.facilitatorName = typeof after === "string" ? (names.get(after) ?? null) : null;
      return { ...next, [field]: after };
    }
    case "impact":
      return field ? { ...next, impact: { ...doc.impact, [field]: after } } : next;
    case "timeline": {
      if (field === null) {
        if (doc.timeline.some((r) => r.id === id)) return next;
        const row = { ...(after as Omit<TimelineRowDto, "id" | "version">), id: id as string, version: 1 };
        return { ...next, timeline: [...doc.timeline, row].sort(byOrder) };
      }
      if (field === "deletedAt") {
        if (after === null) return null;
        return { ...next, timeline: doc.timeline.filter((r) => r.id !== id) };
      }
      const rows = patchRow(doc.timeline, id, { [field]: after } as Partial<TimelineRowDto>);
      return { ...next, timeline: field === "orderKey" ? rows.sort(byOrder) : rows };
    }
    case "why": {
      if (field === null) {
        if (doc.whys.some((w) => w.id === id)) return next;
        const why = { ...(after as Omit<WhyDto, "id" | "version">), id: id as string, version: 1 };
        return { ...next, whys: [...doc.whys, why].sort((a, b) => a.position - b.position) };
      }
      if (field === "deletedAt") return { ...next, whys: doc.whys.filter((w) => w.id !== id) };
      return { ...next, whys: patchRow(doc.whys, id, { [field]: after } as Partial<WhyDto>) };
    }
    case "factor": {
      if (field === null && after === null) return { ...next, factors: doc.factors.filter((f) => f.id !== id) };
      if (field === null) {
        if (doc.factors.some((f) => f.id === id)) return next;
        const position = Math.max(0, ...doc.factors.map((f) => f.position)) + 1;
        const factor = { ...(after as Omit<FactorDto, "id" | "position">), id: id as string, position };
        return { ...next, factors: [...doc.factors, factor] };
      }
      return { ...next, factors: patchRow(doc.factors, id, { [field]: after } as Partial<FactorDto>) };
    }
    case "aiCause": {
      if (field === "evidence") {
        return { ...next, aiCauses: doc.aiCauses.map((c) => (c.kind === id ? { ...c, evidence: String(after ?? "") } : c)) };
      }
      const kind = field as AiCauseDto["kind"];
      const rest = doc.aiCauses.filter((c) => c.kind !== kind);
      if (after === null) return { ...next, aiCauses: rest };
      return { ...next, aiCauses: [...rest, { kind, evidence: String((after as { evidence?: unknown }).evidence ?? "") }] };
    }
    case "participant": {
      if (field === null && after === null) return { ...next, participants: doc.participants.filter((p) => p.id !== id) };
      if (field === null) {
        if (doc.participants.some((p) => p.id === id)) return next;
        const p = after as { userId: string | null; name?: string; role: ParticipantDto["role"] };
        const name = p.userId ? names.get(p.userId) : p.name;
        if (!name) return null;
        return { ...next, participants: [...doc.participants, { id: id as string, userId: p.userId, name, role: p.role }] };
      }
      return { ...next, participants: patchRow(doc.participants, id, { [field]: after } as Partial<ParticipantDto>) };
    }
    case "action": {
      if (field === null) {
        if (doc.actions.some((a) => a.id === id)) return next;
        const a = after as Omit<ActionDto, "id" | "ownerName" | "status" | "wontDoReason" | "completedAt" | "version">;
        const row: ActionDto = {
          ...a,
          id: id as string,
          ownerName: a.ownerId ? (names.get(a.ownerId) ?? null) : null,
          status: "OPEN",
          wontDoReason: "",
          completedAt: null,
          version: 1,
        };
        return { ...next, actions: [...doc.actions, row].sort((x, y) => x.number - y.number) };
      }
      if (field === "deletedAt") return { ...next, actions: doc.actions.filter((a) => a.id !== id) };
      const change = { [field]: after } as Partial<ActionDto>;
      if (field === "ownerId") change.ownerName = typeof after === "string" ? (names.get(after) ?? null) : null;
      return { ...next, actions: patchRow(doc.actions, id, change) };
    }
    default:
      return next;
  }
}
