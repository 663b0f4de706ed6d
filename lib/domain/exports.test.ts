import { describe, expect, it } from "vitest";
import { actionsToCsv, csvCell, toJson, toMarkdown, type CsvAction } from "./exports";
import { completeSnapshot } from "./test-fixtures";

const csvAction = (over: Partial<CsvAction>): CsvAction => ({
  number: 1,
  horizon: "IMMEDIATE",
  action: "Add eval gate",
  ownerName: "Sam Lee",
  deadline: "2026-11-28",
  status: "OPEN",
  wontDoReason: "",
  ticket: "",
  ...over,
});

describe("toMarkdown", () => {
  const md = toMarkdown(completeSnapshot());

  it("follows the template's order and headings", () => {
    const headings = md.split("\n").filter((l) => l.startsWith("#"));
    expect(headings).toEqual([
      "# AI Incident Post-Mortem: Support bot quoted wrong refund policy",
      "## Incident Summary",
      "## Severity",
      "## Summary",
      "## Key Metrics",
      "## Timeline of Events",
      "## Root Cause Analysis (5 Whys)",
      "## Contributing Factors",
      "## AI-Specific Root Causes",
      "## AI System Context",
      "## Impact Assessment",
      "## Corrective Actions",
      "### Immediate (Within 1 Week)",
      "### Short-Term (Within 1 Month)",
      "### Long-Term (Within 1 Quarter)",
      "## Lessons Learned",
      "### What went well?",
      "### What could be improved?",
      "### What will we do differently next time?",
      "## External Summary",
      "### What happened",
      "### What we did",
      "### How we are preventing recurrence",
      "## Blameless Culture Reminder",
    ]);
  });

  it("writes the incident details, severity and metrics with their sources", () => {
    expect(md).toContain("- **Incident ID:** INC-2026-0042");
    expect(md).toContain("- **Post-mortem date:** 2026-11-21 10:00 UTC");
    expect(md).toContain("- **Post-mortem attendees:** Sam Lee, Alex Kim (Leadership observer)");
    expect(md).toContain("**High** — Significant quality degradation or security concern");
    expect(md).toContain("| Time to detect | 20 min (derived) |");
    expect(md).toContain("| Total duration | 2 h 5 min (derived) |");
    expect(md).toContain("| Users/requests affected | 1,200 users; 5,400 requests |");
    expect(md).toContain("| Revenue impact | £1,234.50 |");
    expect(md).toContain("| SLA breached? | No |");
  });

  it("marks entered and not-applicable metrics", () => {
    const s = completeSnapshot();
    s.metrics = { ...s.metrics, overrides: { detect: 3 }, notApplicable: { acknowledge: true } };
    const out = toMarkdown(s);
    expect(out).toContain("| Time to detect | 3 min (entered) |");
    expect(out).toContain("| Time to acknowledge | Not applicable |");
  });

  it("leaves out blank rows, whys, factors and actions", () => {
    expect(md).not.toContain("Root cause confirmed |");
    expect(md).toContain("1. Why? The prompt no longer contained the policy excerpt.");
    expect(md).toContain("3. Why? No eval covered refund questions.");
    expect(md).not.toContain("4. Why?");
    expect(md).toContain("| 1 | Technical | Prompt includes are resolved silently |");
    expect(md).not.toContain("| Process |");
    expect(md).toContain("| 7 | Add eval gate (AI-101) | Sam Lee | 2026-11-28 | Open |");
    expect(md).toContain(
      "| 8 | Fail the build on missing prompt includes | Priya Shah | 2027-02-19 | Won't do: Superseded by the eval gate |",
    );
    expect(md.slice(md.indexOf("## Corrective Actions"))).not.toMatch(/^\| [1-6] \|/m);
    expect(md).toContain("### Short-Term (Within 1 Month)\n\n_Not recorded._");
  });

  it("escapes pipes and line breaks inside table cells", () => {
    expect(md).toContain("| Customer impact | Medium | Wrong answers \\| 1,200 users |");
    const s = completeSnapshot();
    s.timeline[0] = { ...s.timeline[0], notes: "line one\nline two" };
    expect(toMarkdown(s)).toContain("| line one<br>line two |");
  });

  it("lists checked AI causes with evidence and ends with the blameless reminder", () => {
    expect(md).toContain("- [x] **Prompt change** — a prompt modification caused unexpected behaviour. Evidence: Diff of v41..v42");
    expect(md).toContain("- **Eval score before:** 0.910");
    expect(md.trimEnd().endsWith("not to assign fault.")).toBe(true);
  });

  it("omits the external summary when not customer-facing", () => {
    expect(toMarkdown({ ...completeSnapshot(), customerFacing: false })).not.toContain("## External Summary");
  });
});

describe("toJson", () => {
  const json = JSON.parse(toJson(completeSnapshot()));

  it("is valid JSON with bigint money as a string of minor units", () => {
    expect(json.format).toBe("ai-postmortem/v1");
    expect(json.keyMetrics.revenueImpact).toEqual({ minor: "123450", currency: "GBP", formatted: "£1,234.50" });
  });

  it("carries derived metrics with their source and skips blank rows", () => {
    expect(json.keyMetrics.times[0]).toEqual({ key: "detect", label: "Time to detect", minutes: 20, source: "derived" });
    expect(json.timeline).toHaveLength(6);
    expect(json.timeline[0]).toMatchObject({ time: "2026-11-20T14:00:00.000Z", milestone: "FIRST_OCCURRENCE", kind: "PROMPT_CHANGE" });
    expect(json.rootCauseAnalysis.whys).toHaveLength(3);
    expect(json.contributingFactors).toHaveLength(1);
    expect(json.correctiveActions.map((a: { number: number }) => a.number)).toEqual([7, 8]);
    expect(json.correctiveActions[1]).toMatchObject({ deadline: "2027-02-19", wontDoReason: "Superseded by the eval gate" });
  });

  it("keeps the template's section order in its keys", () => {
    expect(Object.keys(json)).toEqual([
      "format",
      "incident",
      "severity",
      "summary",
      "keyMetrics",
      "timeline",
      "rootCauseAnalysis",
      "contributingFactors",
      "aiSpecificRootCauses",
      "aiContext",
      "impactAssessment",
      "correctiveActions",
      "lessonsLearned",
      "customerFacing",
      "externalSummary",
    ]);
  });
});

describe("actionsToCsv", () => {
  it("writes a header and one CRLF-terminated line per non-blank action", () => {
    const csv = actionsToCsv([
      csvAction({}),
      csvAction({ number: 2, action: "", ownerName: null, deadline: null }),
      csvAction({ number: 3, horizon: "LONG_TERM", status: "WONT_DO", wontDoReason: "Superseded", ticket: "AI-9" }),
    ]);
    expect(csv).toBe(
      "#,Horizon,Action,Owner,Deadline,Status,Won't do reason,Ticket,Completed\r\n" +
        "1,Immediate,Add eval gate,Sam Lee,2026-11-28,Open,,,\r\n" +
        "3,Long-term,Add eval gate,Sam Lee,2026-11-28,Won't do,Superseded,AI-9,\r\n",
    );
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    const csv = actionsToCsv([csvAction({ action: 'Add "eval", then gate\nrollouts' })]);
    expect(csv.split("\r\n")[1]).toBe('1,Immediate,"Add ""eval"", then gate\nrollouts",Sam Lee,2026-11-28,Open,,,');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("a=b")).toBe("a=b");
    const csv = actionsToCsv([csvAction({ action: "=1+1", ownerName: "@sam" })]);
    expect(csv.split("\r\n")[1]).toBe("1,Immediate,'=1+1,'@sam,2026-11-28,Open,,,");
  });

  it("adds an Incident ID column when exporting across postmortems", () => {
    const csv = actionsToCsv([csvAction({ incidentKey: "INC-2026-0042", completedAt: new Date("2026-11-27T10:00:00Z"), status: "DONE" })]);
    expect(csv.split("\r\n")[0].startsWith("Incident ID,#,")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe("INC-2026-0042,1,Immediate,Add eval gate,Sam Lee,2026-11-28,Done,,,2026-11-27");
  });
});

describe("external summary in the exports", () => {
  it("writes the three parts under their own headings and as one JSON object", () => {
    const md = toMarkdown(completeSnapshot());
    expect(md).toContain("### What we did\n\nWe restored the previous prompt and corrected the affected answers.");
    const json = JSON.parse(toJson(completeSnapshot()));
    expect(json.externalSummary).toEqual({
      whatHappened: "Some refund answers were wrong for two hours.",
      whatWeDid: "We restored the previous prompt and corrected the affected answers.",
      prevention: "Prompt changes now pass a refund-policy evaluation before release.",
    });
  });
});
