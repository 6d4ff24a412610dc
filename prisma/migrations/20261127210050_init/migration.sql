-- CreateEnum
CREATE TYPE "PositionType" AS ENUM ('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL');

-- CreateEnum
CREATE TYPE "EmploymentStatus" AS ENUM ('PNS', 'PPPK');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('id', 'en');

-- CreateEnum
CREATE TYPE "PeriodCadence" AS ENUM ('QUARTERLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "ActingKind" AS ENUM ('PLT', 'PLH');

-- CreateEnum
CREATE TYPE "HrRoleKind" AS ENUM ('PENGELOLA_KINERJA');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('TELEGRAM', 'SLACK', 'CONSOLE');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'PROPOSED', 'CLARIFICATION_REQUESTED', 'AGREED');

-- CreateEnum
CREATE TYPE "PlanApproach" AS ENUM ('QUANTITATIVE', 'QUALITATIVE');

-- CreateEnum
CREATE TYPE "RhkKind" AS ENUM ('UTAMA', 'TAMBAHAN');

-- CreateEnum
CREATE TYPE "Perspective" AS ENUM ('PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN');

-- CreateEnum
CREATE TYPE "IndicatorAspect" AS ENUM ('KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA');

-- CreateEnum
CREATE TYPE "CoreValue" AS ENUM ('pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif');

-- CreateEnum
CREATE TYPE "CheckinStatus" AS ENUM ('PENDING', 'ANSWERED', 'MISSED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "SkipReason" AS ENUM ('HOLIDAY', 'LEAVE', 'INACTIVE', 'UNLINKED');

-- CreateEnum
CREATE TYPE "ObstacleStatus" AS ENUM ('OPEN', 'ANSWERED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "ObstacleSource" AS ENUM ('COMMAND', 'CHECKIN');

-- CreateEnum
CREATE TYPE "FeedbackKind" AS ENUM ('APRESIASI', 'PERBAIKAN');

-- CreateEnum
CREATE TYPE "FeedbackRequestStatus" AS ENUM ('OPEN', 'ANSWERED', 'DECLINED');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('LINK', 'FILE', 'PHOTO');

-- CreateEnum
CREATE TYPE "EvaluationKind" AS ENUM ('PERIODIC', 'ANNUAL');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('DI_ATAS', 'SESUAI', 'DI_BAWAH');

-- CreateEnum
CREATE TYPE "EmployeePredikat" AS ENUM ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "UnitPredikatLevel" AS ENUM ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG');

-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('DRAFT', 'FINAL', 'ACKNOWLEDGED', 'OBJECTED', 'DECIDED');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('FILED', 'UNDER_REVIEW', 'DECIDED');

-- CreateEnum
CREATE TYPE "ObjectionDecision" AS ENUM ('UPHELD', 'CHANGED');

-- CreateEnum
CREATE TYPE "FollowUpKind" AS ENUM ('PENGHARGAAN', 'SANKSI', 'PENGEMBANGAN');

-- CreateEnum
CREATE TYPE "DevelopmentKind" AS ENUM ('COACHING', 'MENTORING', 'KONSELING');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('NASIONAL', 'CUTI_BERSAMA', 'INSTANSI');

-- CreateEnum
CREATE TYPE "HolidaySource" AS ENUM ('SEED', 'HR');

-- CreateEnum
CREATE TYPE "OutboundStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "Agency" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "periodCadence" "PeriodCadence" NOT NULL DEFAULT 'QUARTERLY',
    "skpDeadlineMonth" INTEGER NOT NULL DEFAULT 1,
    "skpDeadlineDay" INTEGER NOT NULL DEFAULT 31,
    "objectionDays" INTEGER NOT NULL DEFAULT 14,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "leaderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employee" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "nip" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "positionType" "PositionType" NOT NULL,
    "positionLevel" TEXT,
    "employmentStatus" "EmploymentStatus" NOT NULL,
    "supervisorId" TEXT,
    "email" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "locale" "Locale" NOT NULL DEFAULT 'id',
    "telegramUsername" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActingAssignment" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "actingForId" TEXT NOT NULL,
    "kind" "ActingKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActingAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HrRole" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "unitId" TEXT,
    "role" "HrRoleKind" NOT NULL DEFAULT 'PENGELOLA_KINERJA',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HrRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "workspace" TEXT NOT NULL DEFAULT '',
    "externalUserId" TEXT NOT NULL,
    "dmChannelId" TEXT,
    "username" TEXT,
    "reachable" BOOLEAN NOT NULL DEFAULT true,
    "unreachableReason" TEXT,
    "unreachableSince" TIMESTAMP(3),
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedByIdentityId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkAttempt" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "workspace" TEXT NOT NULL DEFAULT '',
    "externalUserId" TEXT NOT NULL,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "raterId" TEXT,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "approach" "PlanApproach" NOT NULL DEFAULT 'QUANTITATIVE',
    "positionTitle" TEXT NOT NULL,
    "revisionReason" TEXT,
    "proposedAt" TIMESTAMP(3),
    "agreedAt" TIMESTAMP(3),
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultExpectation" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "lineageId" TEXT NOT NULL,
    "kind" "RhkKind" NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "leaderRhkId" TEXT,
    "perspective" "Perspective",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResultExpectation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "rhkId" TEXT NOT NULL,
    "aspect" "IndicatorAspect",
    "text" TEXT NOT NULL,
    "targetValue" DECIMAL(18,4),
    "targetUnit" TEXT,
    "targetText" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BehaviourExpectation" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "coreValue" "CoreValue" NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BehaviourExpectation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanClarification" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanClarification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationSession" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "flowVersion" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "history" JSONB NOT NULL DEFAULT '[]',
    "platform" "Platform" NOT NULL,
    "identityId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionToken" (
    "token" TEXT NOT NULL,
    "employeeId" TEXT,
    "payload" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionToken_pkey" PRIMARY KEY ("token")
);

-- CreateTable
CREATE TABLE "CheckinSchedule" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL DEFAULT 5,
    "minuteOfDay" INTEGER NOT NULL DEFAULT 840,
    "reminderAfterHours" INTEGER NOT NULL DEFAULT 24,
    "deadlineHours" INTEGER NOT NULL DEFAULT 72,
    "escalateAfterMissed" INTEGER NOT NULL DEFAULT 2,
    "questions" JSONB,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckinSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckinPrompt" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "scheduleId" TEXT,
    "weekKey" TEXT NOT NULL,
    "status" "CheckinStatus" NOT NULL DEFAULT 'PENDING',
    "skipReason" "SkipReason",
    "promptedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "dueAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "missedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckinPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckinAnswer" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "rhkId" TEXT,
    "text" TEXT,
    "value" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckinAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Obstacle" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "supervisorId" TEXT,
    "rhkId" TEXT,
    "checkinPromptId" TEXT,
    "source" "ObstacleSource" NOT NULL DEFAULT 'COMMAND',
    "text" TEXT NOT NULL,
    "supportNeeded" TEXT,
    "status" "ObstacleStatus" NOT NULL DEFAULT 'OPEN',
    "response" TEXT,
    "respondedById" TEXT,
    "respondedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Obstacle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "giverId" TEXT NOT NULL,
    "kind" "FeedbackKind" NOT NULL,
    "rhkId" TEXT,
    "coreValue" "CoreValue",
    "text" TEXT NOT NULL,
    "requestId" TEXT,
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackRequest" (
    "id" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "requesteeId" TEXT NOT NULL,
    "rhkId" TEXT,
    "topic" TEXT NOT NULL,
    "status" "FeedbackRequestStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedbackRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressEntry" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "rhkId" TEXT NOT NULL,
    "indicatorId" TEXT,
    "text" TEXT NOT NULL,
    "value" DECIMAL(18,4),
    "occurredOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "progressEntryId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "url" TEXT,
    "platform" "Platform",
    "externalFileId" TEXT,
    "fileName" TEXT,
    "mimeType" TEXT,
    "sizeBytes" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "kind" "EvaluationKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "resultsRating" "Rating",
    "behaviourRating" "Rating",
    "predikat" "EmployeePredikat",
    "notes" TEXT,
    "feedback" TEXT,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'DRAFT',
    "curveDeviationReason" TEXT,
    "finalizedAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'FILED',
    "deciderId" TEXT,
    "employeeExplanation" TEXT,
    "raterExplanation" TEXT,
    "decision" "ObjectionDecision",
    "decisionNote" TEXT,
    "changedResultsRating" "Rating",
    "changedBehaviourRating" "Rating",
    "changedPredikat" "EmployeePredikat",
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitPredikat" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "predikat" "UnitPredikatLevel" NOT NULL,
    "setById" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitPredikat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationFollowUp" (
    "id" TEXT NOT NULL,
    "evaluationId" TEXT NOT NULL,
    "kind" "FollowUpKind" NOT NULL,
    "recommendation" TEXT NOT NULL,
    "decision" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvaluationFollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevelopmentSession" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "kind" "DevelopmentKind" NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "topic" TEXT NOT NULL,
    "followUp" TEXT,
    "employeeRating" JSONB,
    "ratedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DevelopmentSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "HolidayKind" NOT NULL,
    "source" "HolidaySource" NOT NULL DEFAULT 'HR',
    "agencyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Leave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportDestination" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT NOT NULL,
    "unitId" TEXT,
    "platform" "Platform" NOT NULL,
    "workspace" TEXT NOT NULL DEFAULT '',
    "chatId" TEXT NOT NULL,
    "title" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportDestination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "workspace" TEXT NOT NULL DEFAULT '',
    "chatId" TEXT NOT NULL,
    "employeeId" TEXT,
    "identityId" TEXT,
    "payload" JSONB NOT NULL,
    "dedupeKey" TEXT,
    "status" "OutboundStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "externalMessageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "workspace" TEXT NOT NULL DEFAULT '',
    "updateKey" TEXT NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "agencyId" TEXT,
    "actorId" TEXT,
    "actorLabel" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agency_name_key" ON "Agency"("name");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_leaderId_idx" ON "Unit"("leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_agencyId_name_key" ON "Unit"("agencyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_nip_key" ON "Employee"("nip");

-- CreateIndex
CREATE INDEX "Employee_agencyId_idx" ON "Employee"("agencyId");

-- CreateIndex
CREATE INDEX "Employee_unitId_idx" ON "Employee"("unitId");

-- CreateIndex
CREATE INDEX "Employee_supervisorId_idx" ON "Employee"("supervisorId");

-- CreateIndex
CREATE INDEX "Employee_email_idx" ON "Employee"("email");

-- CreateIndex
CREATE INDEX "ActingAssignment_employeeId_idx" ON "ActingAssignment"("employeeId");

-- CreateIndex
CREATE INDEX "ActingAssignment_actingForId_idx" ON "ActingAssignment"("actingForId");

-- CreateIndex
CREATE INDEX "HrRole_agencyId_idx" ON "HrRole"("agencyId");

-- CreateIndex
CREATE INDEX "HrRole_unitId_idx" ON "HrRole"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "HrRole_employeeId_agencyId_role_key" ON "HrRole"("employeeId", "agencyId", "role");

-- CreateIndex
CREATE INDEX "ChatIdentity_employeeId_idx" ON "ChatIdentity"("employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "ChatIdentity_platform_workspace_externalUserId_key" ON "ChatIdentity"("platform", "workspace", "externalUserId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCode_codeHash_key" ON "LinkCode"("codeHash");

-- CreateIndex
CREATE INDEX "LinkCode_employeeId_idx" ON "LinkCode"("employeeId");

-- CreateIndex
CREATE INDEX "LinkCode_usedByIdentityId_idx" ON "LinkCode"("usedByIdentityId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkAttempt_platform_workspace_externalUserId_key" ON "LinkAttempt"("platform", "workspace", "externalUserId");

-- CreateIndex
CREATE INDEX "Plan_raterId_idx" ON "Plan"("raterId");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_employeeId_year_version_key" ON "Plan"("employeeId", "year", "version");

-- CreateIndex
CREATE INDEX "ResultExpectation_planId_idx" ON "ResultExpectation"("planId");

-- CreateIndex
CREATE INDEX "ResultExpectation_lineageId_idx" ON "ResultExpectation"("lineageId");

-- CreateIndex
CREATE INDEX "ResultExpectation_leaderRhkId_idx" ON "ResultExpectation"("leaderRhkId");

-- CreateIndex
CREATE INDEX "Indicator_rhkId_idx" ON "Indicator"("rhkId");

-- CreateIndex
CREATE UNIQUE INDEX "BehaviourExpectation_planId_coreValue_key" ON "BehaviourExpectation"("planId", "coreValue");

-- CreateIndex
CREATE INDEX "PlanClarification_planId_idx" ON "PlanClarification"("planId");

-- CreateIndex
CREATE INDEX "PlanClarification_askedById_idx" ON "PlanClarification"("askedById");

-- CreateIndex
CREATE INDEX "PlanClarification_answeredById_idx" ON "PlanClarification"("answeredById");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationSession_employeeId_key" ON "ConversationSession"("employeeId");

-- CreateIndex
CREATE INDEX "ActionToken_employeeId_idx" ON "ActionToken"("employeeId");

-- CreateIndex
CREATE INDEX "ActionToken_expiresAt_idx" ON "ActionToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinSchedule_unitId_key" ON "CheckinSchedule"("unitId");

-- CreateIndex
CREATE INDEX "CheckinPrompt_scheduleId_idx" ON "CheckinPrompt"("scheduleId");

-- CreateIndex
CREATE INDEX "CheckinPrompt_weekKey_status_idx" ON "CheckinPrompt"("weekKey", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinPrompt_employeeId_weekKey_key" ON "CheckinPrompt"("employeeId", "weekKey");

-- CreateIndex
CREATE INDEX "CheckinAnswer_rhkId_idx" ON "CheckinAnswer"("rhkId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinAnswer_promptId_questionKey_key" ON "CheckinAnswer"("promptId", "questionKey");

-- CreateIndex
CREATE INDEX "Obstacle_employeeId_idx" ON "Obstacle"("employeeId");

-- CreateIndex
CREATE INDEX "Obstacle_supervisorId_status_idx" ON "Obstacle"("supervisorId", "status");

-- CreateIndex
CREATE INDEX "Obstacle_respondedById_idx" ON "Obstacle"("respondedById");

-- CreateIndex
CREATE INDEX "Obstacle_rhkId_idx" ON "Obstacle"("rhkId");

-- CreateIndex
CREATE INDEX "Obstacle_checkinPromptId_idx" ON "Obstacle"("checkinPromptId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_requestId_key" ON "Feedback"("requestId");

-- CreateIndex
CREATE INDEX "Feedback_recipientId_createdAt_idx" ON "Feedback"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_giverId_createdAt_idx" ON "Feedback"("giverId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_rhkId_idx" ON "Feedback"("rhkId");

-- CreateIndex
CREATE INDEX "FeedbackRequest_requesterId_idx" ON "FeedbackRequest"("requesterId");

-- CreateIndex
CREATE INDEX "FeedbackRequest_requesteeId_status_idx" ON "FeedbackRequest"("requesteeId", "status");

-- CreateIndex
CREATE INDEX "FeedbackRequest_rhkId_idx" ON "FeedbackRequest"("rhkId");

-- CreateIndex
CREATE INDEX "ProgressEntry_employeeId_occurredOn_idx" ON "ProgressEntry"("employeeId", "occurredOn");

-- CreateIndex
CREATE INDEX "ProgressEntry_rhkId_idx" ON "ProgressEntry"("rhkId");

-- CreateIndex
CREATE INDEX "ProgressEntry_indicatorId_idx" ON "ProgressEntry"("indicatorId");

-- CreateIndex
CREATE INDEX "Evidence_progressEntryId_idx" ON "Evidence"("progressEntryId");

-- CreateIndex
CREATE INDEX "Evaluation_raterId_periodKey_idx" ON "Evaluation"("raterId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_employeeId_kind_periodKey_key" ON "Evaluation"("employeeId", "kind", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "Objection_evaluationId_key" ON "Objection"("evaluationId");

-- CreateIndex
CREATE INDEX "Objection_deciderId_idx" ON "Objection"("deciderId");

-- CreateIndex
CREATE INDEX "UnitPredikat_setById_idx" ON "UnitPredikat"("setById");

-- CreateIndex
CREATE UNIQUE INDEX "UnitPredikat_unitId_periodKey_key" ON "UnitPredikat"("unitId", "periodKey");

-- CreateIndex
CREATE INDEX "EvaluationFollowUp_evaluationId_idx" ON "EvaluationFollowUp"("evaluationId");

-- CreateIndex
CREATE INDEX "EvaluationFollowUp_decidedById_idx" ON "EvaluationFollowUp"("decidedById");

-- CreateIndex
CREATE INDEX "DevelopmentSession_employeeId_idx" ON "DevelopmentSession"("employeeId");

-- CreateIndex
CREATE INDEX "DevelopmentSession_leaderId_idx" ON "DevelopmentSession"("leaderId");

-- CreateIndex
CREATE INDEX "Holiday_date_idx" ON "Holiday"("date");

-- CreateIndex
CREATE INDEX "Holiday_agencyId_idx" ON "Holiday"("agencyId");

-- CreateIndex
CREATE INDEX "Leave_employeeId_startsOn_idx" ON "Leave"("employeeId", "startsOn");

-- CreateIndex
CREATE INDEX "Leave_recordedById_idx" ON "Leave"("recordedById");

-- CreateIndex
CREATE INDEX "ReportDestination_agencyId_idx" ON "ReportDestination"("agencyId");

-- CreateIndex
CREATE INDEX "ReportDestination_unitId_idx" ON "ReportDestination"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportDestination_platform_workspace_chatId_key" ON "ReportDestination"("platform", "workspace", "chatId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_dedupeKey_key" ON "OutboundMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_notBefore_idx" ON "OutboundMessage"("status", "notBefore");

-- CreateIndex
CREATE INDEX "OutboundMessage_employeeId_idx" ON "OutboundMessage"("employeeId");

-- CreateIndex
CREATE INDEX "OutboundMessage_identityId_idx" ON "OutboundMessage"("identityId");

-- CreateIndex
CREATE INDEX "ProcessedUpdate_processedAt_idx" ON "ProcessedUpdate"("processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessedUpdate_platform_workspace_updateKey_key" ON "ProcessedUpdate"("platform", "workspace", "updateKey");

-- CreateIndex
CREATE INDEX "AuditLog_agencyId_createdAt_idx" ON "AuditLog"("agencyId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingAssignment" ADD CONSTRAINT "ActingAssignment_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActingAssignment" ADD CONSTRAINT "ActingAssignment_actingForId_fkey" FOREIGN KEY ("actingForId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HrRole" ADD CONSTRAINT "HrRole_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HrRole" ADD CONSTRAINT "HrRole_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HrRole" ADD CONSTRAINT "HrRole_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_usedByIdentityId_fkey" FOREIGN KEY ("usedByIdentityId") REFERENCES "ChatIdentity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultExpectation" ADD CONSTRAINT "ResultExpectation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultExpectation" ADD CONSTRAINT "ResultExpectation_leaderRhkId_fkey" FOREIGN KEY ("leaderRhkId") REFERENCES "ResultExpectation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_rhkId_fkey" FOREIGN KEY ("rhkId") REFERENCES "ResultExpectation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourExpectation" ADD CONSTRAINT "BehaviourExpectation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanClarification" ADD CONSTRAINT "PlanClarification_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanClarification" ADD CONSTRAINT "PlanClarification_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanClarification" ADD CONSTRAINT "PlanClarification_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationSession" ADD CONSTRAINT "ConversationSession_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionToken" ADD CONSTRAINT "ActionToken_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinSchedule" ADD CONSTRAINT "CheckinSchedule_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinPrompt" ADD CONSTRAINT "CheckinPrompt_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinPrompt" ADD CONSTRAINT "CheckinPrompt_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "CheckinSchedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinAnswer" ADD CONSTRAINT "CheckinAnswer_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "CheckinPrompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckinAnswer" ADD CONSTRAINT "CheckinAnswer_rhkId_fkey" FOREIGN KEY ("rhkId") REFERENCES "ResultExpectation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_rhkId_fkey" FOREIGN KEY ("rhkId") REFERENCES "ResultExpectation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obstacle" ADD CONSTRAINT "Obstacle_checkinPromptId_fkey" FOREIGN KEY ("checkinPromptId") REFERENCES "CheckinPrompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_giverId_fkey" FOREIGN KEY ("giverId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_rhkId_fkey" FOREIGN KEY ("rhkId") REFERENCES "ResultExpectation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FeedbackRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_requesteeId_fkey" FOREIGN KEY ("requesteeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_rhkId_fkey" FOREIGN KEY ("rhkId") REFERENCES "ResultExpectation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_rhkId_fkey" FOREIGN KEY ("rhkId") REFERENCES "ResultExpectation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEntry" ADD CONSTRAINT "ProgressEntry_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_progressEntryId_fkey" FOREIGN KEY ("progressEntryId") REFERENCES "ProgressEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPredikat" ADD CONSTRAINT "UnitPredikat_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitPredikat" ADD CONSTRAINT "UnitPredikat_setById_fkey" FOREIGN KEY ("setById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationFollowUp" ADD CONSTRAINT "EvaluationFollowUp_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationFollowUp" ADD CONSTRAINT "EvaluationFollowUp_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentSession" ADD CONSTRAINT "DevelopmentSession_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DevelopmentSession" ADD CONSTRAINT "DevelopmentSession_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDestination" ADD CONSTRAINT "ReportDestination_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportDestination" ADD CONSTRAINT "ReportDestination_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "ChatIdentity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
