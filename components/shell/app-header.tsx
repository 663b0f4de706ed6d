import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import type { SessionUser } from "@/lib/auth/session";
import { Badge } from "@/components/ui/badge";

const ROLE_LABEL = { ADMIN: "Admin", MEMBER: "Member", VIEWER: "Viewer" } as const;

export function AppHeader({ user, bell }: { user: SessionUser; bell?: React.ReactNode }) {
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-semibold text-slate-900">
          Postmortems
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-4 text-sm">
          <Link href="/" className="text-slate-700 hover:text-slate-900">
            Overview
          </Link>
          <Link href="/postmortems" className="text-slate-700 hover:text-slate-900">
            All postmortems
          </Link>
          <Link href="/insights" className="text-slate-700 hover:text-slate-900">
            Insights
          </Link>
          <Link href="/tracker" className="text-slate-700 hover:text-slate-900">
            Action tracker
          </Link>
          <Link href="/report" className="text-slate-700 hover:text-slate-900">
            Follow-up report
          </Link>
          <Link href="/actions" className="text-slate-700 hover:text-slate-900">
            My actions
          </Link>
          {user.role === "ADMIN" ? (
            <Link href="/admin/users" className="text-slate-700 hover:text-slate-900">
              Users
            </Link>
          ) : null}
          {user.role === "ADMIN" ? (
            <Link href="/admin/integrations" className="text-slate-700 hover:text-slate-900">
              Integrations
            </Link>
          ) : null}
          {user.role === "ADMIN" ? (
            <Link href="/admin/assistant" className="text-slate-700 hover:text-slate-900">
              Assistant
            </Link>
          ) : null}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {bell}
          <Link href="/account" className="text-slate-700 hover:text-slate-900" data-testid="current-user">
            {user.name}
          </Link>
          <Badge tone={user.role === "ADMIN" ? "blue" : "slate"}>{ROLE_LABEL[user.role]}</Badge>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
