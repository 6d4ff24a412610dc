-- AlterTable
ALTER TABLE "CheckinPrompt" ADD COLUMN     "remindAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "FanoutRun" (
    "scheduleKey" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "weekKey" TEXT NOT NULL,
    "prompted" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FanoutRun_pkey" PRIMARY KEY ("scheduleKey","timeZone","weekKey")
);

-- CreateIndex
CREATE INDEX "CheckinPrompt_reminder_due_idx" ON "CheckinPrompt"("remindAt") WHERE (status = 'PENDING' AND "remindedAt" IS NULL);

-- CreateIndex
CREATE INDEX "CheckinPrompt_open_dueAt_idx" ON "CheckinPrompt"("dueAt") WHERE (status = 'PENDING');

-- Backfill: prompts still open when this runs get the reminder time the sweep used to compute on
-- every pass (promptedAt + the schedule's reminder hours, 24 by default).
UPDATE "CheckinPrompt" p
SET "remindAt" = p."promptedAt" + make_interval(hours => COALESCE((SELECT s."reminderAfterHours" FROM "CheckinSchedule" s WHERE s.id = p."scheduleId"), 24))
WHERE p.status = 'PENDING' AND p."promptedAt" IS NOT NULL AND p."remindedAt" IS NULL;

-- An open prompt without a deadline counted as due at once; it now needs one to be found (the
-- fan-out and /checkin always set it, so this only touches rows written by hand).
UPDATE "CheckinPrompt" SET "dueAt" = "promptedAt"
WHERE status = 'PENDING' AND "promptedAt" IS NOT NULL AND "dueAt" IS NULL;
