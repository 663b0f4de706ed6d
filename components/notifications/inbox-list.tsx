"use client";

import Link from "next/link";
import { markReadAction } from "@/app/(app)/notifications/actions";
import type { InboxItem } from "@/lib/data/inbox";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useServerCall } from "@/components/sharing/use-server-call";

export function InboxList({ items }: { items: InboxItem[] }) {
  const { busy, error, run } = useServerCall();
  const unread = items.filter((i) => !i.read).length;
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        Nothing yet. You will be told here when you are added to a postmortem, given an action, mentioned, or an action or review falls due.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex items-center justify-between text-sm text-slate-600">
        <span>{unread === 0 ? "All read" : `${unread} unread`}</span>
        {unread > 0 ? (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => run(() => markReadAction({}))}>
            Mark all read
          </Button>
        ) : null}
      </div>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="inbox">
        {items.map((n) => (
          <li key={n.id} className={`flex items-start gap-3 px-4 py-3 ${n.read ? "" : "bg-blue-50/50"}`}>
            <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-blue-600"}`} />
            <div className="min-w-0 flex-1">
              <Link
                href={n.link || "/notifications"}
                className="font-medium text-slate-900 hover:underline"
                onClick={() => (n.read ? undefined : void markReadAction({ ids: [n.id] }))}
              >
                {n.title}
              </Link>
              {n.body ? <p className="mt-0.5 line-clamp-3 whitespace-pre-line text-sm text-slate-600">{n.body}</p> : null}
              <p className="mt-0.5 text-xs text-slate-500">
                <time dateTime={n.createdAt}>{n.createdAt.slice(0, 16).replace("T", " ")} UTC</time>
                {n.read ? "" : " · unread"}
              </p>
            </div>
            {!n.read ? (
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => run(() => markReadAction({ ids: [n.id] }))}>
                Mark read
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
