import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listMyActions } from "@/lib/data/actions";
import { MyActionsTable } from "@/components/actions/my-actions-table";

export const metadata: Metadata = { title: "My actions" };

export default async function MyActionsPage() {
  const user = await requireUser();
  const actions = await listMyActions(user);
  const open = actions.filter((a) => a.status === "OPEN" || a.status === "IN_PROGRESS").length;
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">My actions</h1>
        <p className="text-sm text-slate-600">
          Corrective actions you own across all postmortems: {open} open{overdue > 0 ? `, ${overdue} overdue` : ""}. Overdue ones come
          first.
        </p>
      </header>
      <MyActionsTable actions={actions} />
    </div>
  );
}
