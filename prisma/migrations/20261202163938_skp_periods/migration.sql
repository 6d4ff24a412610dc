-- DropIndex
DROP INDEX "Evaluation_employeeId_kind_periodKey_key";

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "skpPart" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "periodEnd" DATE;

-- CreateTable
CREATE TABLE "SkpPeriod" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "raterId" TEXT,
    "atasanPpkId" TEXT,
    "supervisorId" TEXT,
    "positionTitle" TEXT NOT NULL,
    "unitName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkpPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SkpPeriod_raterId_year_idx" ON "SkpPeriod"("raterId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "SkpPeriod_employeeId_year_startsOn_key" ON "SkpPeriod"("employeeId", "year", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_employeeId_kind_periodKey_skpPart_key" ON "Evaluation"("employeeId", "kind", "periodKey", "skpPart");

-- AddForeignKey
ALTER TABLE "SkpPeriod" ADD CONSTRAINT "SkpPeriod_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkpPeriod" ADD CONSTRAINT "SkpPeriod_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
