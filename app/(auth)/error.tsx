"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** Sign-in and registration cannot load (most often: the database is briefly unreachable). Retries by itself. */
export default function AuthError({ reset }: { error: Error; reset: () => void }) {
  useEffect(() => {
    const timer = setInterval(reset, 5000);
    return () => clearInterval(timer);
  }, [reset]);
  return (
    <div role="alert" className="text-center" data-testid="auth-error">
      <h1 className="text-lg font-semibold">Sign-in is unavailable right now</h1>
      <p className="mt-2 text-sm text-slate-600">The service cannot be reached at the moment. Trying again every 5 seconds…</p>
      <Button className="mt-4" onClick={reset}>
        Try again now
      </Button>
    </div>
  );
}
