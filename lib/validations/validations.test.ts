import { describe, expect, it } from "vitest";
import { createPostmortemSchema } from "@/lib/validations/postmortem";
import { createUserSchema, signInSchema } from "@/lib/validations/auth";
import { parseUtc } from "@/lib/validations/common";

const valid = {
  incidentKey: "inc-2026-0042",
  incidentName: "Support bot hallucinated refunds",
  incidentDate: "2026-11-20T14:05",
  severity: "HIGH",
  teamId: "",
  facilitatorId: "",
};

function errorsOf(input: unknown) {
  const result = createPostmortemSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("createPostmortemSchema", () => {
  it("accepts a valid postmortem and normalises it", () => {
    const parsed = createPostmortemSchema.parse(valid);
    expect(parsed.incidentKey).toBe("INC-2026-0042");
    expect(parsed.incidentDate.toISOString()).toBe("2026-11-20T14:05:00.000Z");
    expect(parsed.teamId).toBeNull();
  });

  it.each([
    ["empty name", { incidentName: "  " }, "incidentName", "Incident name is required."],
    ["too long name", { incidentName: "x".repeat(201) }, "incidentName", "Incident name must be at most 200 characters."],
    ["bad key", { incidentKey: "incident 42" }, "incidentKey", "Use a key like INC-2026-0042 (letters, digits and dashes)."],
    ["impossible date", { incidentDate: "2026-02-30T10:00" }, "incidentDate", "Date of incident is not a valid date and time."],
    ["future date", { incidentDate: "2099-01-01T00:00" }, "incidentDate", "Date of incident cannot be in the future."],
    ["unknown severity", { severity: "SEVERE" }, "severity", "Choose a severity."],
    ["wrong type", { incidentName: 42 }, "incidentName", "Incident name must be text."],
  ])("rejects %s with a field message", (_n, change, field, message) => {
    expect(errorsOf({ ...valid, ...change })[field]).toBe(message);
  });
});

describe("auth schemas", () => {
  it("lowercases email and requires both fields", () => {
    expect(signInSchema.parse({ email: " Priya@Example.COM ", password: "x" }).email).toBe("priya@example.com");
    expect(signInSchema.safeParse({ email: "", password: "" }).success).toBe(false);
  });

  it("requires a 10-character password and a known role for new accounts", () => {
    const base = { name: "A", email: "a@example.com", password: "long-enough-pw", role: "MEMBER" };
    expect(createUserSchema.safeParse(base).success).toBe(true);
    expect(createUserSchema.safeParse({ ...base, password: "short" }).success).toBe(false);
    expect(createUserSchema.safeParse({ ...base, role: "OWNER" }).success).toBe(false);
  });
});

describe("parseUtc", () => {
  it("parses dates and date-times as UTC and refuses impossible ones", () => {
    expect(parseUtc("2026-11-20")?.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(parseUtc("2026-11-20 09:15")?.toISOString()).toBe("2026-11-20T09:15:00.000Z");
    expect(parseUtc("2026-13-01")).toBeNull();
    expect(parseUtc("2026-11-20T25:00")).toBeNull();
    expect(parseUtc("yesterday")).toBeNull();
  });
});
