import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { endpointFromEnv } from "@/lib/assistant/endpoint-config";
import { getAssistantSettings, getDraftTarget, type DraftTarget } from "@/lib/data/assistant";
import { AppError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { DraftWorkspace } from "@/components/assistant/draft-workspace";
import { RESTRICTED_NOTICE } from "@/lib/assistant/draft-service";

export const metadata = { title: "Draft from material" };

async function loadTarget(user: Awaited<ReturnType<typeof requireUser>>, id: string): Promise<DraftTarget> {
  try {
    return await getDraftTarget(user, id);
  } catch (error) {
    // Only people who may edit the postmortem may draft for it; to anyone else the screen does not exist.
    if (error instanceof AppError && ["NOT_FOUND", "FORBIDDEN", "READ_ONLY"].includes(error.code)) notFound();
    throw error;
  }
}

export default async function DraftPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const [target, settings] = await Promise.all([loadTarget(user, id), getAssistantSettings()]);
  const endpoint = endpointFromEnv();
  const external = endpoint !== null && (!target.restricted || settings.allowRestrictedExternal);

  return (
    <div className="space-y-5">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-500">{target.incidentKey}</p>
        <h1 className="text-2xl font-semibold">Draft from the incident&apos;s material</h1>
        <p className="text-sm text-slate-600">
          For{" "}
          <Link className="underline" href={`/postmortems/${target.id}`}>
            {target.incidentName}
          </Link>
          . The assistant proposes timeline rows, a summary, impact hints, AI cause candidates and the AI system&apos;s context, each with
          the line it came from. Nothing is written until you accept it, and the history records that the assistant drafted it and you
          accepted it.
        </p>
      </header>
      {!settings.enabled ? (
        <Alert tone="warning" title="The assistant is turned off">
          An administrator has turned the assistant off. You can still fill the postmortem by hand.
        </Alert>
      ) : (
        <>
          <Alert tone="info" testId="engine-notice">
            {external
              ? `The material you submit is sent to the configured AI endpoint (model ${endpoint?.model}); every request is recorded in the audit trail. Choose the built-in extractor to keep it on this server.`
              : target.restricted && endpoint
                ? RESTRICTED_NOTICE
                : "No AI endpoint is configured: the built-in extractor drafts on this server and nothing leaves it."}
          </Alert>
          <DraftWorkspace postmortemId={target.id} endpointModel={external ? (endpoint?.model ?? null) : null} />
        </>
      )}
    </div>
  );
}
