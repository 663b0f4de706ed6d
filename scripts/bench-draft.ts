// Precision and recall of the built-in draft extractor on the transcript fixtures, and time per transcript.
import { performance } from "node:perf_hooks";
import { extractDraft } from "@/lib/domain/draft/extract";
import { readMaterial } from "@/lib/domain/draft/material";
import { TRANSCRIPTS } from "@/lib/domain/draft/fixtures";
import { addTallies, precision, recall, scoreTimeline, type DraftScore } from "@/lib/domain/draft/score";

const ROUNDS = 50;
const verbose = process.argv.includes("--verbose");
let total: DraftScore = {
  times: { truePositives: 0, predicted: 0, expected: 0 },
  milestones: { truePositives: 0, predicted: 0, expected: 0 },
  kinds: { truePositives: 0, predicted: 0, expected: 0 },
};
const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);

console.log(`Draft extractor on ${TRANSCRIPTS.length} transcripts (${ROUNDS} rounds each for timing)\n`);
console.log(`${"transcript".padEnd(70)} rows  ms/transcript`);
for (const t of TRANSCRIPTS) {
  const run = () => extractDraft(readMaterial(t.text, t.fileName), { baseDate: t.baseDate });
  const draft = run();
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) run();
  const ms = (performance.now() - started) / ROUNDS;
  const score = scoreTimeline(draft.timeline, t.expected);
  total = addTallies(total, score);
  console.log(`${t.name.padEnd(70)} ${String(draft.timeline.length).padStart(4)}  ${ms.toFixed(3).padStart(8)}`);
  if (verbose)
    for (const m of score.mismatches)
      console.log(
        "   ✗",
        JSON.stringify(m.expected),
        "→",
        JSON.stringify(m.got && { at: m.got.occurredAt, event: m.got.event, milestone: m.got.milestone, kind: m.got.kind }),
      );
}
console.log(`\n${"".padEnd(12)}precision  recall   (goal ≥ 90% each)`);
for (const [label, tally] of [
  ["times", total.times],
  ["milestones", total.milestones],
  ["event kinds", total.kinds],
] as const) {
  console.log(
    `${label.padEnd(12)}${pct(precision(tally))}  ${pct(recall(tally))}   (${tally.truePositives} right of ${tally.predicted} drafted, ${tally.expected} expected)`,
  );
}
