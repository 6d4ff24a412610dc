-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "evaluationClosesDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "evaluationOpensDays" INTEGER NOT NULL DEFAULT 14;
