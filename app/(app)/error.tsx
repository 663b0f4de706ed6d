"use client";

import { startTransition, useCallback, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";

/**
 * A page that failed to load. The browser only gets a digest of the error, so it asks /api/health whether
 * the database is down: if so, the calm "database unavailable" state that retries by itself, as the layout
 * shows when the failure comes earlier; otherwise a plain error with a way to try again.
 */
export default function AppError({ reset }: { error: Error; reset: () => void }) {
  const router = useRouter();
  const [database, setDatabase] = useState<"checking" | "down" | "up">("checking");
  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" }).then(
      (response) => current && setDatabase(response.status === 503 ? "down" : "up"),
      () => current && setDatabase("up"),
    );
    return () => {
      current = false;
    };
  }, []);
  const retry = useCallback(
    () =>
      startTransition(() => {
        router.refresh();
        reset();
      }),
    [router, reset],
  );

  if (database === "checking")
    return (
      <p role="status" className="py-16 text-center text-sm text-slate-500">
        Loading…
      </p>
    );
  if (database === "down") return <DatabaseUnavailable retry={retry} inPage />;
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">The page could not be loaded. Nothing you saved was lost.</p>
      <Button className="mt-4" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}
