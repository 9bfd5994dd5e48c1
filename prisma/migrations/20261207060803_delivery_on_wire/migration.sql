-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'claimed';

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "resentAfterCrash" BOOLEAN NOT NULL DEFAULT false;
