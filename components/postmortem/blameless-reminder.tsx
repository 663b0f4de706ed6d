import { BLAMELESS_REMINDER } from "@/lib/domain/template";

export function BlamelessReminder() {
  return (
    <aside
      aria-labelledby="blameless-title"
      data-testid="blameless-reminder"
      className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900 print:border-slate-300 print:bg-white"
    >
      <p id="blameless-title" className="font-semibold">
        {BLAMELESS_REMINDER.title}
      </p>
      <p className="mt-1">{BLAMELESS_REMINDER.text}</p>
    </aside>
  );
}
