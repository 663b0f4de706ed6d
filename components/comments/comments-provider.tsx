"use client";

import { createContext, useContext, useEffect, useMemo, useState } from "react";
import { useLiveDoc } from "@/components/live/live-doc-provider";
import type { CommentDto } from "@/lib/data/comments";
import { openThreadsBySection } from "@/lib/domain/comment-anchors";
import type { SectionId } from "@/lib/domain/severity-policy";

// Comments as this page knows them: the server's list, then every "comment" event of the live feed.

export type CommentsState = {
  comments: CommentDto[];
  openBySection: Partial<Record<SectionId, number>>;
  /** Adds a comment the server just answered with (its event may arrive before or after). */
  accept: (comment: CommentDto) => void;
};

const CommentsContext = createContext<CommentsState | null>(null);

export function useComments(): CommentsState | null {
  return useContext(CommentsContext);
}

function upsert(list: CommentDto[], comment: CommentDto): CommentDto[] {
  return list.some((c) => c.id === comment.id) ? list.map((c) => (c.id === comment.id ? comment : c)) : [...list, comment];
}

export function CommentsProvider({ initial, children }: { initial: CommentDto[]; children: React.ReactNode }) {
  const live = useLiveDoc();
  const [comments, setComments] = useState(initial);

  useEffect(
    () =>
      live.subscribe((event) => {
        if (event.entity !== "comment" || !event.entityId) return;
        if (event.field === null) setComments((list) => upsert(list, event.after as CommentDto));
        else if (event.field === "resolvedAt") {
          const resolvedAt = (event.after as string | null) ?? null;
          setComments((list) =>
            list.map((c) => (c.id === event.entityId ? { ...c, resolvedAt, resolvedByName: resolvedAt ? event.actorName : null } : c)),
          );
        }
      }),
    [live],
  );

  const value = useMemo<CommentsState>(
    () => ({
      comments,
      openBySection: openThreadsBySection(comments),
      accept: (comment) => setComments((list) => upsert(list, comment)),
    }),
    [comments],
  );

  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
