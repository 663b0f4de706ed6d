import type { ReactNode } from "react";
import { CommentsButton } from "@/components/comments/comment-threads";

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: number } | { kind: "error"; message: string };

/** The visible per-section state: saved / saving / error, announced politely to screen readers. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const text = state.kind === "saving" ? "Saving…" : state.kind === "saved" ? "Saved" : state.kind === "error" ? "Not saved" : "";
  const tone = state.kind === "error" ? "text-red-700" : state.kind === "saved" ? "text-green-700" : "text-slate-500";
  return (
    <span role="status" aria-live="polite" className={`text-xs font-medium ${tone}`} data-testid="save-state">
      {text}
    </span>
  );
}

/** One template section of the document: an anchor for the navigator, a heading and its form. */
export function SectionCard({
  id,
  title,
  description,
  state,
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  state?: SaveState;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      data-testid={`section-${id}`}
      className="scroll-mt-20 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 print:break-inside-avoid print:border-0 print:shadow-none"
    >
      <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? <p className="text-sm text-slate-600">{description}</p> : null}
        </div>
        <div className="flex items-center gap-3">
          {state ? <SaveIndicator state={state} /> : null}
          {actions}
          <CommentsButton anchor={`section:${id}`} label={title} />
        </div>
      </div>
      {children}
    </section>
  );
}
