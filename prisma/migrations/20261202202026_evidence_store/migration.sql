-- CreateEnum
CREATE TYPE "EvidenceStorage" AS ENUM ('PENDING', 'STORED', 'TOO_LARGE', 'REFUSED', 'BLOCKED', 'FAILED');

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "sha256" TEXT,
ADD COLUMN     "storageDetail" TEXT,
ADD COLUMN     "storageKey" TEXT,
ADD COLUMN     "storageLimitBytes" INTEGER,
ADD COLUMN     "storageStatus" "EvidenceStorage",
ADD COLUMN     "storedAt" TIMESTAMP(3),
ADD COLUMN     "storedContentType" TEXT,
ADD COLUMN     "storedSize" INTEGER;

-- CreateIndex
CREATE INDEX "Evidence_storageStatus_createdAt_idx" ON "Evidence"("storageStatus", "createdAt");

-- Files logged before the attachment store existed: download them too (the maintenance round queues them).
UPDATE "Evidence" SET "storageStatus" = 'PENDING'
WHERE "kind" IN ('FILE', 'PHOTO') AND "externalFileId" IS NOT NULL AND "platform" IN ('TELEGRAM', 'SLACK');
