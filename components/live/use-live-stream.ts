"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveEvent, PresencePerson } from "@/lib/realtime/live-event";

export type StreamState = "connecting" | "live" | "reconnecting" | "closed";

type Options = {
  postmortemId: string;
  seq: number;
  tabId: string;
  onEvent: (event: LiveEvent) => void;
  /** The stream is (again) connected and caught up: a good moment to send queued edits. */
  onReady: () => void;
};

const REOPEN_MS = 3000;

/**
 * The postmortem's Server-Sent Events stream. The browser's EventSource resumes by itself with
 * Last-Event-ID after a drop; when the server refused it outright (a restart mid-deploy answering an
 * error page), it is opened again from the last seq seen. `closed` means access was lost for good.
 */
export function useLiveStream({ postmortemId, seq, tabId, onEvent, onReady }: Options) {
  const [state, setState] = useState<StreamState>("connecting");
  const [presence, setPresence] = useState<PresencePerson[]>([]);
  const lastSeq = useRef(seq);
  const handlers = useRef({ onEvent, onReady });
  useEffect(() => {
    handlers.current = { onEvent, onReady };
  }, [onEvent, onReady]);

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const open = () => {
      const url = `/api/postmortems/${encodeURIComponent(postmortemId)}/events?after=${lastSeq.current}&tab=${tabId}`;
      const current = new EventSource(url);
      source = current;
      current.addEventListener("doc", (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
        if (event.seq <= lastSeq.current) return;
        lastSeq.current = event.seq;
        handlers.current.onEvent(event);
      });
      current.addEventListener("presence", (message) => {
        setPresence(JSON.parse((message as MessageEvent<string>).data) as PresencePerson[]);
      });
      current.addEventListener("ready", () => {
        setState("live");
        handlers.current.onReady();
      });
      current.addEventListener("access", () => {
        finished = true;
        current.close();
        setPresence([]);
        setState("closed");
      });
      current.onerror = () => {
        if (finished) return;
        setState("reconnecting");
        if (current.readyState === EventSource.CLOSED) {
          clearTimeout(reopen);
          reopen = setTimeout(open, REOPEN_MS);
        }
      };
    };
    open();
    return () => {
      finished = true;
      clearTimeout(reopen);
      source?.close();
    };
  }, [postmortemId, tabId]);

  return { state, presence };
}
