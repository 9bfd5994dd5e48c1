-- CreateEnum
CREATE TYPE "TerritoryKind" AS ENUM ('commune', 'epci');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('elu', 'agent', 'acteur');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "AnnouncementStatus" AS ENUM ('draft', 'queued', 'sending', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'uncertain', 'cancelled');

-- CreateTable
CREATE TABLE "Edition" (
    "number" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Edition_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" SERIAL NOT NULL,
    "territoryCode" TEXT NOT NULL,
    "territoryKind" "TerritoryKind" NOT NULL,
    "editionNumber" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "mentions" TEXT[],
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "teamsUserId" TEXT NOT NULL,
    "aadObjectId" TEXT,
    "tenantId" TEXT,
    "name" TEXT,
    "conversationId" TEXT,
    "conversationReference" JSONB,
    "territoryCode" TEXT,
    "role" "MemberRole",
    "locale" TEXT NOT NULL DEFAULT 'fr-FR',
    "subscribed" BOOLEAN NOT NULL DEFAULT true,
    "filterDepartements" TEXT[],
    "filterRegions" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "territoryCode" TEXT NOT NULL,
    "editionNumber" INTEGER NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "currentStep" TEXT,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "updatedBy" TEXT,
    "authors" TEXT[],
    "reference" TEXT,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" TEXT NOT NULL,
    "editionNumber" INTEGER NOT NULL,
    "status" "AnnouncementStatus" NOT NULL DEFAULT 'draft',
    "content" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "statusCardRef" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "announcementId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BotState" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "etag" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BotState_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Edition_year_key" ON "Edition"("year");

-- CreateIndex
CREATE INDEX "Award_editionNumber_level_idx" ON "Award"("editionNumber", "level");

-- CreateIndex
CREATE UNIQUE INDEX "Award_territoryCode_editionNumber_key" ON "Award"("territoryCode", "editionNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Member_teamsUserId_key" ON "Member"("teamsUserId");

-- CreateIndex
CREATE INDEX "Member_territoryCode_idx" ON "Member"("territoryCode");

-- CreateIndex
CREATE INDEX "Member_aadObjectId_idx" ON "Member"("aadObjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_reference_key" ON "Application"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Application_territoryCode_editionNumber_key" ON "Application"("territoryCode", "editionNumber");

-- CreateIndex
CREATE INDEX "Delivery_status_nextAttemptAt_idx" ON "Delivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_announcementId_memberId_key" ON "Delivery"("announcementId", "memberId");

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_editionNumber_fkey" FOREIGN KEY ("editionNumber") REFERENCES "Edition"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_editionNumber_fkey" FOREIGN KEY ("editionNumber") REFERENCES "Edition"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_editionNumber_fkey" FOREIGN KEY ("editionNumber") REFERENCES "Edition"("number") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
