import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { canOrg } from "@/lib/auth/permissions";
import { listTeams, suggestIncidentKey } from "@/lib/data/postmortems";
import { listUserOptions } from "@/lib/data/users";
import { NewPostmortemForm } from "@/components/postmortems/new-postmortem-form";
import { toUtcInput } from "@/lib/validations/common";

export const metadata = { title: "New postmortem" };

export default async function NewPostmortemPage() {
  const user = await requireUser();
  if (!canOrg(user, "createPostmortem")) notFound();
  const [suggestedKey, teams, users] = await Promise.all([suggestIncidentKey(), listTeams(), listUserOptions(user)]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold">New postmortem</h1>
      <p className="mt-1 text-sm text-slate-600">
        Start within 48 hours of the incident, while details are fresh. The document opens pre-filled from the template: the standard
        timeline milestones, five whys and one contributing factor per category. Have an exported JSON file?{" "}
        <Link href="/postmortems/import" className="text-brand-700 underline">
          Import it
        </Link>
        .
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <NewPostmortemForm suggestedKey={suggestedKey} teams={teams} users={users} currentUserId={user.id} now={toUtcInput(new Date())} />
      </div>
    </div>
  );
}
