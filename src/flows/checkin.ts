/**
 * The weekly check-in conversation: progress on each RHK of the person's plan (or in free text
 * when there is none), an obstacle – which becomes an obstacle routed to the supervisor, as with
 * /kendala – the support needed, and an optional mood from 1 to 5.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, answersOf, type FlowDefinition, type FlowState, type Prompt, type StepDefinition } from '../conversation/flow.js';
import { paragraph, type Reply } from '../conversation/reply.js';
import { QUESTION_KEYS, type QuestionKey } from '../checkins/schedules.js';
import { checkinText } from '../i18n/checkins.js';
import type { CheckinRefusal } from '../services/checkin-service.js';
import { contextId, performanceYear, refuse, say, shorten } from './common.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => checkinText[ctx.me.locale];

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

const progressStep = {
  id: 'progress',
  kind: 'text',
  optional: true,
  maxLength: 1000,
  schema: z.string(),
  when: (state) => rhkIds(state).length > 0,
  // Once every RHK is answered, the default: the next optional question this schedule asks, or done.
  next: (state): string | null | undefined => (answersOf(state, progressStep).length < rhkIds(state).length ? progressStep.id : (QUESTION_KEYS.find((key) => asks(state, key)) ?? null)),
  async prompt(ctx, state): Promise<Prompt> {
    const ids = rhkIds(state);
    const n = answersOf(state, progressStep).length;
    const rhk = await ctx.read.rhkText(ids[n] ?? '');
    return { blocks: [paragraph(t(ctx).askProgress({ n: n + 1, total: ids.length, rhk: shorten(rhk, 100) }))] };
  },
} satisfies StepDefinition<FlowContext>;

const progressFreeStep = {
  id: 'progressFree',
  kind: 'text',
  maxLength: 2000,
  schema: z.string(),
  when: (state) => rhkIds(state).length === 0,
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askProgressFree)] }),
} satisfies StepDefinition<FlowContext>;

const obstacleStep = { id: 'obstacle', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), when: (state) => asks(state, 'obstacle'), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askObstacle)] }) } satisfies StepDefinition<FlowContext>;

const supportStep = { id: 'support', kind: 'text', optional: true, maxLength: 1000, schema: z.string(), when: (state) => asks(state, 'support'), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askSupport)] }) } satisfies StepDefinition<FlowContext>;

const moodStep = { id: 'mood', kind: 'rating', optional: true, schema: z.number().int().min(1).max(5), when: (state) => asks(state, 'mood'), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askMood)] }) } satisfies StepDefinition<FlowContext>;

export const checkinFlow: FlowDefinition<FlowContext> = {
  id: 'checkin',
  version: 1,
  command: cmd('laporanprogres'),
  title: (locale) => checkinText[locale].flowTitle,
  async begin(ctx, context) {
    const open = await ctx.services.checkins.open(ctx.me, contextId(context, 'promptId'));
    if (!open.ok) return refuse(checkinRefusal(ctx, open.refusal));
    const plan = await ctx.read.workingPlan(ctx.me.id, performanceYear(ctx));
    return { ok: true, context: { ...context, questions: open.value.questions, rhkIds: (plan?.resultExpectations ?? []).map((rhk) => rhk.id) } };
  },
  steps: [
    progressStep,
    progressFreeStep,
    obstacleStep,
    supportStep,
    moodStep,
  ],
  async complete(ctx, state) {
    const answered = await ctx.services.checkins.answer(ctx.me, contextId(state.context, 'promptId'), {
      progress: answersOf(state, progressStep).flatMap((text, i) => {
        const rhkId = rhkIds(state)[i];
        return rhkId ? [{ rhkId, text }] : [];
      }),
      progressFree: answerOf(state, progressFreeStep) ?? null,
      obstacle: answerOf(state, obstacleStep) ?? null,
      support: answerOf(state, supportStep) ?? null,
      mood: answerOf(state, moodStep) ?? null,
    });
    if (!answered.ok) return [checkinRefusal(ctx, answered.refusal)];
    await ctx.notify(answered.events);
    const forwardedTo = answered.value.forwardedTo;
    return forwardedTo ? [say(t(ctx).thanks), say(t(ctx).obstacleForwarded({ name: forwardedTo }))] : [say(t(ctx).thanks)];
  },
};

/** Why a check-in cannot be answered, in words. */
function checkinRefusal(ctx: FlowContext, refusal: CheckinRefusal): Reply {
  return say(refusal.code === 'NOT_FOUND' ? t(ctx).notFound : refusal.code === 'ALREADY_ANSWERED' ? t(ctx).alreadyAnswered : t(ctx).closed);
}
