import type { PostmortemDocument } from "@/lib/data/postmortem-document";
import type { UserOption } from "@/lib/data/users";
import type { ExternalReleaseDto } from "@/lib/data/external-summary";

/** What every section form of the document page receives from the server page. */
export type SectionProps = {
  doc: PostmortemDocument;
  users: UserOption[];
  canEdit: boolean;
  /** The external summary's approved release and public link. */
  externalRelease?: ExternalReleaseDto;
};
