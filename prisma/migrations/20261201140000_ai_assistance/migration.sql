-- AI assistance: where a change came from (assistant drafts accepted by a person) and the assistant's switches.
ALTER TABLE "DocEvent" ADD COLUMN "origin" TEXT;

CREATE TABLE "AssistantSetting" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allowRestrictedExternal" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssistantSetting_pkey" PRIMARY KEY ("id")
);
