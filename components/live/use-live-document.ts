"use client";

import { useCallback, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import type { UserOption } from "@/lib/data/users";
import type { LiveEvent } from "@/lib/realtime/live-event";
import { applyEvent } from "@/components/live/apply-event";

/**
 * Fields that shape what the server renders around the sections (which sections a severity needs, who
 * may edit or publish, the 48-hour clock): a change to one asks for a fresh render as well as its patch.
 */
const SERVER_SHAPED = new Set(["severity", "status", "facilitatorId", "incidentDate", "meetingDate", "restricted"]);

/**
 * The document as this page shows it: the server's render, then every live event applied as a patch.
 * A newer server render (after a navigation or a refresh) replaces it; an event that cannot be applied
 * from its content alone asks the server for a fresh render instead.
 */
export function useLiveDocument(serverDoc: PostmortemDocument, users: UserOption[]) {
  const router = useRouter();
  const [doc, setDoc] = useState(serverDoc);
  const [rendered, setRendered] = useState(serverDoc);
  if (rendered !== serverDoc) {
    setRendered(serverDoc);
    if (serverDoc.seq >= doc.seq) setDoc(serverDoc);
  }
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.name])), [users]);
  const apply = useCallback(
    (event: LiveEvent) => {
      let stale = false;
      setDoc((current) => {
        if (event.seq <= current.seq) return current;
        const next = applyEvent(current, event, names);
        if (next) return next;
        stale = true;
        return { ...current, seq: event.seq };
      });
      if (stale || (event.entity === "postmortem" && event.field !== null && SERVER_SHAPED.has(event.field))) router.refresh();
    },
    [names, router],
  );
  return { doc, apply };
}
