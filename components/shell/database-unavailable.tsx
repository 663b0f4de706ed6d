"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

const RETRY_SECONDS = 5;

/** Shown instead of a page while the database cannot be reached; it retries by itself until it can. */
export function DatabaseUnavailable() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), RETRY_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [router]);
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center" data-testid="database-unavailable">
      <div role="alert">
        <h1 className="text-lg font-semibold text-slate-900">Database unavailable</h1>
        <p className="mt-2 text-sm text-slate-600">The postmortem database cannot be reached right now. Nothing you saved has been lost.</p>
      </div>
      <p className="mt-2 text-sm text-slate-500" role="status">
        Trying again every {RETRY_SECONDS} seconds…
      </p>
    </main>
  );
}
