import { describe, expect, it } from "vitest";
import type http from "node:http";
import { normaliseForwardingHeaders, parseTrustedProxies, resolveClientAddress } from "@/lib/server/forwarded-headers";

const none = parseTrustedProxies(undefined);
const proxy = parseTrustedProxies("10.0.0.2, 10.0.0.3");

function request(peer: string, headers: Record<string, string>): http.IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: { ...headers } } as unknown as http.IncomingMessage;
}

describe("client address", () => {
  it("ignores X-Forwarded-For from a client that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", proxy)).toBe("203.0.113.9");
  });

  it("takes the right-most untrusted hop when the peer is a trusted proxy", () => {
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9", proxy)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, 10.0.0.3", proxy)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", undefined, proxy)).toBe("10.0.0.2");
  });

  it("rewrites the request so that forged forwarding headers never reach the app", () => {
    const req = request("203.0.113.9", { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", "x-real-ip": "1.2.3.4" });
    normaliseForwardingHeaders(req, none);
    expect(req.headers).toEqual({ "x-forwarded-for": "203.0.113.9" });
  });

  it("keeps a trusted proxy's headers, with one resolved address", () => {
    const req = request("10.0.0.2", { "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
    normaliseForwardingHeaders(req, proxy);
    expect(req.headers).toEqual({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
  });
});
