import { requireUser } from "@/lib/auth/session";
import { listMySessions } from "@/lib/data/sessions";
import { SESSION } from "@/lib/data/auth";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionsList } from "@/components/account/sessions-list";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const sessions = await listMySessions(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
      </div>
      <section aria-labelledby="password" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="password" className="mb-3 font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sessions" className="font-semibold">
          Where you are signed in
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          A session ends after {SESSION.idleMinutes} minutes without activity and {SESSION.maxHours} hours after signing in.
        </p>
        <SessionsList sessions={sessions} />
      </section>
    </div>
  );
}
