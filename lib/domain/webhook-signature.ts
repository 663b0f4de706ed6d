import { createHmac, timingSafeEqual } from "node:crypto";

// Outgoing webhooks are signed like Stripe's and Slack's: HMAC-SHA256 over "<timestamp>.<body>" with the
// webhook's secret, sent as "X-Postmortem-Signature: v1=<hex>" with "X-Postmortem-Timestamp: <unix s>".
// A receiver recomputes it and rejects old timestamps, so a captured delivery cannot be replayed later.

export const SIGNATURE_HEADER = "x-postmortem-signature";
export const TIMESTAMP_HEADER = "x-postmortem-timestamp";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** For receivers (and the tests): true when the signature matches and the timestamp is recent. */
export function verifyWebhook(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
