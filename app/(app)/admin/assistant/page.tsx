import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { canOrg } from "@/lib/auth/permissions";
import { endpointFromEnv } from "@/lib/assistant/endpoint-config";
import { getAssistantSettings, listEndpointRequests } from "@/lib/data/assistant";
import { formatUtcDateTime } from "@/lib/domain/dates";
import { AssistantSettingsForm } from "@/components/admin/assistant-settings-form";

export const metadata = { title: "Assistant" };

export default async function AssistantAdminPage() {
  const actor = await requireUser();
  if (!canOrg(actor, "manageUsers")) notFound();
  const [settings, requests] = await Promise.all([getAssistantSettings(), listEndpointRequests(actor)]);
  const endpoint = endpointFromEnv();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Assistant</h1>
        <p className="text-sm text-slate-600">
          {endpoint
            ? `AI endpoint: ${new URL(endpoint.baseUrl).host}, model ${endpoint.model} (set by AI_BASE_URL, AI_API_KEY and AI_MODEL).`
            : "No AI endpoint is configured, so the built-in extractor drafts on this server and nothing leaves it. Set AI_BASE_URL, AI_API_KEY and AI_MODEL to use one."}
        </p>
      </div>
      <section aria-labelledby="switches" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="switches" className="mb-3 font-semibold">
          Switches
        </h2>
        <AssistantSettingsForm initial={settings} endpointConfigured={endpoint !== null} />
      </section>
      <section aria-labelledby="requests" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="requests" className="mb-3 font-semibold">
          Requests sent to the AI endpoint
        </h2>
        {requests.length === 0 ? (
          <p className="text-sm text-slate-500">No request has left this server.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="endpoint-requests">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th className="py-1 pr-4">When (UTC)</th>
                  <th className="pr-4">Who</th>
                  <th className="pr-4">Postmortem</th>
                  <th className="pr-4">Purpose</th>
                  <th className="pr-4">Model</th>
                  <th className="pr-4">Tokens in / out</th>
                  <th className="pr-4">Outcome</th>
                  <th>Sent</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {requests.map((r) => (
                  <tr key={r.at + r.detail.postmortemId} className="align-top">
                    <td className="py-1 pr-4 whitespace-nowrap">{formatUtcDateTime(new Date(r.at))}</td>
                    <td className="pr-4">{r.userName ?? "—"}</td>
                    <td className="pr-4 font-mono text-xs">{r.detail.postmortemId}</td>
                    <td className="pr-4">{r.detail.purpose}</td>
                    <td className="pr-4">{r.detail.model}</td>
                    <td className="pr-4">
                      {r.detail.usage?.inputTokens ?? "?"} / {r.detail.usage?.outputTokens ?? "?"}
                    </td>
                    <td className="pr-4">{r.detail.outcome === "ok" ? "OK" : r.detail.error}</td>
                    <td>
                      <details>
                        <summary className="cursor-pointer">{r.detail.sent.prompt.length.toLocaleString("en-GB")} characters</summary>
                        <pre className="mt-1 max-h-64 max-w-xl overflow-auto whitespace-pre-wrap text-xs">{r.detail.sent.prompt}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
