-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('pending', 'approved', 'refused', 'revoked');

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "territoryCode" TEXT NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'pending',
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedBy" TEXT,
    "decidedVia" TEXT,
    "decidedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantBinding" (
    "tenantId" TEXT NOT NULL,
    "territoryCode" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantBinding_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE INDEX "Membership_territoryCode_status_idx" ON "Membership"("territoryCode", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_memberId_territoryCode_key" ON "Membership"("memberId", "territoryCode");

-- CreateIndex
CREATE INDEX "TenantBinding_territoryCode_idx" ON "TenantBinding"("territoryCode");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: until now a territory was self-declared. Whoever wrote answers of the application of a territory is approved
-- for that territory (nothing they answered becomes unreachable). Every other declared territory becomes a pending claim.
-- (No semicolon in these comments: on PostgreSQL the script is split on semicolons, comments included.)
INSERT INTO "Membership" ("id", "memberId", "territoryCode", "status", "claimedAt", "decidedBy", "decidedVia", "decidedAt", "updatedAt")
SELECT gen_random_uuid()::text, m."id", a."territoryCode", 'approved', MIN(a."createdAt"), 'migration', 'migration', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "Application" a
JOIN "Member" m ON m."teamsUserId" = ANY (a."authors")
GROUP BY m."id", a."territoryCode";

INSERT INTO "Membership" ("id", "memberId", "territoryCode", "status", "claimedAt", "updatedAt")
SELECT gen_random_uuid()::text, m."id", m."territoryCode", 'pending', m."updatedAt", CURRENT_TIMESTAMP
FROM "Member" m
WHERE m."territoryCode" IS NOT NULL
ON CONFLICT ("memberId", "territoryCode") DO NOTHING;
