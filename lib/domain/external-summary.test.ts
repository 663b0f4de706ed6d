import { describe, expect, it } from "vitest";
import {
  differsFromApproved,
  externalDraft,
  missingParts,
  publicSummaryHtml,
  publicSummaryMarkdown,
  type PublicSummary,
} from "./external-summary";

const summary: PublicSummary = {
  title: "Wrong refund answers <script>",
  whatHappened: "Some answers were wrong.\n\nFor two hours.",
  whatWeDid: "We rolled back & fixed them.",
  prevention: "Evals gate prompt changes.",
  incidentDate: new Date("2026-11-20T14:00:00Z"),
  resolvedAt: new Date("2026-11-20T16:05:00Z"),
  customerImpact: "MEDIUM",
};

describe("external summary", () => {
  it("needs all three parts", () => {
    expect(missingParts({ whatHappened: "x", whatWeDid: " ", prevention: "" })).toEqual([
      "What we did",
      "How we are preventing recurrence",
    ]);
  });

  it("tells a changed draft from the approved text, ignoring surrounding spaces", () => {
    const approved = { whatHappened: "a", whatWeDid: "b", prevention: "c" };
    expect(differsFromApproved({ whatHappened: "a ", whatWeDid: "b", prevention: "c" }, approved)).toBe(false);
    expect(differsFromApproved({ whatHappened: "a", whatWeDid: "b2", prevention: "c" }, approved)).toBe(true);
    expect(differsFromApproved(approved, null)).toBe(true);
    const draft = externalDraft({ externalSummary: "a", externalWhatWeDid: "b", externalPrevention: "c2" });
    expect(differsFromApproved(draft, approved)).toBe(true);
    expect(differsFromApproved({ ...draft, prevention: " c" }, approved)).toBe(false);
  });

  it("renders Markdown with the public facts and the three parts", () => {
    const md = publicSummaryMarkdown(summary);
    expect(md).toContain("- **Date of incident:** 2026-11-20");
    expect(md).toContain("- **Resolved:** 2026-11-20 16:05 UTC");
    expect(md).toContain("- **Customer impact:** Medium");
    expect(md).toContain("## How we are preventing recurrence\n\nEvals gate prompt changes.");
  });

  it("renders HTML with every value escaped", () => {
    const html = publicSummaryHtml(summary);
    expect(html).toContain("<h1>Wrong refund answers &lt;script&gt;</h1>");
    expect(html).toContain("<p>We rolled back &amp; fixed them.</p>");
    expect(html).toContain("<p>Some answers were wrong.</p>\n<p>For two hours.</p>");
    expect(html).not.toContain("<script>");
  });
});
