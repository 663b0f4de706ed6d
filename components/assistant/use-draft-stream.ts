"use client";

import { useCallback, useRef, useState } from "react";
import type { DraftResult } from "@/lib/assistant/draft-service";
import type { DraftStreamLine } from "@/app/api/postmortems/[id]/draft/route";

export type DraftStreamState =
  | { status: "idle" }
  | { status: "drafting"; progress: string }
  | { status: "failed"; message: string }
  | { status: "done"; draft: DraftResult };

const UNREACHABLE = "The server could not be reached, so no draft was made. Check your connection and try again.";

/** Posts the material and follows the NDJSON answer: progress lines, then the draft or an error. */
export function useDraftStream(postmortemId: string) {
  const [state, setState] = useState<DraftStreamState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(
    async (input: { text: string; fileName?: string; engine?: "builtin" | "endpoint" }) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ status: "drafting", progress: "Reading the material…" });
      let final: DraftStreamState | null = null;
      try {
        const response = await fetch(`/api/postmortems/${postmortemId}/draft`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(input),
          signal: controller.signal,
        });
        if (!response.body) throw new Error("no body");
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const lines = buffer.split("\n");
          buffer = lines.pop() ?? "";
          for (const raw of lines) {
            if (!raw.trim()) continue;
            const line = JSON.parse(raw) as DraftStreamLine;
            if (line.type === "progress") setState({ status: "drafting", progress: line.message });
            else if (line.type === "draft") final = { status: "done", draft: line.draft };
            else final = { status: "failed", message: line.message };
          }
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        final = {
          status: "failed",
          message: error instanceof SyntaxError ? "The server's answer was cut off; nothing was saved. Try again." : UNREACHABLE,
        };
      }
      setState(final ?? { status: "failed", message: "The server's answer was cut off; nothing was saved. Try again." });
    },
    [postmortemId],
  );

  const reset = useCallback(() => setState({ status: "idle" }), []);
  return { state, start, reset };
}
