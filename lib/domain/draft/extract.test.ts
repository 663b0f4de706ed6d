import { describe, expect, it } from "vitest";
import { extractDraft } from "./extract";
import { TRANSCRIPTS } from "./fixtures";
import { readMaterial, MaterialError } from "./material";
import { scoreTimeline } from "./score";
import { readLineTime } from "./times";
import { draftContentSchema } from "./types";

const draftOf = (text: string, baseDate = "2024-01-29", fileName?: string) => extractDraft(readMaterial(text, fileName), { baseDate });

describe("built-in extractor on the transcript fixtures", () => {
  it("has at least ten transcripts in several formats and time zones", () => {
    expect(TRANSCRIPTS.length).toBeGreaterThanOrEqual(10);
  });

  for (const transcript of TRANSCRIPTS) {
    it(`drafts the expected timeline: ${transcript.name}`, () => {
      const draft = extractDraft(readMaterial(transcript.text, transcript.fileName), { baseDate: transcript.baseDate });
      expect(draftContentSchema.safeParse(draft).success).toBe(true);
      const score = scoreTimeline(draft.timeline, transcript.expected);
      expect(score.mismatches).toEqual([]);
      for (const row of draft.timeline) {
        expect(row.source.text.length).toBeGreaterThan(0);
        expect(readMaterial(transcript.text, transcript.fileName).lines[row.source.line - 1].trim()).toBe(row.source.text);
      }
    });
  }
});

describe("timestamps", () => {
  const utc = (line: string, base = "2024-01-29") => draftOf(`${line} deploy of the new model finished`, base).timeline[0]?.occurredAt;

  it.each([
    ["2024-01-29T16:17:00Z", "2024-01-29T16:17:00.000Z"],
    ["2024-01-29 16:17:05+01:00", "2024-01-29T15:17:05.000Z"],
    ["Jan 29, 2024 16:17", "2024-01-29T16:17:00.000Z"],
    ["Jan 29, 2024 at 4:17 pm PST", "2024-01-30T00:17:00.000Z"],
    ["29 Jan 2024 16:17 CET", "2024-01-29T15:17:00.000Z"],
    ["4:17 pm PST", "2024-01-30T00:17:00.000Z"],
    ["4:17PM EST", "2024-01-29T21:17:00.000Z"],
    ["[16:17]", "2024-01-29T16:17:00.000Z"],
    ["1706545020.000200", "2024-01-29T16:17:00.000Z"],
    ["1/29/2024 16:17 UTC", "2024-01-29T16:17:00.000Z"],
  ])("reads %s as %s", (stamp, expected) => {
    expect(utc(stamp)).toBe(expected);
  });

  it("applies US daylight saving for PT and IANA zones", () => {
    expect(utc("2024-07-04 10:00 PT")).toBe("2024-07-04T17:00:00.000Z");
    expect(utc("2024-01-04 10:00 PT")).toBe("2024-01-04T18:00:00.000Z");
    expect(draftOf("Timezone: Europe/London\n2025-08-12 10:05 model deploy finished").timeline[0].occurredAt).toBe(
      "2025-08-12T09:05:00.000Z",
    );
  });

  it("counts relative times from the latest absolute time", () => {
    const rows = draftOf("16:00 alert fired on the bot\n+5m on-call acknowledged\n+1h30m resolved, all clear").timeline;
    expect(rows.map((r) => r.occurredAt)).toEqual(["2024-01-29T16:00:00.000Z", "2024-01-29T16:05:00.000Z", "2024-01-29T17:30:00.000Z"]);
  });

  it("does not read plain numbers or words as times", () => {
    expect(readLineTime("42 users affected")).toBeNull();
    expect(readLineTime("16:17abc")).toBeNull();
    expect(readLineTime("25:10 nothing")).toBeNull();
  });
});

describe("material", () => {
  it("refuses empty material, broken JSON and a JSON that is not a Slack export, with a clear message", () => {
    expect(() => readMaterial("   ")).toThrow(MaterialError);
    expect(() => readMaterial('[{"ts": 1', "x.json")).toThrow(/could not be read/);
    expect(() => readMaterial('{"foo": 1}')).toThrow(/not a Slack channel export/);
  });

  it("reads quoted CSV fields", () => {
    const m = readMaterial('time,text,actor\n2024-01-29T16:17Z,"Alert fired, ""p99"" high",Grafana\n', "t.csv");
    expect(m.lines).toEqual(['2024-01-29T16:17Z Grafana: Alert fired, "p99" high']);
  });
});

describe("findings besides the timeline", () => {
  const text = `All times UTC
09:00 Vendor rolled the gpt-4o model alias to a new snapshot (OpenAI)
09:05 errors started: answers hallucinated a refund policy that does not exist
09:20 Datadog alert fired: bad-answer rate 8%
09:22 Sam: ack
09:40 Sam: rolled back to prompt v41; eval score dropped from 0.92 to 0.71 on the new snapshot
10:10 Sam: resolved. 2,300 customers saw wrong answers; SLA breached; refunds of £4,200 issued`;
  const draft = draftOf(text);

  it("writes a two-to-three sentence summary citing its lines", () => {
    expect(draft.summary?.text.split(/(?<=\.)\s/).length).toBeGreaterThanOrEqual(2);
    expect(draft.summary?.text.split(/(?<=\.)\s/).length).toBeLessThanOrEqual(3);
    expect(draft.summary?.text).toContain("09:05 UTC");
    expect(draft.summary?.sources.length).toBeGreaterThan(1);
  });

  it("quotes the evidence line of each AI cause candidate", () => {
    const kinds = draft.aiCauses.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(["MODEL_UPDATE", "HALLUCINATION", "PROMPT_CHANGE"]));
    const hallucination = draft.aiCauses.find((c) => c.kind === "HALLUCINATION");
    expect(hallucination?.evidence).toBe(`“${hallucination?.source.text}”`);
  });

  it("finds the AI system's context and the impact hints", () => {
    const context = Object.fromEntries(draft.aiContext.map((c) => [c.field, c.value]));
    expect(context).toMatchObject({
      aiProvider: "OpenAI",
      aiModel: "gpt-4o",
      aiPromptVersion: "v41",
      evalScoreBefore: "0.92",
      evalScoreAfter: "0.71",
    });
    const impact = Object.fromEntries(draft.impact.map((h) => [h.field, h.value]));
    expect(impact).toMatchObject({ usersAffected: "2300", slaBreached: "YES", customerLevel: "HIGH" });
    expect(impact.revenueDetail).toContain("£4,200");
  });
});
