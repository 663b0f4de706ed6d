import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import type { UserOption } from "@/lib/data/users";

/** What every section form of the document page receives from the server page. */
export type SectionProps = {
  doc: PostmortemDocument;
  users: UserOption[];
  canEdit: boolean;
};
