import type { ReactNode } from "react";

const TONES = {
  /** A table that is a page's main content, in its own bordered panel. */
  panel: { head: "bg-slate-50", cell: "px-3 py-2" },
  /** A table inside a document section or card. */
  plain: { head: "border-b border-slate-200", cell: "px-2 py-2" },
} as const;

/** A column whose header cell needs its own width or alignment. */
export type SizedColumn = { head: ReactNode; className: string };
type Column = ReactNode | SizedColumn;

const isSized = (c: Column): c is SizedColumn => typeof c === "object" && c !== null && "head" in c && "className" in c;

/**
 * The header row of a data table: one `<th scope="col">` per column, in the house style (small
 * uppercase labels). Columns that are `null` or `false` (shown only to some people) are left out.
 */
export function ColumnHeads({ columns, tone = "panel" }: { columns: (Column | null | false)[]; tone?: keyof typeof TONES }) {
  const style = TONES[tone];
  return (
    <thead className={`${style.head} text-left text-xs font-semibold uppercase tracking-wide text-slate-600`}>
      <tr>
        {columns
          .filter((c) => c !== null && c !== false)
          .map((column, i) => (
            <th key={i} scope="col" className={isSized(column) ? `${style.cell} ${column.className}` : style.cell}>
              {isSized(column) ? column.head : column}
            </th>
          ))}
      </tr>
    </thead>
  );
}
