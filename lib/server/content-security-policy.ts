// The Content-Security-Policy of every page: scripts run only with this response's nonce (Next.js puts
// it on its own bootstrap scripts when it finds it in the request's CSP header), nothing from elsewhere.
// Styles keep 'unsafe-inline': React's style attributes need it, and styles cannot run code.

export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** HSTS only over HTTPS (a browser ignores it on plain HTTP, and local demo use must stay reachable). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
