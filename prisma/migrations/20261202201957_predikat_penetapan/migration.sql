-- AlterEnum
ALTER TYPE "EvaluationStatus" ADD VALUE 'PROPOSED';

-- AlterTable
ALTER TABLE "Agency" ADD COLUMN     "distributionLevel" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "penetapanId" TEXT,
ADD COLUMN     "proposedAt" TIMESTAMP(3),
ADD COLUMN     "returnNote" TEXT;

-- CreateTable
CREATE TABLE "PredikatPenetapan" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "unitPredikat" "UnitPredikatLevel" NOT NULL,
    "establishedById" TEXT,
    "recordedById" TEXT,
    "documentNumber" TEXT,
    "decidedOn" DATE,
    "deviationReason" TEXT,
    "counts" JSONB NOT NULL,
    "violations" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PredikatPenetapan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PredikatPenetapan_unitId_periodKey_idx" ON "PredikatPenetapan"("unitId", "periodKey");

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_penetapanId_fkey" FOREIGN KEY ("penetapanId") REFERENCES "PredikatPenetapan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PredikatPenetapan" ADD CONSTRAINT "PredikatPenetapan_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
