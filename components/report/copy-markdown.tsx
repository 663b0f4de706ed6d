"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies the report's Markdown; when the clipboard is refused, shows the text selected for a manual copy. */
export function CopyMarkdown({ markdown }: { markdown: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(markdown);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <div className="no-print">
      <Button variant="secondary" onClick={copy}>
        Copy as Markdown
      </Button>
      <span role="status" className="ml-2 text-sm text-slate-600">
        {state === "copied" ? "Copied." : ""}
      </span>
      {state === "failed" ? (
        <div className="mt-2">
          <p className="text-sm text-red-700" role="alert">
            The browser did not allow copying. Select the text below and copy it.
          </p>
          <textarea
            readOnly
            className="mt-1 h-40 w-full rounded border border-slate-300 p-2 font-mono text-xs"
            value={markdown}
            aria-label="Report as Markdown"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      <textarea hidden readOnly value={markdown} data-testid="report-markdown" aria-hidden="true" />
    </div>
  );
}
