import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/server/content-security-policy";

// Sets per-request security headers only: it never authorises (the data layer does) and never redirects.

/** Server-action bodies above this are refused with 413 before Next reads them (serverActions.bodySizeLimit). */
const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > ACTION_BODY_LIMIT_BYTES) {
      return new NextResponse("Too large: what you sent is over 1 MB. Shorten the text and try again.", {
        status: 413,
        headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
      });
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // X-Forwarded-Proto reaches the app only from a trusted proxy (lib/server/forwarded-headers.ts).
  if (request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:") {
    response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)" }],
};
