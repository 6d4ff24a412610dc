/**
 * HR's report commands: /laporan (the weekly digest now, for HR's scope) and /daftarlaporan (in a
 * group: this group receives the weekly digest every Monday).
 */
import type { Reply } from '../conversation/reply.js';
import { say } from '../flows/common.js';
import { digestText } from '../i18n/digest.js';
import { computeDigest, digestMessage } from '../reports/digest.js';
import { audit } from '../services/audit.js';
import type { BotContext } from './context.js';

async function hrRole(ctx: BotContext) {
  return ctx.db.hrRole.findFirst({ where: { employeeId: ctx.me.id, agencyId: ctx.me.agencyId } });
}

export async function report(ctx: BotContext): Promise<Reply[]> {
  const role = await hrRole(ctx);
  if (!role) return [say(digestText[ctx.me.locale].notHr)];
  const data = await computeDigest(ctx.db, { agencyId: role.agencyId, unitId: role.unitId, now: ctx.now });
  return [await digestMessage(data, ctx.me.locale)];
}

export async function registerDestination(ctx: BotContext, inGroup: boolean, title: string | null): Promise<Reply[]> {
  const t = digestText[ctx.me.locale];
  if (!inGroup) return [say(t.groupOnly)];
  const role = await hrRole(ctx);
  if (!role) return [say(t.notHr)];
  const key = { platform: ctx.origin.platform, workspace: ctx.origin.workspace, chatId: ctx.origin.chatId };
  const destination = await ctx.db.reportDestination.upsert({
    where: { platform_workspace_chatId: key },
    create: { ...key, agencyId: role.agencyId, unitId: role.unitId, title },
    update: { agencyId: role.agencyId, unitId: role.unitId, title },
  });
  await audit(ctx.db, { agencyId: role.agencyId, actorId: ctx.me.id, action: 'reportDestination.registered', entityType: 'ReportDestination', entityId: destination.id });
  return [say(t.registered({ agency: ctx.me.agencyName }))];
}
