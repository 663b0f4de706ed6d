import type { ExpectedRow } from "./fixtures/types";
import type { DraftTimelineRow } from "./types";

// Precision and recall of a drafted timeline against an expected one. An expected row is matched by the
// first unmatched drafted row whose event contains its phrase; unmatched drafted rows count against
// precision. Kinds are scored on rows of a kind other than NOTE (NOTE is the default, not a finding).

export type Tally = { truePositives: number; predicted: number; expected: number };
export type DraftScore = { times: Tally; milestones: Tally; kinds: Tally };
export type Mismatch = { expected: ExpectedRow; got: DraftTimelineRow | null };

const minute = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16) : null);

export function scoreTimeline(
  rows: readonly DraftTimelineRow[],
  expected: readonly ExpectedRow[],
): DraftScore & { mismatches: Mismatch[] } {
  const free = [...rows];
  const mismatches: Mismatch[] = [];
  const score: DraftScore = {
    times: { truePositives: 0, predicted: rows.filter((r) => r.occurredAt).length, expected: expected.length },
    milestones: {
      truePositives: 0,
      predicted: rows.filter((r) => r.milestone).length,
      expected: expected.filter((e) => e.milestone).length,
    },
    kinds: {
      truePositives: 0,
      predicted: rows.filter((r) => r.kind !== "NOTE").length,
      expected: expected.filter((e) => e.kind && e.kind !== "NOTE").length,
    },
  };
  for (const e of expected) {
    const index = free.findIndex((r) => r.event.toLowerCase().includes(e.match.toLowerCase()));
    const got = index >= 0 ? free.splice(index, 1)[0] : null;
    const timeOk = got !== null && minute(got.occurredAt) === minute(e.at);
    const milestoneOk = got !== null && (got.milestone ?? undefined) === e.milestone;
    const kindOk = got !== null && got.kind === (e.kind ?? "NOTE");
    if (timeOk) score.times.truePositives++;
    if (milestoneOk && e.milestone) score.milestones.truePositives++;
    if (kindOk && e.kind && e.kind !== "NOTE") score.kinds.truePositives++;
    if (!timeOk || !milestoneOk || !kindOk) mismatches.push({ expected: e, got });
  }
  for (const extra of free) mismatches.push({ expected: { at: "", match: "(no row expected)" }, got: extra });
  return { ...score, mismatches };
}

export const precision = (t: Tally) => (t.predicted === 0 ? 1 : t.truePositives / t.predicted);
export const recall = (t: Tally) => (t.expected === 0 ? 1 : t.truePositives / t.expected);

export function addTallies(a: DraftScore, b: DraftScore): DraftScore {
  const add = (x: Tally, y: Tally): Tally => ({
    truePositives: x.truePositives + y.truePositives,
    predicted: x.predicted + y.predicted,
    expected: x.expected + y.expected,
  });
  return { times: add(a.times, b.times), milestones: add(a.milestones, b.milestones), kinds: add(a.kinds, b.kinds) };
}
