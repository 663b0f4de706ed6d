// Errors that mean "the database cannot be reached right now" (network cut, restart, pool timeout), as
// opposed to a bug: pages show a calm "database unavailable" state for these and recover on their own.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P03",
  "P1001",
  "P1017",
  "P2024",
]);
const MESSAGES = [
  /connection terminated/i,
  /can't reach database/i,
  /unable to start a transaction/i,
  /timeout exceeded when trying to connect/i,
  /connection (refused|reset|closed)/i,
  /server closed the connection/i,
  /database system is (starting up|shutting down)/i,
  /DatabaseNotReachable/i,
  /connect ECONNREFUSED/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
  if (typeof e.code === "string" && CODES.has(e.code)) return true;
  const text = `${typeof e.name === "string" ? e.name : ""} ${typeof e.message === "string" ? e.message : ""}`;
  if (MESSAGES.some((m) => m.test(text))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
