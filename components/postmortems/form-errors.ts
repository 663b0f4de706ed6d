import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { FieldErrors } from "@/lib/errors";

/** Puts the server's field messages on the matching inputs, so they read like client-side ones. */
export function applyFieldErrors<T extends FieldValues>(fieldErrors: FieldErrors | undefined, setError: UseFormSetError<T>) {
  if (!fieldErrors) return;
  let first = true;
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (!messages?.length || field === "_form") continue;
    setError(field as Path<T>, { type: "server", message: messages[0] }, { shouldFocus: first });
    first = false;
  }
}
