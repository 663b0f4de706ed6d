/**
 * The client's address. X-Forwarded-For reaches the app holding exactly one address, rebuilt from the
 * socket before Next sees the request (lib/server/forwarded-headers.ts): a client cannot choose it.
 */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0].trim().slice(0, 64) || "unknown";
}
