-- CreateIndex
CREATE INDEX "OutboundMessage_platform_workspace_chatId_status_idx" ON "OutboundMessage"("platform", "workspace", "chatId", "status");
