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
  /server (has )?closed the connection/i,
  /database system is (starting up|shutting down)/i,
  /DatabaseNotReachable/i,
  /connect ECONNREFUSED/i,
];

// What Prisma's PostgreSQL adapter calls a lost or unreachable server. A raw query that fails this way is a
// generic P2010 ("Raw query failed") whose `meta.driverAdapterError.cause.kind` says why.
const ADAPTER_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout", "TooManyConnections"]);

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; name?: unknown; meta?: unknown };
  if (typeof e.code === "string" && CODES.has(e.code)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  const text = `${typeof e.name === "string" ? e.name : ""} ${typeof e.message === "string" ? e.message : ""}`;
  if (MESSAGES.some((m) => m.test(text))) return true;
  const adapterError = e.meta && typeof e.meta === "object" ? (e.meta as { driverAdapterError?: unknown }).driverAdapterError : undefined;
  return isDatabaseUnavailable(adapterError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}
