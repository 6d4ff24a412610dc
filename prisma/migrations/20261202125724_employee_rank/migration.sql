-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "rank" TEXT;
