"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { AssistantSettings } from "@/lib/data/assistant";
import { updateAssistantSettingsAction } from "@/app/(app)/admin/assistant/actions";

/** Two switches, saved as soon as they change; a refused save puts the switch back and says why. */
export function AssistantSettingsForm({ initial, endpointConfigured }: { initial: AssistantSettings; endpointConfigured: boolean }) {
  const [settings, setSettings] = useState(initial);
  const [state, setState] = useState<{ saving: boolean; message: string | null; error: string | null }>({
    saving: false,
    message: null,
    error: null,
  });

  async function change(next: AssistantSettings) {
    const previous = settings;
    setSettings(next);
    setState({ saving: true, message: null, error: null });
    const result = await updateAssistantSettingsAction({
      enabled: next.enabled,
      allowRestrictedExternal: next.allowRestrictedExternal,
    }).catch(() => null);
    if (result?.ok) return setState({ saving: false, message: "Saved.", error: null });
    setSettings(previous);
    setState({ saving: false, message: null, error: result ? result.message : "The server could not be reached; nothing was saved." });
  }

  return (
    <div className="space-y-3">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={settings.enabled}
          disabled={state.saving}
          onChange={(e) => void change({ ...settings, enabled: e.target.checked })}
        />
        <span>
          <span className="font-medium">Assistant on</span>
          <br />
          <span className="text-slate-600">
            When off, nobody can draft from material or accept drafted proposals, and no request goes to the AI endpoint.
          </span>
        </span>
      </label>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={settings.allowRestrictedExternal}
          disabled={state.saving || !endpointConfigured}
          onChange={(e) => void change({ ...settings, allowRestrictedExternal: e.target.checked })}
        />
        <span>
          <span className="font-medium">Send restricted postmortems to the AI endpoint</span>
          <br />
          <span className="text-slate-600">
            Off by default: restricted postmortems are drafted by the built-in extractor and their material stays on this server.
          </span>
        </span>
      </label>
      <p aria-live="polite" className="text-sm text-green-700">
        {state.message}
      </p>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
    </div>
  );
}
