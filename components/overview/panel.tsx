import type { ReactNode } from "react";
import Link from "next/link";

export function Panel({
  title,
  href,
  linkLabel,
  testId,
  children,
}: {
  title: string;
  href?: string;
  linkLabel?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={`${testId}-title`} className="font-semibold">
          {title}
        </h2>
        {href ? (
          <Link href={href} className="text-sm text-brand-600 hover:underline">
            {linkLabel ?? "See all"}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}

export function Stat({ label, value, tone = "slate", href }: { label: string; value: number; tone?: "slate" | "red"; href: string }) {
  return (
    <Link href={href} className="block rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50">
      <div className={`text-2xl font-semibold ${tone === "red" && value > 0 ? "text-red-700" : "text-slate-900"}`}>
        {value.toLocaleString("en-GB")}
      </div>
      <div className="text-xs text-slate-600">{label}</div>
    </Link>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}
