import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { canOrg } from "@/lib/auth/permissions";
import { suggestIncidentKey } from "@/lib/data/postmortems";
import { ImportPostmortemForm } from "@/components/sharing/import-postmortem-form";

export const metadata = { title: "Import a postmortem" };

export default async function ImportPostmortemPage() {
  const user = await requireUser();
  if (!canOrg(user, "createPostmortem")) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold">Import a postmortem</h1>
      <p className="mt-1 text-sm text-slate-600">
        Choose a file exported with “Download JSON”. It becomes a new draft under the Incident ID you give it. People are linked to accounts
        with the same name; anyone not found stays a named participant.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ImportPostmortemForm suggestedKey={await suggestIncidentKey()} />
      </div>
    </div>
  );
}
