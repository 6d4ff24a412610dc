-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PlanStatus" ADD VALUE 'SUBMITTED';
ALTER TYPE "PlanStatus" ADD VALUE 'RETURNED';

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "accountability" TEXT,
ADD COLUMN     "consequences" TEXT,
ADD COLUMN     "establishedById" TEXT,
ADD COLUMN     "recordedForOfficialId" TEXT,
ADD COLUMN     "resourceSupport" TEXT,
ADD COLUMN     "returnNote" TEXT;
