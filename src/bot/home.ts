/**
 * The personal dashboard (Slack's App Home): evaluation results and keberatan waiting for me, my
 * plan and what waits for me, the latest feedback to
 * me, my open obstacles, the menu, and for supervisors the team view. Built from the same pieces as
 * /skp, /tim and the menu, so the dashboard and the chat never disagree.
 */
import { bold, list, paragraph, reply, type Reply } from '../conversation/reply.js';
import { shorten } from '../flows/common.js';
import { resultsWaitingForMe } from '../flows/evaluation-result.js';
import { objectionReplies } from '../flows/objection.js';
import { formatDate, type Locale } from '../i18n/catalogue.js';
import { homeText } from '../i18n/home.js';
import { reportsOf } from '../services/people.js';
import type { BotContext } from './context.js';
import { menu } from './info.js';
import { showPlan, team } from './team.js';

const FEEDBACK_SHOWN = 3;
const OBSTACLES_SHOWN = 5;

export async function homeReplies(ctx: BotContext): Promise<Reply[]> {
  const t = homeText[ctx.me.locale];
  const date = (d: Date) => formatDate(d, ctx.me.locale, ctx.me.timeZone);
  const feedback = await ctx.db.feedback.findMany({
    where: { recipientId: ctx.me.id },
    orderBy: { createdAt: 'desc' },
    take: FEEDBACK_SHOWN,
    include: { giver: { select: { name: true } } },
  });
  const obstacles = await ctx.db.obstacle.findMany({ where: { employeeId: ctx.me.id, status: { not: 'RESOLVED' } }, orderBy: { createdAt: 'desc' }, take: OBSTACLES_SHOWN });
  const replies: Reply[] = [reply([paragraph(bold(t.title({ name: ctx.me.name })))])];
  // What waits for my answer comes first: a result to accept or object to, a keberatan to decide.
  replies.push(...(await resultsWaitingForMe(ctx)), ...(await objectionReplies(ctx)));
  replies.push(...(await showPlan(ctx, '')));
  replies.push(
    reply([
      paragraph(bold(t.feedbackTitle)),
      feedback.length === 0
        ? paragraph(t.noFeedback)
        : list(feedback.map((f) => [t.feedbackLine({ kind: t[`kind${f.kind}`], from: f.giver.name, date: date(f.createdAt), text: shorten(f.text, 150) })])),
      paragraph(bold(t.obstaclesTitle)),
      obstacles.length === 0
        ? paragraph(t.noObstacles)
        : list(obstacles.map((o) => [t.obstacleLine({ date: date(o.createdAt), text: shorten(o.text, 150), answered: o.response !== null })])),
    ]),
  );
  if ((await reportsOf(ctx.db, ctx.me, ctx.now)).length > 0) replies.push(...(await team(ctx)));
  replies.push(...(await menu(ctx)));
  return replies;
}

/** What an unlinked account sees on its dashboard. */
export function homeUnlinked(locale: Locale): Reply[] {
  return [reply([paragraph(homeText[locale].notLinked)])];
}
