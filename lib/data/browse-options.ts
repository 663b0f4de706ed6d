import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { listTags, type TagCount } from "@/lib/data/tags";

export type BrowseOptions = {
  teams: { id: string; name: string }[];
  people: { id: string; name: string }[];
  tags: TagCount[];
};

/** Choices for the filter forms: teams, active people (facilitators and owners), tags in use. */
export async function browseOptions(actor: Actor): Promise<BrowseOptions> {
  const db = getDb();
  const [teams, people, tags] = await Promise.all([
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.user.findMany({ where: { disabled: false }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    listTags(actor),
  ]);
  return { teams, people, tags };
}
