-- CreateEnum
CREATE TYPE "MemberKind" AS ENUM ('person', 'channel');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "kind" "MemberKind" NOT NULL DEFAULT 'person',
ADD COLUMN     "teamId" TEXT;

-- CreateIndex
CREATE INDEX "Member_kind_active_idx" ON "Member"("kind", "active");
