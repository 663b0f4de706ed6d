import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { Alert } from "@/components/ui/alert";
import { signupState } from "@/lib/data/users";

export const metadata = { title: "Create account" };

export default async function RegisterPage() {
  const { open, firstAccount } = await signupState();
  if (!open) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Registration is closed</h1>
        <Alert tone="info">Ask an administrator to create your account.</Alert>
        <Link href="/sign-in" className="text-sm font-medium text-brand-600 hover:underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <>
      <RegisterForm firstAccount={firstAccount} />
      <p className="mt-4 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
