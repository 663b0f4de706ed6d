import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { canOrg } from "@/lib/auth/permissions";
import { listTeamsWithMembers } from "@/lib/data/team-members";
import { listWebhooks } from "@/lib/data/webhooks";
import { listUserOptions } from "@/lib/data/users";
import { listTrackerConnections } from "@/lib/integrations/trackers";
import { TeamMembersPanel } from "@/components/admin/team-members-panel";
import { WebhooksPanel } from "@/components/admin/webhooks-panel";
import { TrackersPanel } from "@/components/admin/trackers-panel";

export const metadata = { title: "Integrations" };

function Card({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-label={title}>
      <div>
        <h2 className="text-lg font-semibold">{title}</h2>
        <p className="text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

export default async function IntegrationsPage() {
  const user = await requireUser();
  if (!canOrg(user, "manageUsers")) notFound();
  const [teams, hooks, users, trackers] = await Promise.all([
    listTeamsWithMembers(user),
    listWebhooks(user),
    listUserOptions(user),
    listTrackerConnections(user),
  ]);
  return (
    <div className="mx-auto max-w-5xl space-y-5">
      <h1 className="text-2xl font-semibold">Integrations</h1>
      <Card title="Team members" description="Members are told when a postmortem of their team is published.">
        <TeamMembersPanel teams={teams} users={users} />
      </Card>
      <Card
        title="Webhooks"
        description="Per team: publishing sends the summary, root cause, lessons and actions, signed with HMAC-SHA256 and retried with backoff."
      >
        <WebhooksPanel hooks={hooks} teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
      </Card>
      <Card
        title="Issue trackers"
        description="With a tracker configured, corrective actions get a “Create in Jira/Linear” button; ticket status is pulled back every 30 minutes."
      >
        <TrackersPanel connections={trackers} />
      </Card>
    </div>
  );
}
