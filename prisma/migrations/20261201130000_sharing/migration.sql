-- Sharing and follow-up: the three-part external summary and its approved release, distribution list,
-- documentation checklist, notifications and their preferences, team webhooks, tracker tickets.

CREATE TYPE "TrackerKind" AS ENUM ('JIRA', 'LINEAR');
CREATE TYPE "WebhookFormat" AS ENUM ('SLACK', 'JSON');
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

ALTER TABLE "Postmortem"
    ADD COLUMN "externalWhatWeDid" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "externalPrevention" TEXT NOT NULL DEFAULT '';

ALTER TABLE "CorrectiveAction"
    ADD COLUMN "trackerKind" "TrackerKind",
    ADD COLUMN "trackerKey" TEXT,
    ADD COLUMN "trackerUrl" TEXT,
    ADD COLUMN "trackerStatus" TEXT,
    ADD COLUMN "trackerSyncedAt" TIMESTAMP(3);

CREATE TABLE "ExternalSummaryRelease" (
    "postmortemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "whatWeDid" TEXT NOT NULL,
    "prevention" TEXT NOT NULL,
    "incidentDate" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "customerImpact" "ImpactLevel",
    "approvedAt" TIMESTAMP(3) NOT NULL,
    "approvedById" TEXT,
    "publicToken" TEXT,
    "publishedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "indexable" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ExternalSummaryRelease_pkey" PRIMARY KEY ("postmortemId")
);
CREATE UNIQUE INDEX "ExternalSummaryRelease_publicToken_key" ON "ExternalSummaryRelease"("publicToken");
ALTER TABLE "ExternalSummaryRelease" ADD CONSTRAINT "ExternalSummaryRelease_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TeamMember" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId", "userId")
);
CREATE INDEX "TeamMember_userId_idx" ON "TeamMember"("userId");
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DistributionEntry" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "teamId" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DistributionEntry_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DistributionEntry_postmortemId_teamId_key" ON "DistributionEntry"("postmortemId", "teamId");
CREATE UNIQUE INDEX "DistributionEntry_postmortemId_userId_key" ON "DistributionEntry"("postmortemId", "userId");
ALTER TABLE "DistributionEntry" ADD CONSTRAINT "DistributionEntry_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DistributionEntry" ADD CONSTRAINT "DistributionEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DistributionEntry" ADD CONSTRAINT "DistributionEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DocumentationUpdate" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "link" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentationUpdate_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DocumentationUpdate_postmortemId_idx" ON "DocumentationUpdate"("postmortemId");
ALTER TABLE "DocumentationUpdate" ADD CONSTRAINT "DocumentationUpdate_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DocumentationUpdate" ADD CONSTRAINT "DocumentationUpdate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "postmortemId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "emailWanted" BOOLEAN NOT NULL DEFAULT false,
    "emailedAt" TIMESTAMP(3),
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId", "kind")
);
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "NotificationCursor" (
    "postmortemId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "NotificationCursor_pkey" PRIMARY KEY ("postmortemId")
);
-- History written before notifications existed is not announced again.
INSERT INTO "NotificationCursor" ("postmortemId", "seq", "updatedAt") SELECT "id", "seq", now() FROM "Postmortem";

CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "format" "WebhookFormat" NOT NULL,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Webhook_teamId_idx" ON "Webhook"("teamId");
ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),
    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TrackerConnection" (
    "kind" "TrackerKind" NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "email" TEXT NOT NULL DEFAULT '',
    "token" TEXT NOT NULL,
    "project" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "TrackerConnection_pkey" PRIMARY KEY ("kind")
);
