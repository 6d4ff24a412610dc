/**
 * Continuous feedback: a supervisor's feedback on one RHK or one BerAKHLAK value ("feedback"),
 * the employee's reply ("feedback-reply"), and the employee asking for feedback
 * ("feedback-request", /mintaumpanbalik), which gives the supervisor a button into "feedback".
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type Option, type StepDefinition } from '../conversation/flow.js';
import { paragraph, quote, type Reply } from '../conversation/reply.js';
import { CORE_VALUES, coreValueName, isCoreValueCode } from '../domain/berakhlak.js';
import { botText } from '../i18n/bot.js';
import { dialogueText } from '../i18n/dialogue.js';
import type { FeedbackRefusal } from '../services/feedback-service.js';
import { contextId, deniedReply, performanceYear, refusalAboutReport, refuse, reportIdOf, reportNameOf, reportStep, rhkOptions, say } from './common.js';
import { respondToRecord } from './respond-to-record.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => dialogueText[ctx.me.locale];


/** Why feedback cannot be given or replied to, in words. */
function feedbackRefusal(ctx: FlowContext, refusal: FeedbackRefusal): Reply {
  switch (refusal.code) {
    case 'DENIED':
      return deniedReply(ctx, refusal);
    case 'ALREADY_REPLIED':
      return say(t(ctx).alreadyReplied);
    case 'NO_SUPERVISOR':
      return say(botText[ctx.me.locale].noSupervisor);
    case 'NOT_FOUND':
      return say(t(ctx).feedbackNotFound);
  }
}

/** The replies after something reached (or could not reach) the other person. */
function sentOrNotLinked(ctx: FlowContext, sent: Reply, unreachable: { name: string }[]): Reply[] {
  return [sent, ...unreachable.map((person) => say(botText[ctx.me.locale].notLinkedYet({ name: person.name })))];
}

const aboutStep = {
  id: 'about',
  kind: 'choice',
  schema: z.string().regex(/^(rhk|value):/),
  when: (state) => !state.context['rhkId'],
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askAbout({ name: await reportNameOf(ctx, state) }))] }),
  async options(ctx, state): Promise<Option[]> {
    const plan = await ctx.read.workingPlan(reportIdOf(state), performanceYear(ctx));
    const rhks = rhkOptions(plan?.resultExpectations ?? []).map((o) => ({ value: `rhk:${o.value}`, label: t(ctx).aboutRhk({ text: o.label }) }));
    const values = CORE_VALUES.map((v) => ({ value: `value:${v.code}`, label: t(ctx).aboutValue({ value: coreValueName(v.code, ctx.me.locale) }) }));
    return [...rhks, ...values];
  },
} satisfies StepDefinition<FlowContext>;

const kindStep = {
  id: 'kind',
  kind: 'choice',
  schema: z.enum(['APRESIASI', 'PERBAIKAN']),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askKind)] }),
  options: (ctx) => [
    { value: 'APRESIASI', label: t(ctx).kindAPRESIASI },
    { value: 'PERBAIKAN', label: t(ctx).kindPERBAIKAN },
  ],
} satisfies StepDefinition<FlowContext>;

const textStep = { id: 'text', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askFeedbackText)] }) } satisfies StepDefinition<FlowContext>;

export const feedbackFlow: FlowDefinition<FlowContext> = {
  id: 'feedback',
  version: 1,
  command: cmd('umpanbalik'),
  title: (locale) => dialogueText[locale].feedbackTitle,
  async begin(ctx, context) {
    return (await refusalAboutReport(ctx, context, 'GIVE_FEEDBACK')) ?? { ok: true, context };
  },
  steps: [
    reportStep('GIVE_FEEDBACK', (ctx) => t(ctx).askFeedbackReport),
    aboutStep,
    kindStep,
    textStep,
  ],
  async complete(ctx, state) {
    const about = state.context['rhkId'] ? `rhk:${contextId(state.context, 'rhkId')}` : (answerOf(state, aboutStep) ?? '');
    const code = about.startsWith('value:') ? about.slice('value:'.length) : '';
    const given = await ctx.services.feedback.give(ctx.me, {
      recipientId: reportIdOf(state),
      about: isCoreValueCode(code) ? { coreValue: code } : { rhkId: about.slice('rhk:'.length) },
      kind: answerOf(state, kindStep) ?? 'APRESIASI',
      text: answerOf(state, textStep) ?? '',
      requestId: contextId(state.context, 'requestId') || null,
    });
    if (!given.ok) return [feedbackRefusal(ctx, given.refusal)];
    return sentOrNotLinked(ctx, say(t(ctx).feedbackSent({ name: given.value.recipient.name })), await ctx.notify(given.events));
  },
};

export const feedbackReplyFlow = respondToRecord({
  id: 'feedback-reply',
  version: 2,
  command: cmd('bantuan'),
  title: (locale) => dialogueText[locale].feedbackReplyTitle,
  recordKey: 'feedbackId',
  open: (ctx, id) => ctx.services.feedback.openForReply(ctx.me, id),
  ask: (ctx, feedback) => [quote(feedback.text), paragraph(t(ctx).askReply({ name: feedback.giver.name }))],
  save: (ctx, id, text) => ctx.services.feedback.reply(ctx.me, id, text),
  refusal: feedbackRefusal,
  done: (ctx, feedback) => [say(t(ctx).replySent({ name: feedback.giver.name }))],
});

/** feedback-request: what the employee asks about, one of their RHK or 'general' (asked only when they have RHK). */
const requestRhkStep = {
  id: 'rhk',
  kind: 'choice',
  schema: z.string(),
  when: async (_state, ctx) => ((await ctx.read.workingPlan(ctx.me.id, performanceYear(ctx)))?.resultExpectations.length ?? 0) > 0,
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askRequestAbout)] }),
  options: async (ctx) => [
    ...rhkOptions((await ctx.read.workingPlan(ctx.me.id, performanceYear(ctx)))?.resultExpectations ?? []),
    { value: 'general', label: t(ctx).general },
  ],
} satisfies StepDefinition<FlowContext>;

const requestTopicStep = { id: 'topic', kind: 'text', maxLength: 1000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askTopic)] }) } satisfies StepDefinition<FlowContext>;

export const feedbackRequestFlow: FlowDefinition<FlowContext> = {
  id: 'feedback-request',
  version: 1,
  command: cmd('mintaumpanbalik'),
  title: (locale) => dialogueText[locale].requestTitle,
  begin(ctx, context) {
    if (!ctx.me.supervisorId) return refuse(say(botText[ctx.me.locale].noSupervisor));
    return { ok: true, context };
  },
  steps: [requestRhkStep, requestTopicStep],
  async complete(ctx, state) {
    const chosen = answerOf(state, requestRhkStep);
    const requested = await ctx.services.feedback.request(ctx.me, { rhkId: chosen && chosen !== 'general' ? chosen : null, topic: answerOf(state, requestTopicStep) ?? '' });
    if (!requested.ok) return [feedbackRefusal(ctx, requested.refusal)];
    return sentOrNotLinked(ctx, say(t(ctx).requestSent({ name: requested.value.supervisor.name })), await ctx.notify(requested.events));
  },
};
