import { requireUser } from "@/lib/auth/session";
import { AppHeader } from "@/components/shell/app-header";
import { DemoAccountsBanner } from "@/components/shell/demo-accounts-banner";
import { DatabaseUnavailable } from "@/components/shell/database-unavailable";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { countUnread } from "@/lib/data/inbox";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  let user;
  try {
    user = await requireUser();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return <DatabaseUnavailable />;
    throw error;
  }
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <AppHeader user={user} bell={<NotificationBell unread={await countUnread(user)} />} />
      <DemoAccountsBanner user={user} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
        {children}
      </main>
    </>
  );
}
