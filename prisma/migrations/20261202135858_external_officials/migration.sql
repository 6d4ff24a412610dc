-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "externalAtasanPpkId" TEXT,
ADD COLUMN     "externalPpkId" TEXT,
ADD COLUMN     "ppkDelegateId" TEXT;

-- CreateTable
CREATE TABLE "ExternalOfficial" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "nip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalOfficial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExternalOfficial_agencyId_title_name_key" ON "ExternalOfficial"("agencyId", "title", "name");

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_ppkDelegateId_fkey" FOREIGN KEY ("ppkDelegateId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_externalPpkId_fkey" FOREIGN KEY ("externalPpkId") REFERENCES "ExternalOfficial"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_externalAtasanPpkId_fkey" FOREIGN KEY ("externalAtasanPpkId") REFERENCES "ExternalOfficial"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalOfficial" ADD CONSTRAINT "ExternalOfficial_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
