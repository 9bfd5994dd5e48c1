-- CreateEnum
CREATE TYPE "ListImportStatus" AS ENUM ('pending', 'imported', 'discarded');

-- CreateTable
CREATE TABLE "ListImport" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "edition" INTEGER,
    "source" TEXT,
    "picks" JSONB NOT NULL DEFAULT '{}',
    "status" "ListImportStatus" NOT NULL DEFAULT 'pending',
    "summary" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ListImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ListImport_memberId_status_idx" ON "ListImport"("memberId", "status");
