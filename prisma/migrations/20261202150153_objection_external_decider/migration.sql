-- AlterTable
ALTER TABLE "Objection" ADD COLUMN     "decidedOn" DATE,
ADD COLUMN     "documentNumber" TEXT,
ADD COLUMN     "externalDeciderId" TEXT;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_externalDeciderId_fkey" FOREIGN KEY ("externalDeciderId") REFERENCES "ExternalOfficial"("id") ON DELETE SET NULL ON UPDATE CASCADE;
