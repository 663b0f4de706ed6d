"use client";

import "./globals.css";

/** The last resort, when even the root layout failed: a plain page of its own, never a blank screen. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main role="alert" className="mx-auto max-w-md px-4 py-16 text-center">
          <h1 className="text-lg font-semibold">Postmortems is having trouble</h1>
          <p className="mt-2 text-sm text-slate-600">
            The app could not load this page. Nothing you saved was lost. If the database is briefly unavailable, trying again in a moment
            will work.
          </p>
          <button type="button" onClick={reset} className="mt-4 rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
