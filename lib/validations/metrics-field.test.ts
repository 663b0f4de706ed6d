import { describe, expect, it } from "vitest";
import { metricsFieldProblem } from "@/lib/validations/timeline";

describe("a Key Metrics field as typed", () => {
  it("says why a count or minutes cannot be saved, and accepts an empty one", () => {
    expect(metricsFieldProblem("usersAffected", "-3", "GBP")).toBe("Users affected can't be negative.");
    expect(metricsFieldProblem("detectOverrideMin", "-5", "GBP")).toBe("Time to detect can't be negative.");
    expect(metricsFieldProblem("usersAffected", "", "GBP")).toBeUndefined();
    expect(metricsFieldProblem("detectNotApplicable", true, "GBP")).toBeUndefined();
  });

  it("reads the amount in the currency chosen with it", () => {
    expect(metricsFieldProblem("revenueImpact", "12500", "JPY")).toBeUndefined();
    expect(metricsFieldProblem("revenueImpact", "12.50", "GBP")).toBeUndefined();
    expect(metricsFieldProblem("revenueImpact", "12.50", "JPY")).toMatch(/\.$/);
    expect(metricsFieldProblem("revenueImpact", "lots", "GBP")).toMatch(/\.$/);
  });
});
