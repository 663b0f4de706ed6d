import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Downloads of the document (Markdown in the template's layout, JSON for tools) and the print view. */
export function ExportLinks({ postmortemId, children }: { postmortemId: string; children?: React.ReactNode }) {
  const small = `${buttonClass("secondary", "sm")} no-print`;
  return (
    <span className="ml-auto flex flex-wrap gap-2" data-testid="export-links">
      {children}
      <a href={`/api/postmortems/${postmortemId}/export/md`} download className={small}>
        Download Markdown
      </a>
      <a href={`/api/postmortems/${postmortemId}/export/json`} download className={small}>
        Download JSON
      </a>
      <Link href={`/postmortems/${postmortemId}/print`} className={small}>
        Print view
      </Link>
    </span>
  );
}
