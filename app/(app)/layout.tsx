import { requireUser } from "@/lib/auth/session";
import { AppHeader } from "@/components/shell/app-header";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { countUnread } from "@/lib/data/inbox";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppHeader user={user} bell={<NotificationBell unread={await countUnread(user)} />} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </>
  );
}
