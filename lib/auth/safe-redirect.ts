const FALLBACK = "/";
// A base no request can have: the value is resolved against it exactly as a browser would resolve it
// against the app (tabs and newlines dropped, backslashes read as slashes), then must still be on it.
const BASE = "https://app.invalid";

/** Where to go after signing in: a same-origin path only, re-serialised (so it carries no raw control characters). */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== BASE) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/sign-in" again would only loop; anything the URL parser could not make printable is refused.
  if (path.startsWith("/sign-in") || /[\u0000-\u001f\u007f]/.test(path)) return FALLBACK;
  return path;
}
