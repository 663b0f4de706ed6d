import Link from "next/link";
import { countActiveDemoAccounts, DEMO_PASSWORD } from "@/lib/data/seed";
import type { SessionUser } from "@/lib/auth/session";

/** Makes it obvious that this instance still has the demo accounts, whose password is published. */
export async function DemoAccountsBanner({ user }: { user: SessionUser }) {
  const count = await countActiveDemoAccounts();
  if (count === 0) return null;
  return (
    <div
      role="note"
      className="no-print border-b border-amber-200 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900"
      data-testid="demo-banner"
    >
      Demo data: {count} demo {count === 1 ? "account is" : "accounts are"} active with the published password “{DEMO_PASSWORD}”.{" "}
      {user.role === "ADMIN" ? (
        <Link href="/admin/users" className="font-medium underline">
          Disable them or reset their passwords
        </Link>
      ) : (
        "Do not record real incidents here until an administrator replaces them."
      )}
    </div>
  );
}
