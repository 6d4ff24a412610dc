/**
 * /bimbingan [nama] – a supervisor (or Plt/Plh) records a coaching, mentoring or counselling session
 * with a report: when, the topic, the agreed follow-up. The employee is asked to rate the session on
 * the statements of the guidance-feedback form (felt heard, free to speak, knows what to do next…),
 * and the supervisor sees the result. The rules live in services/development-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type StepDefinition } from '../conversation/flow.js';
import { bold, paragraph, type Reply } from '../conversation/reply.js';
import { botText } from '../i18n/bot.js';
import { evaluationText } from '../i18n/evaluation.js';
import { sessionDateLabel } from '../notifications/development.js';
import { GUIDANCE_STATEMENTS, isInFuture, type DevelopmentRefusal, type GuidanceRating } from '../services/development-service.js';
import { todayFor } from '../services/people.js';
import { contextId, deniedReply, refusalAboutReport, refuse, reportIdOf, reportNameOf, reportStep, say } from './common.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => evaluationText[ctx.me.locale];

const KINDS = ['COACHING', 'MENTORING', 'KONSELING'] as const;

/** Why a session cannot be recorded or rated, in words. */
function developmentRefusal(ctx: FlowContext, refusal: DevelopmentRefusal): Reply {
  switch (refusal.code) {
    case 'DENIED':
      return deniedReply(ctx, refusal);
    case 'IN_FUTURE':
      return say(t(ctx).developmentInFuture);
    case 'NOT_FOUND':
      return say(botText[ctx.me.locale].personNotFound({ query: '' }));
    case 'NOT_YOURS':
      return say(t(ctx).ratingNotYours);
    case 'RATED':
      return say(t(ctx).ratingDone);
  }
}

const kindStep = {
  id: 'kind',
  kind: 'choice',
  schema: z.enum(KINDS),
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askDevelopmentKind({ name: await reportNameOf(ctx, state) }))] }),
  options: (ctx) => KINDS.map((kind) => ({ value: kind, label: t(ctx)[`kind${kind}`] })),
} satisfies StepDefinition<FlowContext>;

const dateStep = {
  id: 'date',
  kind: 'date',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDevelopmentDate)] }),
  validate: (value, _state, ctx) => (isInFuture(value as string, ctx.me, ctx.now) ? t(ctx).developmentInFuture : null),
} satisfies StepDefinition<FlowContext>;

const topicStep = { id: 'topic', kind: 'text', maxLength: 1000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDevelopmentTopic)] }) } satisfies StepDefinition<FlowContext>;

const followUpStep = { id: 'followUp', kind: 'text', optional: true, maxLength: 1000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDevelopmentFollowUp)] }) } satisfies StepDefinition<FlowContext>;

export const developmentFlow: FlowDefinition<FlowContext> = {
  id: 'development',
  version: 1,
  command: cmd('bimbingan'),
  title: (locale) => evaluationText[locale].developmentTitle,
  async begin(ctx, context) {
    return (await refusalAboutReport(ctx, context, 'RECORD_DEVELOPMENT')) ?? { ok: true, context };
  },
  steps: [
    reportStep('RECORD_DEVELOPMENT', (ctx) => t(ctx).askDevelopmentReport),
    kindStep,
    dateStep,
    topicStep,
    followUpStep,
  ],
  async complete(ctx, state) {
    const recorded = await ctx.services.development.record(ctx.me, {
      employeeId: reportIdOf(state),
      kind: answerOf(state, kindStep) ?? 'COACHING',
      heldOn: answerOf(state, dateStep) ?? todayFor(ctx.me, ctx.now),
      topic: answerOf(state, topicStep) ?? '',
      followUp: answerOf(state, followUpStep) ?? null,
    });
    if (!recorded.ok) return [developmentRefusal(ctx, recorded.refusal)];
    await ctx.notify(recorded.events);
    const session = recorded.value;
    return [say(t(ctx).developmentSaved({ kind: t(ctx)[`kind${session.kind}`], name: session.employee.name, date: sessionDateLabel(session.heldAt, ctx.me.locale) }))];
  },
};

/** One rating step per statement of the guidance-feedback form, its id the statement's code. */
const ratingSteps = GUIDANCE_STATEMENTS.map(
  (code, i) =>
    ({
      id: code,
      kind: 'rating',
      schema: z.number().int().min(1).max(5),
      prompt: async (ctx, state) => {
        const statement = paragraph(bold(t(ctx)[`statement${code}`]));
        if (i > 0) return { blocks: [statement] };
        const open = await ctx.services.development.openForRating(ctx.me, contextId(state.context, 'sessionId'));
        if (!open.ok) return { blocks: developmentRefusal(ctx, open.refusal).blocks };
        return { blocks: [paragraph(t(ctx).ratingIntro({ leader: open.value.leader.name, date: sessionDateLabel(open.value.heldAt, ctx.me.locale) })), statement] };
      },
    }) satisfies StepDefinition<FlowContext>,
);

/** The employee rates a recorded session, once. */
export const developmentRatingFlow: FlowDefinition<FlowContext> = {
  id: 'development-rating',
  version: 1,
  // Started by the button in the invitation; /bantuan is what the person can type meanwhile.
  command: cmd('bantuan'),
  title: (locale) => evaluationText[locale].ratingTitle,
  async begin(ctx, context) {
    const open = await ctx.services.development.openForRating(ctx.me, contextId(context, 'sessionId'));
    return open.ok ? { ok: true, context } : refuse(developmentRefusal(ctx, open.refusal));
  },
  steps: ratingSteps,
  async complete(ctx, state) {
    const rating = Object.fromEntries(ratingSteps.map((step) => [step.id, answerOf(state, step) ?? 0])) as GuidanceRating;
    const rated = await ctx.services.development.rate(ctx.me, contextId(state.context, 'sessionId'), rating);
    // Refused now, the rating is one too many (two devices, a retried button): as before, one answer for every reason.
    if (!rated.ok) return [say(t(ctx).ratingDone)];
    await ctx.notify(rated.events);
    return [say(t(ctx).ratingSaved)];
  },
};
