// Money is held as integer minor units (pence) in a bigint, matching the BIGINT column, so no amount is
// ever rounded through a float.

export const DEFAULT_CURRENCY = "GBP";
export const DEFAULT_LOCALE = "en-GB";
/** PostgreSQL BIGINT's upper bound. */
export const MAX_MINOR = 9_223_372_036_854_775_807n;

export type MoneyErrorCode = "empty" | "invalid" | "negative" | "precision" | "too_large" | "currency";

export type MoneyParseResult = { ok: true; minor: bigint } | { ok: false; code: MoneyErrorCode; message: string };

const SUPPORTED = new Set(Intl.supportedValuesOf("currency"));

/** A three-letter ISO 4217 code this runtime knows ("GBP", "EUR", …). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && SUPPORTED.has(code);
}

/** Decimal places of the currency's minor unit: 2 for GBP, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

const fail = (code: MoneyErrorCode, message: string): MoneyParseResult => ({ ok: false, code, message });

/**
 * Parses what a person types into an amount field: "1,234.50", "£1234.5", "1 234", "GBP 20".
 * Commas must group thousands; the only decimal separator is ".". Callers that treat an empty field as
 * "no amount" should check for code "empty".
 */
export function parseMoney(input: string, currency: string = DEFAULT_CURRENCY): MoneyParseResult {
  let text = input.normalize("NFKC").trim();
  if (text === "") return fail("empty", "Enter an amount");
  const code = /^([A-Za-z]{3})\s*|\s*([A-Za-z]{3})$/.exec(text);
  if (code) {
    const found = (code[1] ?? code[2]).toUpperCase();
    if (!isCurrencyCode(found)) return fail("invalid", "Enter an amount such as 1,234.50");
    if (found !== currency) return fail("currency", `The amount is in ${found}, but this incident uses ${currency}`);
    text = text.replace(code[0], "");
  }
  // Symbols are dropped rather than checked: "$" alone does not say which dollar is meant.
  text = text.replace(/[£$€¥₹₩₽₺₪₫฿]/g, "").trim();
  if (/^[-−(]|[-−)]$/.test(text)) return fail("negative", "The amount can't be negative");
  text = text.replace(/(?<=\d)[\s\u00a0\u202f](?=\d{3}(?!\d))/g, "");
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return fail("invalid", "Enter an amount such as 1,234.50");
  const digits = currencyDigits(currency);
  const fraction = m[2] ?? "";
  if (fraction.length > digits) {
    return fail("precision", digits === 0 ? `${currency} amounts have no decimal places` : `Use at most ${digits} decimal places`);
  }
  const whole = BigInt((m[1] ?? "0").replace(/,/g, ""));
  const minor = whole * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  if (minor > MAX_MINOR) return fail("too_large", "The amount is too large");
  return { ok: true, minor };
}

/** "£1,234.50" from 123450 minor units of GBP; negative amounts keep their sign. */
export function formatMoney(minor: bigint | number, currency: string = DEFAULT_CURRENCY, locale: string = DEFAULT_LOCALE): string {
  if (typeof minor === "number" && !Number.isSafeInteger(minor)) {
    throw new RangeError(`Minor units must be a safe integer, got ${minor}`);
  }
  const value = BigInt(minor);
  const digits = currencyDigits(currency);
  const scale = 10n ** BigInt(digits);
  const abs = value < 0n ? -value : value;
  const fraction = (abs % scale).toString().padStart(digits, "0");
  const decimal = `${value < 0n ? "-" : ""}${abs / scale}${digits > 0 ? `.${fraction}` : ""}`;
  // A decimal string keeps amounts beyond 2^53 exact (Intl.NumberFormat v3).
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(decimal as `${number}`);
}
