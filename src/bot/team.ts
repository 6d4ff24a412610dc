/**
 * /tim (a supervisor's team at a glance) and /skp (a plan: one's own, or a report's by name).
 */
import { bold, list, paragraph, reply, type Reply, type Span } from '../conversation/reply.js';
import { performanceYear, refusal, say, shorten } from '../flows/common.js';
import { proposalReply } from '../notifications/plans.js';
import { formatDate } from '../i18n/catalogue.js';
import { botText } from '../i18n/bot.js';
import { dialogueText } from '../i18n/dialogue.js';
import { planningText } from '../i18n/planning.js';
import { findMembers, reportsOf } from '../services/people.js';
import { isOpenForResponse, latestPlan, planContentOf, storedPlanBlocks } from '../services/plans.js';
import type { BotContext } from './context.js';

/** The latest moment `me` and `reportId` had a dialogue: feedback given, a clarification answered or an obstacle answered. */
async function lastDialogue(ctx: BotContext, reportId: string): Promise<Date | null> {
  // One query at a time: ctx.db is the event's transaction (see Db in services/db.ts).
  const feedback = await ctx.db.feedback.findFirst({ where: { giverId: ctx.me.id, recipientId: reportId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  const clarification = await ctx.db.planClarification.findFirst({
    where: { answeredById: ctx.me.id, plan: { employeeId: reportId } },
    orderBy: { answeredAt: 'desc' },
    select: { answeredAt: true },
  });
  const obstacle = await ctx.db.obstacle.findFirst({
    where: { respondedById: ctx.me.id, employeeId: reportId },
    orderBy: { respondedAt: 'desc' },
    select: { respondedAt: true },
  });
  const dates = [feedback?.createdAt, clarification?.answeredAt, obstacle?.respondedAt].filter((d): d is Date => d instanceof Date);
  return dates.length > 0 ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}

export async function team(ctx: BotContext): Promise<Reply[]> {
  const t = dialogueText[ctx.me.locale];
  const p = planningText[ctx.me.locale];
  const reports = await reportsOf(ctx.db, ctx.me, ctx.now);
  if (reports.length === 0) return [say(t.teamEmpty)];
  const year = performanceYear(ctx);
  const blocks = [paragraph(bold(t.teamTitle({ year })))];
  for (const report of reports) {
    const plan = await latestPlan(ctx.db, report.id, year);
    const last = await lastDialogue(ctx, report.id);
    const open = await ctx.db.obstacle.count({ where: { employeeId: report.id, status: { not: 'RESOLVED' } } });
    const progress = await ctx.db.progressEntry.findFirst({ where: { employeeId: report.id }, orderBy: { createdAt: 'desc' } });
    const linked = await ctx.db.chatIdentity.count({ where: { employeeId: report.id } });
    const heading: Span[] = [bold(report.name)];
    if (report.acting) heading.push({ type: 'text', text: p.actingSuffix });
    if (linked === 0) heading.push({ type: 'text', text: ` (${t.teamNotLinked})` });
    blocks.push(paragraph(...heading));
    const date = (d: Date) => formatDate(d, ctx.me.locale, ctx.me.timeZone);
    blocks.push(
      list([
        [plan ? t.teamPlan({ status: `${p[`status${plan.status}`]} (v${plan.version})` }) : t.teamNoPlan],
        [last ? t.teamLastDialogue({ date: date(last) }) : t.teamNoDialogue],
        [t.teamOpenObstacles({ count: open })],
        [progress ? t.teamLatestProgress({ date: date(progress.createdAt), text: shorten(progress.text, 80) }) : t.teamNoProgress],
      ]),
    );
  }
  return [reply(blocks)];
}

export async function showPlan(ctx: BotContext, args: string): Promise<Reply[]> {
  const year = performanceYear(ctx);
  const p = planningText[ctx.me.locale];
  let employee: { id: string; name: string } = ctx.me;
  if (args.trim() !== '') {
    const matches = await findMembers(ctx.db, ctx.me.agencyId, args);
    const b = botText[ctx.me.locale];
    if (matches.length === 0) return [say(b.personNotFound({ query: args.trim() }))];
    if (matches.length > 1) return [say(b.personAmbiguous({ query: args.trim(), names: matches.map((m) => m.name).join(', ') }))];
    employee = matches[0] ?? ctx.me;
  }
  if (employee.id !== ctx.me.id) {
    const refused = await refusal(ctx, 'VIEW_PLAN', employee.id);
    if (refused) return [refused];
  }
  const plan = await latestPlan(ctx.db, employee.id, year);
  if (!plan) return [say(employee.id === ctx.me.id ? p.noPlanSelf({ year }) : p.noPlan({ name: employee.name, year }))];
  // The owner of an open plan gets the Setuju / Minta klarifikasi buttons again.
  if (employee.id === ctx.me.id && (await isOpenForResponse(ctx.db, plan.id))) {
    return [proposalReply(planContentOf(plan), ctx.me.locale, (label, payload) => ctx.work.button(ctx.me.id, label, payload))];
  }
  return [reply(storedPlanBlocks(plan, ctx.me.locale))];
}
