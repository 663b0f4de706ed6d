/** The conflicts still open once one field's has been settled ("Use theirs" / "Keep mine"). */
export function withoutConflict<T extends Record<string, unknown>>(conflicts: T, field: keyof T): T {
  const rest = { ...conflicts };
  delete rest[field];
  return rest;
}
