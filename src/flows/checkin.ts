/**
 * The weekly check-in conversation: progress on each RHK of the person's plan (or in free text
 * when there is none), an obstacle – which becomes an obstacle routed to the supervisor, as with
 * /kendala – the support needed, and an optional mood from 1 to 5.
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { allAnswers, lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { formatCivilDate } from '../domain/civil-date.js';
import { localDate } from '../domain/time-zones.js';
import { DEFAULT_SCHEDULE, QUESTION_KEYS, settingsOf, type QuestionKey } from '../checkins/schedules.js';
import { checkinText } from '../i18n/checkins.js';
import { audit } from '../services/audit.js';
import { workingPlan } from '../services/plans.js';
import { contextId, performanceYear, refuse, say, shorten } from './common.js';
import { obstacleMessage } from './obstacles.js';

const t = (ctx: BotContext) => checkinText[ctx.me.locale];

/** The optional questions this check-in asks (set by its schedule; all of them for sessions begun before that existed). */
function asks(state: FlowState, key: QuestionKey): boolean {
  const questions = state.context['questions'];
  return !Array.isArray(questions) || questions.includes(key);
}

/** The RHK the check-in asks about, fixed when it starts so a plan revision mid-way cannot confuse it. */
function rhkIds(state: FlowState): string[] {
  const ids = state.context['rhkIds'];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

export const checkinFlow: FlowDefinition<BotContext> = {
  id: 'checkin',
  version: 1,
  command: '/checkin',
  title: (locale) => checkinText[locale].flowTitle,
  async begin(ctx, context) {
    const prompt = await ctx.db.checkinPrompt.findUnique({ where: { id: contextId(context, 'promptId') }, include: { schedule: true } });
    if (!prompt || prompt.employeeId !== ctx.me.id) return refuse(say(t(ctx).notFound));
    if (prompt.status === 'ANSWERED') return refuse(say(t(ctx).alreadyAnswered));
    if (prompt.status !== 'PENDING') return refuse(say(t(ctx).closed));
    const plan = await workingPlan(ctx.db, ctx.me.id, performanceYear(ctx));
    const { questions } = prompt.schedule ? settingsOf(prompt.schedule) : DEFAULT_SCHEDULE;
    return { ok: true, context: { ...context, questions, rhkIds: (plan?.resultExpectations ?? []).map((rhk) => rhk.id) } };
  },
  steps: [
    {
      id: 'progress',
      kind: 'text',
      optional: true,
      maxLength: 1000,
      schema: z.string(),
      when: (state) => rhkIds(state).length > 0,
      // Once every RHK is answered, the default: the next optional question this schedule asks, or done.
      next: (state) => (allAnswers(state, 'progress').length < rhkIds(state).length ? 'progress' : (QUESTION_KEYS.find((key) => asks(state, key)) ?? null)),
      async prompt(ctx, state) {
        const ids = rhkIds(state);
        const n = allAnswers(state, 'progress').length;
        const rhk = await ctx.db.resultExpectation.findUnique({ where: { id: ids[n] ?? '' }, select: { text: true } });
        return { blocks: [paragraph(t(ctx).askProgress({ n: n + 1, total: ids.length, rhk: shorten(rhk?.text ?? '', 100) }))] };
      },
    },
    {
      id: 'progressFree',
      kind: 'text',
      maxLength: 2000,
      schema: z.string(),
      when: (state) => rhkIds(state).length === 0,
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askProgressFree)] }),
    },
    { id: 'obstacle', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), when: (state) => asks(state, 'obstacle'), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askObstacle)] }) },
    { id: 'support', kind: 'text', optional: true, maxLength: 1000, schema: z.string(), when: (state) => asks(state, 'support'), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askSupport)] }) },
    { id: 'mood', kind: 'rating', optional: true, schema: z.number().int().min(1).max(5), when: (state) => asks(state, 'mood'), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askMood)] }) },
  ],
  async complete(ctx, state) {
    const promptId = contextId(state.context, 'promptId');
    const closed = await ctx.db.checkinPrompt.updateMany({ where: { id: promptId, status: 'PENDING' }, data: { status: 'ANSWERED', answeredAt: ctx.now } });
    // The deadline passed while the person was typing: the week is closed.
    if (closed.count === 0) return [say(t(ctx).closed)];
    const today = new Date(`${formatCivilDate(localDate(ctx.now, ctx.me.timeZone))}T00:00:00Z`);
    const answers: { questionKey: string; rhkId?: string; text?: string; value?: number }[] = [];
    for (const [i, text] of allAnswers<string | null>(state, 'progress').entries()) {
      const rhkId = rhkIds(state)[i];
      if (!text || !rhkId) continue;
      answers.push({ questionKey: `progress:${rhkId}`, rhkId, text });
      // Progress told in a check-in is progress: it joins the record the evaluation is prepared from.
      await ctx.db.progressEntry.create({ data: { employeeId: ctx.me.id, rhkId, text, occurredOn: today } });
    }
    const free = lastAnswer<string>(state, 'progressFree');
    if (free) answers.push({ questionKey: 'progress', text: free });
    const obstacle = lastAnswer<string | null>(state, 'obstacle');
    const support = lastAnswer<string | null>(state, 'support');
    const mood = lastAnswer<number | null>(state, 'mood');
    if (obstacle) answers.push({ questionKey: 'obstacle', text: obstacle });
    if (support) answers.push({ questionKey: 'support', text: support });
    if (mood) answers.push({ questionKey: 'mood', value: mood });
    await ctx.db.checkinAnswer.createMany({ data: answers.map((answer) => ({ promptId, ...answer })) });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'checkin.answered', entityType: 'CheckinPrompt', entityId: promptId });

    const replies = [say(t(ctx).thanks)];
    if (obstacle) {
      const created = await ctx.db.obstacle.create({
        data: { employeeId: ctx.me.id, supervisorId: ctx.me.supervisorId, source: 'CHECKIN', checkinPromptId: promptId, text: obstacle, supportNeeded: support },
        include: { supervisor: true },
      });
      if (created.supervisor) {
        await ctx.outbox.toPerson(created.supervisor.id, [await obstacleMessage(ctx, created.id, created.supervisor.id, created.supervisor.locale)]);
        replies.push(say(t(ctx).obstacleForwarded({ name: created.supervisor.name })));
      }
    }
    return replies;
  },
};
