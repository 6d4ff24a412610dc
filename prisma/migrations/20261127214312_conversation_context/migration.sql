-- AlterTable
ALTER TABLE "ConversationSession" DROP COLUMN "history",
ADD COLUMN     "context" JSONB NOT NULL DEFAULT '{}',
ALTER COLUMN "answers" SET DEFAULT '[]';
