-- CreateEnum
CREATE TYPE "FollowUpOutcome" AS ENUM ('DISETUJUI', 'DITOLAK');

-- AlterEnum
ALTER TYPE "FollowUpKind" ADD VALUE 'PENEMPATAN';

-- AlterTable
ALTER TABLE "DevelopmentSession" ADD COLUMN     "competencyEvaluatedAt" TIMESTAMP(3),
ADD COLUMN     "feedbackToId" TEXT;

-- AlterTable
ALTER TABLE "EvaluationFollowUp" ADD COLUMN     "considerationRef" TEXT,
ADD COLUMN     "decidedOn" DATE,
ADD COLUMN     "documentNumber" TEXT,
ADD COLUMN     "officialName" TEXT,
ADD COLUMN     "outcome" "FollowUpOutcome";

-- CreateTable
CREATE TABLE "CompetencyScore" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "competency" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompetencyScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditPointAssessment" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "predikat" "EmployeePredikat" NOT NULL,
    "positionLevel" TEXT NOT NULL,
    "coefficient" DOUBLE PRECISION NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,
    "months" INTEGER NOT NULL,
    "creditPoints" DOUBLE PRECISION NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditPointAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompetencyScore_sessionId_position_key" ON "CompetencyScore"("sessionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CreditPointAssessment_evaluationId_key" ON "CreditPointAssessment"("evaluationId");

-- CreateIndex
CREATE INDEX "CreditPointAssessment_employeeId_idx" ON "CreditPointAssessment"("employeeId");

-- CreateIndex
CREATE INDEX "CreditPointAssessment_recordedById_idx" ON "CreditPointAssessment"("recordedById");

-- CreateIndex
CREATE INDEX "DevelopmentSession_feedbackToId_idx" ON "DevelopmentSession"("feedbackToId");

-- AddForeignKey
ALTER TABLE "DevelopmentSession" ADD CONSTRAINT "DevelopmentSession_feedbackToId_fkey" FOREIGN KEY ("feedbackToId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompetencyScore" ADD CONSTRAINT "CompetencyScore_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DevelopmentSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditPointAssessment" ADD CONSTRAINT "CreditPointAssessment_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditPointAssessment" ADD CONSTRAINT "CreditPointAssessment_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditPointAssessment" ADD CONSTRAINT "CreditPointAssessment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
