-- AlterTable
ALTER TABLE "Agency" DROP COLUMN "objectionDays";
