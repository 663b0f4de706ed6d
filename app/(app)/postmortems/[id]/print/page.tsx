import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getPostmortemDocument } from "@/lib/data/postmortem-document";
import { AppError } from "@/lib/errors";
import { PrintDocument } from "@/components/postmortem/print-document";
import { PrintButton } from "@/components/postmortem/print-button";

export const metadata: Metadata = { title: "Print postmortem" };

// A4 pages with the app's chrome hidden (the header is .no-print); kept here because only this page prints.
const PRINT_CSS = `@page { size: A4; margin: 15mm; }
@media print { main#main { padding: 0; max-width: none; } }`;

export default async function PrintPostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const doc = await getPostmortemDocument(user, id).catch((error) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <style>{PRINT_CSS}</style>
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link href={`/postmortems/${doc.id}`} className="text-sm text-brand-700 underline">
          Back to the postmortem
        </Link>
        <PrintButton />
      </div>
      <PrintDocument doc={doc} />
    </div>
  );
}
