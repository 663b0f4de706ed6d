import { describe, expect, it } from "vitest";
import { currencyDigits, formatMoney, isCurrencyCode, MAX_MINOR, parseMoney } from "./money";

describe("parseMoney", () => {
  it.each([
    ["1,234.50", 123450n],
    ["£1234.5", 123450n],
    ["1234", 123400n],
    [" £ 1,234 ", 123400n],
    ["0.99", 99n],
    [".5", 50n],
    ["12.", 1200n],
    ["0", 0n],
    ["1 234 567.89", 123456789n],
    ["GBP 20", 2000n],
    ["20 gbp", 2000n],
    ["1,000,000", 100000000n],
  ])("%j → %s", (input, minor) => {
    expect(parseMoney(input)).toEqual({ ok: true, minor });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["-5", "negative"],
    ["£-5", "negative"],
    ["−5", "negative"],
    ["(5.00)", "negative"],
    ["1.234", "precision"],
    ["12.345", "precision"],
    ["abc", "invalid"],
    ["12abc", "invalid"],
    ["1,23.4", "invalid"],
    ["1.2.3", "invalid"],
    ["1e5", "invalid"],
    ["£", "invalid"],
    ["USD 20", "currency"],
    ["99999999999999999999", "too_large"],
  ])("%j is refused (%s)", (input, code) => {
    const result = parseMoney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toBeTruthy();
    }
  });

  it("uses the currency's minor unit", () => {
    expect(parseMoney("1,234", "JPY")).toEqual({ ok: true, minor: 1234n });
    expect(parseMoney("12.5", "JPY")).toMatchObject({ ok: false, code: "precision", message: "JPY amounts have no decimal places" });
    expect(parseMoney("€12.30", "EUR")).toEqual({ ok: true, minor: 1230n });
  });

  it("accepts the largest BIGINT", () => {
    expect(parseMoney("92233720368547758.07")).toEqual({ ok: true, minor: MAX_MINOR });
  });
});

describe("formatMoney", () => {
  it.each([
    [123450n, "GBP", "£1,234.50"],
    [123450, "GBP", "£1,234.50"],
    [5n, "GBP", "£0.05"],
    [0n, "GBP", "£0.00"],
    [-250n, "GBP", "-£2.50"],
    [1234n, "JPY", "JP¥1,234"],
    [123450n, "EUR", "€1,234.50"],
    [MAX_MINOR, "GBP", "£92,233,720,368,547,758.07"],
  ])("%s %s → %s", (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });

  it("defaults to GBP and accepts another locale", () => {
    expect(formatMoney(123450n)).toBe("£1,234.50");
    expect(formatMoney(123450n, "EUR", "de-DE")).toBe("1.234,50\u00a0€");
  });

  it("refuses unsafe numbers", () => {
    expect(() => formatMoney(2 ** 60)).toThrow(RangeError);
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });

  it("round-trips with parseMoney", () => {
    const parsed = parseMoney(formatMoney(987654321n));
    expect(parsed).toEqual({ ok: true, minor: 987654321n });
  });
});

describe("currencies", () => {
  it("knows ISO codes and their minor units", () => {
    expect(isCurrencyCode("GBP")).toBe(true);
    expect(isCurrencyCode("gbp")).toBe(false);
    expect(isCurrencyCode("XYZ")).toBe(false);
    expect(currencyDigits("GBP")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
  });
});
