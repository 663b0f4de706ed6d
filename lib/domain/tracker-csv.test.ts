import { describe, expect, it } from "vitest";
import { trackerCsvHeader, trackerCsvLines, type TrackerCsvRow } from "./tracker-csv";

const row: TrackerCsvRow = {
  id: "ca1",
  number: 3,
  horizon: "IMMEDIATE",
  action: "=Add an eval gate, before deploys",
  status: "WONT_DO",
  deadline: "2026-12-01",
  completedAt: null,
  ownerName: "Sam Whitfield",
  ownerEmail: "sam@example.com",
  ticket: "SUP-12",
  wontDoReason: "Covered by SUP-9",
  postmortemId: "pm1",
  incidentKey: "INC-2026-0041",
  incidentName: "Refund promises",
  teamName: "Support AI",
};

describe("tracker CSV", () => {
  it("leads with the columns Jira and Linear map by default", () => {
    expect(trackerCsvHeader()).toMatch(/^Summary,Description,Issue Type,Status,Assignee,Due Date,Labels,External ID,Incident ID,/);
  });
  it("writes one quoted, formula-safe line per action with an absolute postmortem link", () => {
    const [line] = trackerCsvLines([row], "https://pm.example.com").split("\r\n");
    expect(line.startsWith(`"'=Add an eval gate, before deploys",`)).toBe(true);
    expect(line).toContain(
      ",Task,Won't Do,sam@example.com,2026-12-01,postmortem-action,ca1,INC-2026-0041,3,Immediate,Sam Whitfield,Support AI,SUP-12,,",
    );
    expect(line).toContain("Won't do: Covered by SUP-9");
    expect(line.endsWith(",https://pm.example.com/postmortems/pm1")).toBe(true);
  });
});
