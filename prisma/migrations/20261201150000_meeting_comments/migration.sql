-- Review meetings (one per postmortem) and threaded comments.
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "currentItem" TEXT NOT NULL,
    "itemStartedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "attendees" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Meeting_postmortemId_key" ON "Meeting"("postmortemId");
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Comment_postmortemId_anchor_idx" ON "Comment"("postmortemId", "anchor");
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");
CREATE INDEX "Comment_resolvedById_idx" ON "Comment"("resolvedById");
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
