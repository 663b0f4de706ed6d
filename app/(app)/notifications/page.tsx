import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listInbox } from "@/lib/data/inbox";
import { InboxList } from "@/components/notifications/inbox-list";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser();
  const items = await listInbox(user);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <Link href="/notifications/settings" className="text-sm text-brand-700 underline">
          Choose what reaches you
        </Link>
      </div>
      <InboxList items={items} />
    </div>
  );
}
