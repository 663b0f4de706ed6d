"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

const RETRY_SECONDS = 5;

/**
 * Shown instead of a page while the database cannot be reached; it retries by itself until it can.
 * `retry` replaces the plain refresh where an error boundary must also reset; `inPage` renders it inside
 * the layout's own <main> (from a page's error boundary) rather than as the page's main content.
 */
export function DatabaseUnavailable({ retry, inPage = false }: { retry?: () => void; inPage?: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => (retry ? retry() : router.refresh()), RETRY_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [router, retry]);
  const Root = inPage ? "div" : "main";
  return (
    <Root className="mx-auto max-w-md px-4 py-16 text-center" data-testid="database-unavailable">
      <div role="alert">
        <h1 className="text-lg font-semibold text-slate-900">Database unavailable</h1>
        <p className="mt-2 text-sm text-slate-600">The postmortem database cannot be reached right now. Nothing you saved has been lost.</p>
      </div>
      <p className="mt-2 text-sm text-slate-500" role="status">
        Trying again every {RETRY_SECONDS} seconds…
      </p>
    </Root>
  );
}
