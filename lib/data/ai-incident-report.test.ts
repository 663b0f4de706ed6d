import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getAiIncidentReport } from "@/lib/data/ai-incident-report";
import { seedDemoData } from "@/lib/data/seed";
import { AI_INCIDENT_REPORT_FORMAT } from "@/lib/domain/ai-incident-report";
import { AppError } from "@/lib/errors";
import { createTestUser } from "@/test/factories";

describe("AI incident report of the demo Critical postmortem", () => {
  it("contains the mapped ATLAS, AI Incident Database and OECD AIM fields with the taxonomy versions", async () => {
    await seedDemoData();
    const demo = await getDb().postmortem.findUniqueOrThrow({ where: { incidentKey: "INC-2026-0041" } });
    const admin = await getDb().user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    const report = await getAiIncidentReport(admin, demo.id);

    expect(report.format).toBe(AI_INCIDENT_REPORT_FORMAT);
    expect(report.taxonomies.map((t) => t.taxonomy)).toEqual([
      "MITRE ATLAS",
      "AI Incident Database taxonomies (CSET AI Harm Taxonomy for AIID; Goals, Methods and Failures)",
      "OECD AI Incidents Monitor (AIM)",
    ]);
    expect(report.incident).toMatchObject({ id: "INC-2026-0041", severity: "CRITICAL", durationMinutes: 368 });
    expect(report.incident.aiCauses.map((c) => c.kind)).toEqual(expect.arrayContaining(["MODEL_UPDATE", "HALLUCINATION"]));
    // MODEL_UPDATE → supply chain (model), HALLUCINATION → hallucination techniques.
    expect(report.mitreAtlas.techniques.map((t) => t.id)).toEqual(expect.arrayContaining(["AML.T0010", "AML.T0010.003", "AML.T0062"]));
    expect(report.mitreAtlas.techniques.find((t) => t.id === "AML.T0010.003")?.because).toEqual(["MODEL_UPDATE", "aiProvider"]);
    expect(report.aiid.cset).toMatchObject({
      "AI System": "yes",
      "Harm Domain": "yes",
      "Tangible Harm": "tangible harm definitively occurred",
      "Estimated Harm Quantities": "1870 users affected; 4210 requests affected",
    });
    expect(report.aiid.gmf["Known AI Technical Failure"]).toEqual(
      expect.arrayContaining(["Distributional Shift", "Misinformation Generation Hazard"]),
    );
    expect(report.oecdAim).toMatchObject({
      Severity: "Serious AI incident",
      "Affected stakeholders": ["Business", "Consumers"],
      "Harm types": expect.arrayContaining(["Economic/Property", "Reputational", "Public interest"]),
      "AI principles": expect.arrayContaining(["Accountability", "Transparency & explainability"]),
    });
  });

  it("is not found for someone who may not read the postmortem", async () => {
    const demo = await getDb().postmortem.findUniqueOrThrow({ where: { incidentKey: "INC-2026-0041" } });
    await getDb().postmortem.update({ where: { id: demo.id }, data: { restricted: true } });
    const outsider = await createTestUser("MEMBER");
    const error = await getAiIncidentReport(outsider, demo.id).catch((e: unknown) => e);
    await getDb().postmortem.update({ where: { id: demo.id }, data: { restricted: false } });
    expect((error as AppError).code).toBe("NOT_FOUND");
  });
});
