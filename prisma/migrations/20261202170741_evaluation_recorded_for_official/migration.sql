-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "decidedOn" DATE,
ADD COLUMN     "documentNumber" TEXT,
ADD COLUMN     "recordedForOfficialId" TEXT;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_recordedForOfficialId_fkey" FOREIGN KEY ("recordedForOfficialId") REFERENCES "ExternalOfficial"("id") ON DELETE SET NULL ON UPDATE CASCADE;
