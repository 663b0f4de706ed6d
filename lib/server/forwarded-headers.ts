import http from "node:http";

// Next.js fills X-Forwarded-For only when the request has none, so a client could name any address (and
// escape or abuse the per-address sign-in limit) and X-Forwarded-Host/Proto would steer Auth.js's URLs.
// Before Next sees a request, these headers are rebuilt from the socket: forwarding headers count only
// when the connection comes from a proxy listed in TRUSTED_PROXIES.

const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** "::ffff:10.0.0.1" → "10.0.0.1", so either spelling of an IPv4 address matches the list. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function parseTrustedProxies(value: string | undefined): Set<string> {
  return new Set((value ?? "").split(",").map(normaliseAddress).filter(Boolean));
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case the
 * right-most address in X-Forwarded-For that is not itself a trusted proxy (addresses further left were
 * written by the client and prove nothing).
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trusted: Set<string>): string {
  const socketAddress = normaliseAddress(peer || "unknown");
  if (!trusted.has(socketAddress) || !forwardedFor) return socketAddress;
  const hops = forwardedFor.split(",").map(normaliseAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted.has(hops[i])) return hops[i].slice(0, 64);
  }
  return hops[0]?.slice(0, 64) ?? socketAddress;
}

/** Rewrites one incoming request's forwarding headers in place (see above). */
export function normaliseForwardingHeaders(req: http.IncomingMessage, trusted: Set<string>): void {
  const peer = req.socket?.remoteAddress ?? "unknown";
  const fromProxy = trusted.has(normaliseAddress(peer));
  const forwardedFor = req.headers["x-forwarded-for"];
  const client = resolveClientAddress(peer, Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, trusted);
  if (!fromProxy) for (const name of FORWARDING) delete req.headers[name];
  req.headers["x-forwarded-for"] = client;
}

let installed = false;

/** Installs the rewrite in front of every HTTP server of this process (Next's included). */
export function guardForwardingHeaders(trustedProxies: string | undefined): void {
  if (installed) return;
  installed = true;
  const trusted = parseTrustedProxies(trustedProxies);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") normaliseForwardingHeaders(args[0] as http.IncomingMessage, trusted);
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
