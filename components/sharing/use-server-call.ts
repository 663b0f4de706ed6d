"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";

/**
 * Runs one server action for a button: busy state, the refusal message, a message when the server cannot
 * be reached, and a refresh of the page's server data on success.
 */
export function useServerCall() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run<T>(call: () => Promise<ActionResult<T>>, onDone?: (data: T) => void): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (!result.ok) {
        setError(result.message);
        return false;
      }
      onDone?.(result.data);
      router.refresh();
      return true;
    } catch {
      setError("The server could not be reached; nothing changed. Check your connection and try again.");
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
