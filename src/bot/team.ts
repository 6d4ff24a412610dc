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
import { teamLines } from '../services/team-view.js';
import type { BotContext } from './context.js';

export async function team(ctx: BotContext): Promise<Reply[]> {
  const t = dialogueText[ctx.me.locale];
  const p = planningText[ctx.me.locale];
  const reports = await reportsOf(ctx.db, ctx.me, ctx.now);
  if (reports.length === 0) return [say(t.teamEmpty)];
  const year = performanceYear(ctx);
  const blocks = [paragraph(bold(t.teamTitle({ year })))];
  const date = (d: Date) => formatDate(d, ctx.me.locale, ctx.me.timeZone);
  for (const line of await teamLines(ctx.db, ctx.me.id, reports, year)) {
    const heading: Span[] = [bold(line.report.name)];
    if (line.report.acting) heading.push({ type: 'text', text: p.actingSuffix });
    if (!line.linked) heading.push({ type: 'text', text: ` (${t.teamNotLinked})` });
    blocks.push(paragraph(...heading));
    blocks.push(
      list([
        [line.plan ? t.teamPlan({ status: `${p[`status${line.plan.status}`]} (v${line.plan.version})` }) : t.teamNoPlan],
        [line.lastDialogue ? t.teamLastDialogue({ date: date(line.lastDialogue) }) : t.teamNoDialogue],
        [t.teamOpenObstacles({ count: line.openObstacles })],
        [line.latestProgress ? t.teamLatestProgress({ date: date(line.latestProgress.createdAt), text: shorten(line.latestProgress.text, 80) }) : t.teamNoProgress],
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
