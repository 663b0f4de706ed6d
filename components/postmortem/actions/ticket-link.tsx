import { isHttpUrl } from "@/lib/validations/actions";

/** A ticket key as text, or an http(s) ticket URL as an external link; other schemes never become links. */
export function TicketLink({ ticket }: { ticket: string }) {
  if (!ticket) return <span className="text-slate-400">—</span>;
  if (!isHttpUrl(ticket)) return <span className="font-mono text-xs">{ticket}</span>;
  return (
    <a href={ticket} target="_blank" rel="noopener noreferrer" className="break-all text-brand-700 underline hover:text-brand-600">
      {ticket.replace(/^https?:\/\//, "")}
    </a>
  );
}
