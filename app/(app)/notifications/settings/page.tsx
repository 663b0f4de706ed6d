import { requireUser } from "@/lib/auth/session";
import { getPreferences } from "@/lib/data/inbox";
import { emailEnabled } from "@/lib/integrations/mailer";
import { PreferencesForm } from "@/components/notifications/preferences-form";

export const metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Notification settings</h1>
      <p className="text-sm text-slate-600">
        Choose, for each kind of notification, whether it appears in your inbox and whether it is emailed to you.
      </p>
      <PreferencesForm preferences={await getPreferences(user)} emailEnabled={emailEnabled()} />
    </div>
  );
}
