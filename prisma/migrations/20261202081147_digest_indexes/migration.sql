-- CreateIndex
CREATE INDEX "ChatIdentity_reachable_employeeId_idx" ON "ChatIdentity"("reachable", "employeeId");

-- CreateIndex
CREATE INDEX "Evaluation_periodKey_idx" ON "Evaluation"("periodKey");

-- CreateIndex
CREATE INDEX "Obstacle_status_createdAt_idx" ON "Obstacle"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Plan_year_status_employeeId_idx" ON "Plan"("year", "status", "employeeId");
