import { describe, expect, it } from "vitest";
import { aiidSchema, atlasSchema, oecdSchema, TAXONOMY_FILES } from "./schema";
import { suggestTaxonomies } from "./suggest";

describe("taxonomy data files", () => {
  it.each([
    ["MITRE ATLAS", atlasSchema, TAXONOMY_FILES.atlas],
    ["AI Incident Database", aiidSchema, TAXONOMY_FILES.aiid],
    ["OECD AIM", oecdSchema, TAXONOMY_FILES.oecd],
  ] as const)("the %s file names its source and version and validates against its schema", (_name, schema, data) => {
    const parsed = schema.safeParse(data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.source).toMatch(/^https:\/\//);
    expect(parsed.data?.sourceVersion.length).toBeGreaterThan(0);
  });

  it("rejects a file that leaves a checklist item unmapped or cites an unknown ATLAS technique", () => {
    const atlas = structuredClone(TAXONOMY_FILES.atlas) as { causes: Record<string, string[]> };
    delete atlas.causes.HALLUCINATION;
    expect(atlasSchema.safeParse(atlas).success).toBe(false);
    const unknown = structuredClone(TAXONOMY_FILES.atlas) as { causes: Record<string, string[]> };
    unknown.causes.MODEL_DRIFT = ["AML.T9999"];
    expect(atlasSchema.safeParse(unknown).error?.issues[0].message).toBe("Unknown technique AML.T9999");
  });

  it("suggests ATLAS techniques with their tactics, GMF failures and OECD principles for checked causes and context", () => {
    const s = suggestTaxonomies(["ADVERSARIAL_INPUT"], { aiGuardrails: "output classifier", aiModel: "gpt-4o" });
    expect(s.atlas.map((t) => t.id)).toEqual(expect.arrayContaining(["AML.T0051", "AML.T0054"]));
    expect(s.atlas.find((t) => t.id === "AML.T0051")?.tactics).toEqual([{ id: "AML.TA0005", name: "Execution" }]);
    expect(s.atlas.find((t) => t.id === "AML.T0054")?.because).toEqual(["ADVERSARIAL_INPUT", "aiGuardrails"]);
    expect(s.gmf.knownTechnicalFailures).toContain("Prompt Injection");
    expect(s.gmf.technologies).toContain("Language Modeling");
    expect(s.oecdPrinciples).toContain("Robustness & digital security");
    expect(suggestTaxonomies([])).toEqual({
      atlas: [],
      gmf: { knownTechnicalFailures: [], potentialTechnicalFailures: [], technologies: [] },
      oecdPrinciples: [],
    });
  });
});
