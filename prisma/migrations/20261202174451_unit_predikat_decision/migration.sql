-- AlterTable
ALTER TABLE "UnitPredikat" ADD COLUMN     "basis" TEXT NOT NULL DEFAULT 'RENCANA_AKSI',
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decidedOn" DATE,
ADD COLUMN     "documentNumber" TEXT;

-- AddForeignKey
ALTER TABLE "UnitPredikat" ADD CONSTRAINT "UnitPredikat_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Annual predikat rest on the Perjanjian Kinerja (SE MenPANRB 3/2023).
UPDATE "UnitPredikat" SET "basis" = 'PERJANJIAN_KINERJA' WHERE "periodKey" ~ '^[0-9]{4}$';
