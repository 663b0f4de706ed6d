import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/postmortems/abc?x=1#a", "/postmortems/abc?x=1#a"],
    ["/actions", "/actions"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    "//example.org",
    "/\\example.org",
    "/\t/example.org",
    "/%09/example.org/../..",
    "\t//example.org",
    "https://example.org/",
    "/\n/example.org",
    "javascript:alert(1)",
    "",
    "/sign-in?callbackUrl=/x",
  ])("refuses %j", (input) => {
    const path = safeCallbackPath(input);
    expect(new URL(path, "https://app.example").origin).toBe("https://app.example");
    expect(path).not.toMatch(/[\u0000-\u001f]/);
  });

  it("re-encodes control characters so the Location header is always valid", () => {
    expect(safeCallbackPath("/postmortems/\u0001x")).toBe("/postmortems/%01x");
    expect(safeCallbackPath(42)).toBe("/");
  });
});
