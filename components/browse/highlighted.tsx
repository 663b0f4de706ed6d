import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/data/highlight";

/** Renders a search snippet as text, with the matched words in <mark>: no HTML from the database. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const end = part.indexOf(HIGHLIGHT_END);
        if (end < 0) return <span key={i}>{part}</span>;
        return (
          <span key={i}>
            <mark className="rounded bg-yellow-100 px-0.5 text-slate-900">{part.slice(0, end)}</mark>
            {part.slice(end + 1)}
          </span>
        );
      })}
    </>
  );
}
