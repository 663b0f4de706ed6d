import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** Awaits a data-layer call that must be refused and returns the app's own error for its code and message. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
