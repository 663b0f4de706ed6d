/** Whether a write failed on a unique index (Prisma's P2002): two people claimed the same key at once. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}
