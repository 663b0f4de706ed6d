-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('ADMIN', 'MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "PostmortemStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "SlaBreached" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('FACILITATOR', 'ATTENDEE', 'LEADERSHIP_OBSERVER', 'OBSERVER');

-- CreateEnum
CREATE TYPE "Milestone" AS ENUM ('FIRST_OCCURRENCE', 'DETECTED', 'ACKNOWLEDGED', 'DIAGNOSED', 'MITIGATED', 'RESOLVED', 'ROOT_CAUSE_CONFIRMED', 'POSTMORTEM_SCHEDULED');

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('NOTE', 'ALERT', 'USER_REPORT', 'MODEL_DEPLOY', 'PROMPT_CHANGE', 'EVAL_REGRESSION', 'DRIFT_ALERT', 'VENDOR_MODEL_UPDATE', 'CONFIG_CHANGE', 'MITIGATION', 'COMMUNICATION');

-- CreateEnum
CREATE TYPE "RootCauseCategory" AS ENUM ('TECHNICAL', 'PROCESS', 'ORGANISATIONAL');

-- CreateEnum
CREATE TYPE "FactorCategory" AS ENUM ('TECHNICAL', 'PROCESS', 'HUMAN');

-- CreateEnum
CREATE TYPE "AiCauseKind" AS ENUM ('MODEL_DRIFT', 'DATA_QUALITY', 'PROMPT_CHANGE', 'MODEL_UPDATE', 'ADVERSARIAL_INPUT', 'HALLUCINATION', 'RATE_LIMITING', 'CONTEXT_WINDOW', 'INTEGRATION_FAILURE', 'INFRASTRUCTURE');

-- CreateEnum
CREATE TYPE "ImpactLevel" AS ENUM ('HIGH', 'MEDIUM', 'LOW', 'NONE');

-- CreateEnum
CREATE TYPE "ActionHorizon" AS ENUM ('IMMEDIATE', 'SHORT_TERM', 'LONG_TERM');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'WONT_DO');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "OrgRole" NOT NULL DEFAULT 'MEMBER',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "kind" TEXT NOT NULL,
    "detail" JSONB,
    "ip" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Postmortem" (
    "id" TEXT NOT NULL,
    "incidentKey" TEXT NOT NULL,
    "incidentName" TEXT NOT NULL,
    "incidentDate" TIMESTAMP(3) NOT NULL,
    "meetingDate" TIMESTAMP(3),
    "severity" "Severity" NOT NULL,
    "status" "PostmortemStatus" NOT NULL DEFAULT 'DRAFT',
    "teamId" TEXT,
    "facilitatorId" TEXT,
    "createdById" TEXT NOT NULL,
    "restricted" BOOLEAN NOT NULL DEFAULT false,
    "customerFacing" BOOLEAN NOT NULL DEFAULT false,
    "externalSummary" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "usersAffected" INTEGER,
    "requestsAffected" INTEGER,
    "revenueImpactMinor" BIGINT,
    "revenueCurrency" TEXT NOT NULL DEFAULT 'GBP',
    "slaBreached" "SlaBreached" NOT NULL DEFAULT 'UNKNOWN',
    "detectOverrideMin" INTEGER,
    "acknowledgeOverrideMin" INTEGER,
    "mitigateOverrideMin" INTEGER,
    "resolveOverrideMin" INTEGER,
    "durationOverrideMin" INTEGER,
    "detectNotApplicable" BOOLEAN NOT NULL DEFAULT false,
    "acknowledgeNotApplicable" BOOLEAN NOT NULL DEFAULT false,
    "mitigateNotApplicable" BOOLEAN NOT NULL DEFAULT false,
    "resolveNotApplicable" BOOLEAN NOT NULL DEFAULT false,
    "durationNotApplicable" BOOLEAN NOT NULL DEFAULT false,
    "problemStatement" TEXT NOT NULL DEFAULT '',
    "rootCause" TEXT NOT NULL DEFAULT '',
    "rootCauseCategory" "RootCauseCategory",
    "lessonsWentWell" TEXT NOT NULL DEFAULT '',
    "lessonsCouldImprove" TEXT NOT NULL DEFAULT '',
    "lessonsDoDifferently" TEXT NOT NULL DEFAULT '',
    "aiProvider" TEXT NOT NULL DEFAULT '',
    "aiModel" TEXT NOT NULL DEFAULT '',
    "aiPromptVersion" TEXT NOT NULL DEFAULT '',
    "aiGuardrails" TEXT NOT NULL DEFAULT '',
    "aiDataSnapshot" TEXT NOT NULL DEFAULT '',
    "evalScoreBefore" DECIMAL(7,3),
    "evalScoreAfter" DECIMAL(7,3),
    "seq" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Postmortem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "role" "ParticipantRole" NOT NULL DEFAULT 'ATTENDEE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimelineEntry" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "event" TEXT NOT NULL DEFAULT '',
    "actor" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "milestone" "Milestone",
    "kind" "EventKind" NOT NULL DEFAULT 'NOTE',
    "orderKey" DOUBLE PRECISION NOT NULL,
    "clientMutationId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WhyStep" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "clientMutationId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "WhyStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributingFactor" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "category" "FactorCategory" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ContributingFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiCause" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "kind" "AiCauseKind" NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AiCause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactAssessment" (
    "postmortemId" TEXT NOT NULL,
    "customerLevel" "ImpactLevel",
    "customerDetail" TEXT NOT NULL DEFAULT '',
    "revenueDetail" TEXT NOT NULL DEFAULT '',
    "reputationalLevel" "ImpactLevel",
    "reputationalDetail" TEXT NOT NULL DEFAULT '',
    "dataSecurityLevel" "ImpactLevel",
    "dataSecurityDetail" TEXT NOT NULL DEFAULT '',
    "complianceLevel" "ImpactLevel",
    "complianceDetail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ImpactAssessment_pkey" PRIMARY KEY ("postmortemId")
);

-- CreateTable
CREATE TABLE "CorrectiveAction" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "horizon" "ActionHorizon" NOT NULL,
    "action" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "deadline" DATE,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',
    "wontDoReason" TEXT NOT NULL DEFAULT '',
    "ticket" TEXT NOT NULL DEFAULT '',
    "completedAt" TIMESTAMP(3),
    "clientMutationId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "CorrectiveAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocEvent" (
    "id" TEXT NOT NULL,
    "postmortemId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "actorId" TEXT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "field" TEXT,
    "before" JSONB,
    "after" JSONB,
    "clientMutationId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Postmortem_incidentKey_key" ON "Postmortem"("incidentKey");

-- CreateIndex
CREATE INDEX "Postmortem_teamId_incidentDate_idx" ON "Postmortem"("teamId", "incidentDate");

-- CreateIndex
CREATE INDEX "Postmortem_severity_incidentDate_idx" ON "Postmortem"("severity", "incidentDate");

-- CreateIndex
CREATE INDEX "Postmortem_status_incidentDate_idx" ON "Postmortem"("status", "incidentDate");

-- CreateIndex
CREATE INDEX "Postmortem_incidentDate_idx" ON "Postmortem"("incidentDate");

-- CreateIndex
CREATE INDEX "Postmortem_deletedAt_idx" ON "Postmortem"("deletedAt");

-- CreateIndex
CREATE INDEX "Participant_userId_idx" ON "Participant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_postmortemId_userId_key" ON "Participant"("postmortemId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "TimelineEntry_clientMutationId_key" ON "TimelineEntry"("clientMutationId");

-- CreateIndex
CREATE INDEX "TimelineEntry_postmortemId_orderKey_idx" ON "TimelineEntry"("postmortemId", "orderKey");

-- CreateIndex
CREATE UNIQUE INDEX "WhyStep_clientMutationId_key" ON "WhyStep"("clientMutationId");

-- CreateIndex
CREATE INDEX "WhyStep_postmortemId_position_idx" ON "WhyStep"("postmortemId", "position");

-- CreateIndex
CREATE INDEX "ContributingFactor_postmortemId_position_idx" ON "ContributingFactor"("postmortemId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AiCause_postmortemId_kind_key" ON "AiCause"("postmortemId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "CorrectiveAction_clientMutationId_key" ON "CorrectiveAction"("clientMutationId");

-- CreateIndex
CREATE INDEX "CorrectiveAction_ownerId_status_deadline_idx" ON "CorrectiveAction"("ownerId", "status", "deadline");

-- CreateIndex
CREATE INDEX "CorrectiveAction_status_deadline_idx" ON "CorrectiveAction"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "CorrectiveAction_postmortemId_number_key" ON "CorrectiveAction"("postmortemId", "number");

-- CreateIndex
CREATE INDEX "DocEvent_actorId_idx" ON "DocEvent"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "DocEvent_postmortemId_seq_key" ON "DocEvent"("postmortemId", "seq");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postmortem" ADD CONSTRAINT "Postmortem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimelineEntry" ADD CONSTRAINT "TimelineEntry_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WhyStep" ADD CONSTRAINT "WhyStep_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributingFactor" ADD CONSTRAINT "ContributingFactor_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiCause" ADD CONSTRAINT "AiCause_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactAssessment" ADD CONSTRAINT "ImpactAssessment_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocEvent" ADD CONSTRAINT "DocEvent_postmortemId_fkey" FOREIGN KEY ("postmortemId") REFERENCES "Postmortem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocEvent" ADD CONSTRAINT "DocEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Managers' full-text search. Kept out of schema.prisma on purpose: Prisma cannot model a generated
-- tsvector column, so it is read only through tagged-template $queryRaw.
ALTER TABLE "Postmortem" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce("incidentKey",'') || ' ' || coalesce("incidentName",'') || ' ' || coalesce("summary",'') || ' ' || coalesce("problemStatement",'') || ' ' || coalesce("rootCause",'') || ' ' || coalesce("lessonsWentWell",'') || ' ' || coalesce("lessonsCouldImprove",'') || ' ' || coalesce("lessonsDoDifferently",'') || ' ' || coalesce("aiProvider",'') || ' ' || coalesce("aiModel",''))) STORED;

-- CreateIndex
CREATE INDEX "Postmortem_searchVector_idx" ON "Postmortem" USING GIN ("searchVector");
