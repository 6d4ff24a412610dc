-- AlterTable
ALTER TABLE "ConversationSession" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ProcessedUpdate" ADD COLUMN     "event" JSONB,
ADD COLUMN     "handledAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ProcessedUpdate_handledAt_idx" ON "ProcessedUpdate"("handledAt");

-- Updates stored before this migration were handled in the transaction that stored them.
UPDATE "ProcessedUpdate" SET "handledAt" = "processedAt" WHERE "handledAt" IS NULL;
