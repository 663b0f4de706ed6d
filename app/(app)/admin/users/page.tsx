import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { canOrg } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/data/users";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { UserRow } from "@/components/admin/user-row";
import { ColumnHeads } from "@/components/ui/table";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireUser();
  if (!canOrg(actor, "manageUsers")) notFound();
  const users = await listUsers(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-sm text-slate-600">
          Admins manage accounts. Members create and edit postmortems they take part in; viewers read. Disabling someone ends their sessions
          at once.
        </p>
      </div>
      <section aria-labelledby="create-user" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="create-user" className="mb-3 font-semibold">
          Create an account
        </h2>
        <CreateUserForm />
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="users-table">
          <ColumnHeads
            tone="panel"
            columns={[
              "Name",
              "Email",
              "Role",
              "Status",
              <span key="actions" className="sr-only">
                Actions
              </span>,
            ]}
          />
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <UserRow key={u.id} user={u} isSelf={u.id === actor.id} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
