-- CreateEnum
CREATE TYPE "FinalEvaluation" AS ENUM ('TAHUNAN', 'PERIODE_AKHIR');

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "finalEvaluation" "FinalEvaluation" NOT NULL DEFAULT 'TAHUNAN';
