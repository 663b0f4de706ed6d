import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { AppError } from "@/lib/errors";
import { SeverityBadge, StatusBadge, formatDate } from "@/components/postmortems/labels";

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const doc = await getPostmortemDocument(user, id).catch((error) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="font-mono text-sm text-slate-500">{doc.incidentKey}</p>
        <h1 className="text-2xl font-semibold">{doc.incidentName}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <SeverityBadge severity={doc.severity} />
          <StatusBadge status={doc.status} />
          <span>Incident on {formatDate(doc.incidentDate)}</span>
          {doc.facilitatorName ? <span>· Facilitator {doc.facilitatorName}</span> : null}
          {doc.teamName ? <span>· {doc.teamName}</span> : null}
        </div>
      </header>
    </article>
  );
}
