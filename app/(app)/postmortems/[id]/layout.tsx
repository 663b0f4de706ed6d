import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isPostmortemVisible } from "@/lib/data/access";

/**
 * Decides "not found" before anything streams: the loading state sits below this layout, so a hidden or
 * missing postmortem answers HTTP 404 rather than a 200 page that later says "Not found".
 */
export default async function PostmortemLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const [user, { id }] = await Promise.all([requireUser(), params]);
  if (!(await isPostmortemVisible(user, id))) notFound();
  return children;
}
