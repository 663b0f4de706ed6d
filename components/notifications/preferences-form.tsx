"use client";

import { useState } from "react";
import { setPreferenceAction } from "@/app/(app)/notifications/actions";
import type { Preference } from "@/lib/data/inbox";
import { Alert } from "@/components/ui/alert";
import { useServerCall } from "@/components/sharing/use-server-call";
import { ColumnHeads } from "@/components/ui/table";

/** One row per kind; each box saves as it is ticked. */
export function PreferencesForm({ preferences, emailEnabled }: { preferences: Preference[]; emailEnabled: boolean }) {
  const [rows, setRows] = useState(preferences);
  const { error, run } = useServerCall();
  const [saved, setSaved] = useState(false);
  async function change(kind: Preference["kind"], field: "inApp" | "email", value: boolean) {
    const next = rows.map((r) => (r.kind === kind ? { ...r, [field]: value } : r));
    const row = next.find((r) => r.kind === kind)!;
    setRows(next);
    setSaved(false);
    const ok = await run(() => setPreferenceAction({ kind, inApp: row.inApp, email: row.email }));
    if (ok) setSaved(true);
    else setRows(rows);
  }
  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {!emailEnabled ? (
        <Alert tone="info">Email is not set up on this server yet (SMTP_URL); your email choices apply once it is.</Alert>
      ) : null}
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <ColumnHeads tone="panel" columns={["When", "In the inbox", "By email"]} />
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.kind}>
              <th scope="row" className="px-4 py-2 text-left font-normal text-slate-800">
                {r.label}
              </th>
              <td className="px-4 py-2">
                <input
                  type="checkbox"
                  className="size-4"
                  aria-label={`${r.label} in the inbox`}
                  checked={r.inApp}
                  onChange={(e) => change(r.kind, "inApp", e.target.checked)}
                />
              </td>
              <td className="px-4 py-2">
                <input
                  type="checkbox"
                  className="size-4"
                  aria-label={`${r.label} by email`}
                  checked={r.email}
                  onChange={(e) => change(r.kind, "email", e.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" className="text-sm text-green-700">
        {saved ? "Saved" : ""}
      </p>
    </div>
  );
}
