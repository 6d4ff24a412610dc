-- CreateEnum
CREATE TYPE "PlanSource" AS ENUM ('CHAT', 'IMPORT');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "documentNumber" TEXT,
ADD COLUMN     "establishedOn" DATE,
ADD COLUMN     "source" "PlanSource" NOT NULL DEFAULT 'CHAT';
