import Link from "next/link";
import type { ActionGroup } from "@/lib/data/overview";

/** Open and overdue corrective actions per team or owner, each row opening the tracker filtered to it. */
export function ActionGroups({
  caption,
  groups,
  param,
  none,
}: {
  caption: string;
  groups: ActionGroup[];
  param: "teamId" | "ownerId";
  none: string;
}) {
  if (groups.length === 0) return null;
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">Open</th>
          <th scope="col">Overdue</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.id ?? "none"} className="border-t border-slate-100">
            <td className="py-1">
              <Link href={`/tracker?${g.id ? `${param}=${g.id}` : `${param}=none`}`} className="text-brand-700 hover:underline">
                {g.name ?? none}
              </Link>
            </td>
            <td className="py-1 text-right">{g.open} open</td>
            <td className={`py-1 text-right ${g.overdue > 0 ? "font-medium text-red-700" : "text-slate-500"}`}>{g.overdue} overdue</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
