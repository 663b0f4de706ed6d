"use client";

import { useState, useTransition } from "react";
import { endOtherSessionsAction, endSessionAction, signOutEverywhereAction } from "@/app/(app)/account/actions";
import type { SessionSummary } from "@/lib/data/sessions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** A short, readable name for a user agent string ("Chrome on Linux"), falling back to the string itself. */
function deviceOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /Mac OS X/.test(userAgent)
      ? "macOS"
      : /Android/.test(userAgent)
        ? "Android"
        : /iPhone|iPad/.test(userAgent)
          ? "iOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return browser && os ? `${browser} on ${os}` : userAgent.slice(0, 60);
}

export function SessionsList({ sessions }: { sessions: SessionSummary[] }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const run = (work: () => Promise<{ ok: boolean; message?: string }>, success: string) =>
    startTransition(async () => {
      setMessage(null);
      const result = await work();
      setMessage(result.ok ? { tone: "success", text: success } : { tone: "error", text: result.message ?? "That did not work." });
    });
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {deviceOf(s.userAgent)} {s.current ? <Badge tone="green">This session</Badge> : null}
              </p>
              <p className="text-xs text-slate-500">
                Signed in {when(s.createdAt)} from {s.ip ?? "an unknown address"} · last active {when(s.lastSeenAt)}
              </p>
            </div>
            {s.current ? null : (
              <Button
                size="sm"
                variant="secondary"
                disabled={pending}
                onClick={() => run(() => endSessionAction({ sessionId: s.id }), "That session has been signed out.")}
              >
                Sign out this session
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={pending || others === 0}
          onClick={() => run(() => endOtherSessionsAction({}), "Every other session has been signed out.")}
        >
          Sign out other sessions
        </Button>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="danger" disabled={pending}>
            Sign out everywhere
          </Button>
        </form>
      </div>
    </div>
  );
}
