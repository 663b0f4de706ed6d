import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { signupState } from "@/lib/data/users";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  const { open } = await signupState();
  return (
    <>
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      {open ? (
        <p className="mt-4 text-center text-sm text-slate-600">
          No account yet?{" "}
          <Link href="/register" className="font-medium text-brand-600 hover:underline">
            Create one
          </Link>
        </p>
      ) : (
        <p className="mt-4 text-center text-xs text-slate-500">Accounts are created by an administrator.</p>
      )}
    </>
  );
}
