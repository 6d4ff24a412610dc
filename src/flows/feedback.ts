/**
 * Continuous feedback: a supervisor's feedback on one RHK or one BerAKHLAK value ("feedback"),
 * the employee's reply ("feedback-reply"), and the employee asking for feedback
 * ("feedback-request", /mintaumpanbalik), which gives the supervisor a button into "feedback".
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type Option } from '../conversation/flow.js';
import { bold, paragraph, quote, reply } from '../conversation/reply.js';
import { CORE_VALUES, coreValueName, isCoreValueCode } from '../domain/berakhlak.js';
import type { Locale } from '../i18n/catalogue.js';
import { botText } from '../i18n/bot.js';
import { dialogueText } from '../i18n/dialogue.js';
import { audit } from '../services/audit.js';
import { workingPlan } from '../services/plans.js';
import { contextId, performanceYear, refusal, refusalAboutReport, refuse, reportIdOf, reportStep, rhkOptions, say, shorten } from './common.js';

const t = (ctx: BotContext) => dialogueText[ctx.me.locale];


async function nameOf(ctx: BotContext, id: string): Promise<string> {
  return (await ctx.db.employee.findUnique({ where: { id }, select: { name: true } }))?.name ?? '';
}

/** "rhk:<id>" or "value:<code>" as a phrase for the message. */
async function aboutPhrase(ctx: BotContext, about: string, locale: Locale): Promise<string> {
  const text = dialogueText[locale];
  if (about.startsWith('value:')) {
    const code = about.slice('value:'.length);
    return isCoreValueCode(code) ? text.aboutValue({ value: coreValueName(code, locale) }) : about;
  }
  const rhk = await ctx.db.resultExpectation.findUnique({ where: { id: about.slice('rhk:'.length) }, select: { text: true } });
  return text.aboutRhk({ text: shorten(rhk?.text ?? '', 80) });
}

export const feedbackFlow: FlowDefinition<BotContext> = {
  id: 'feedback',
  version: 1,
  command: '/umpanbalik',
  title: (locale) => dialogueText[locale].feedbackTitle,
  async begin(ctx, context) {
    return (await refusalAboutReport(ctx, context, 'GIVE_FEEDBACK')) ?? { ok: true, context };
  },
  steps: [
    reportStep((ctx) => t(ctx).askFeedbackReport),
    {
      id: 'about',
      kind: 'choice',
      schema: z.string().regex(/^(rhk|value):/),
      when: (state) => !state.context['rhkId'],
      prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askAbout({ name: await nameOf(ctx, reportIdOf(state)) }))] }),
      async options(ctx, state): Promise<Option[]> {
        const plan = await workingPlan(ctx.db, reportIdOf(state), performanceYear(ctx));
        const rhks = rhkOptions(plan?.resultExpectations ?? []).map((o) => ({ value: `rhk:${o.value}`, label: t(ctx).aboutRhk({ text: o.label }) }));
        const values = CORE_VALUES.map((v) => ({ value: `value:${v.code}`, label: t(ctx).aboutValue({ value: coreValueName(v.code, ctx.me.locale) }) }));
        return [...rhks, ...values];
      },
    },
    {
      id: 'kind',
      kind: 'choice',
      schema: z.enum(['APRESIASI', 'PERBAIKAN']),
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askKind)] }),
      options: (ctx) => [
        { value: 'APRESIASI', label: t(ctx).kindAPRESIASI },
        { value: 'PERBAIKAN', label: t(ctx).kindPERBAIKAN },
      ],
    },
    { id: 'text', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askFeedbackText)] }) },
  ],
  async complete(ctx, state) {
    const recipientId = reportIdOf(state);
    const refused = await refusal(ctx, 'GIVE_FEEDBACK', recipientId);
    if (refused) return [refused];
    const about = state.context['rhkId'] ? `rhk:${contextId(state.context, 'rhkId')}` : (lastAnswer<string>(state, 'about') ?? '');
    const kind = lastAnswer<'APRESIASI' | 'PERBAIKAN'>(state, 'kind') ?? 'APRESIASI';
    const text = lastAnswer<string>(state, 'text') ?? '';
    const requestId = (state.context['requestId'] as string | undefined) ?? null;
    const coreValue = about.startsWith('value:') ? about.slice('value:'.length) : null;
    const feedback = await ctx.db.feedback.create({
      data: {
        recipientId,
        giverId: ctx.me.id,
        kind,
        rhkId: about.startsWith('rhk:') ? about.slice('rhk:'.length) : null,
        coreValue: coreValue && isCoreValueCode(coreValue) ? coreValue : null,
        text,
        requestId,
      },
      include: { recipient: true },
    });
    if (requestId) await ctx.db.feedbackRequest.updateMany({ where: { id: requestId, status: 'OPEN' }, data: { status: 'ANSWERED' } });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'feedback.given', entityType: 'Feedback', entityId: feedback.id });
    const locale = feedback.recipient.locale;
    const text2 = dialogueText[locale];
    const heading = text2.feedbackToEmployee({ name: ctx.me.name, kind: text2[`kind${kind}`], about: await aboutPhrase(ctx, about, locale) });
    const delivered = await ctx.outbox.toPerson(recipientId, [
      reply([paragraph(bold(heading)), quote(text)], [
        [await ctx.buttonFor(recipientId, text2.replyButton, { kind: 'start', flow: 'feedback-reply', context: { feedbackId: feedback.id } })],
      ]),
    ]);
    const sent = say(t(ctx).feedbackSent({ name: feedback.recipient.name }));
    return delivered ? [sent] : [sent, say(botText[ctx.me.locale].notLinkedYet({ name: feedback.recipient.name }))];
  },
};

export const feedbackReplyFlow: FlowDefinition<BotContext> = {
  id: 'feedback-reply',
  version: 1,
  command: '/bantuan',
  title: (locale) => dialogueText[locale].feedbackReplyTitle,
  async begin(ctx, context) {
    const feedback = await ctx.db.feedback.findUnique({ where: { id: contextId(context, 'feedbackId') } });
    if (!feedback || feedback.recipientId !== ctx.me.id) return refuse(say(t(ctx).feedbackNotFound));
    if (feedback.reply) return refuse(say(t(ctx).alreadyReplied));
    return { ok: true, context };
  },
  steps: [
    {
      id: 'reply',
      kind: 'text',
      maxLength: 2000,
      schema: z.string(),
      async prompt(ctx, state) {
        const feedback = await ctx.db.feedback.findUniqueOrThrow({ where: { id: contextId(state.context, 'feedbackId') }, include: { giver: true } });
        return { blocks: [quote(feedback.text), paragraph(t(ctx).askReply({ name: feedback.giver.name }))] };
      },
    },
  ],
  async complete(ctx, state) {
    const text = lastAnswer<string>(state, 'reply') ?? '';
    const feedback = await ctx.db.feedback.update({
      where: { id: contextId(state.context, 'feedbackId') },
      data: { reply: text, repliedAt: ctx.now },
      include: { giver: true },
    });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'feedback.replied', entityType: 'Feedback', entityId: feedback.id });
    const giverText = dialogueText[feedback.giver.locale];
    await ctx.outbox.toPerson(feedback.giverId, [reply([paragraph(bold(giverText.replyToSupervisor({ name: ctx.me.name }))), quote(feedback.text), quote(text)])]);
    return [say(t(ctx).replySent({ name: feedback.giver.name }))];
  },
};

export const feedbackRequestFlow: FlowDefinition<BotContext> = {
  id: 'feedback-request',
  version: 1,
  command: '/mintaumpanbalik',
  title: (locale) => dialogueText[locale].requestTitle,
  begin(ctx, context) {
    if (!ctx.me.supervisorId) return refuse(say(botText[ctx.me.locale].noSupervisor));
    return { ok: true, context };
  },
  steps: [
    {
      id: 'rhk',
      kind: 'choice',
      schema: z.string(),
      when: async (_state, ctx) => ((await workingPlan(ctx.db, ctx.me.id, performanceYear(ctx)))?.resultExpectations.length ?? 0) > 0,
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askRequestAbout)] }),
      options: async (ctx) => [
        ...rhkOptions((await workingPlan(ctx.db, ctx.me.id, performanceYear(ctx)))?.resultExpectations ?? []),
        { value: 'general', label: t(ctx).general },
      ],
    },
    { id: 'topic', kind: 'text', maxLength: 1000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askTopic)] }) },
  ],
  async complete(ctx, state) {
    const supervisor = await ctx.db.employee.findUnique({ where: { id: ctx.me.supervisorId ?? '' } });
    if (!supervisor) return [say(botText[ctx.me.locale].noSupervisor)];
    const chosen = lastAnswer<string>(state, 'rhk');
    const rhkId = chosen && chosen !== 'general' ? chosen : null;
    const topic = lastAnswer<string>(state, 'topic') ?? '';
    const request = await ctx.db.feedbackRequest.create({ data: { requesterId: ctx.me.id, requesteeId: supervisor.id, rhkId, topic } });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'feedback.requested', entityType: 'FeedbackRequest', entityId: request.id });
    const text = dialogueText[supervisor.locale];
    const about = rhkId ? await aboutPhrase(ctx, `rhk:${rhkId}`, supervisor.locale) : text.aboutGeneral;
    const context = { reportId: ctx.me.id, requestId: request.id, ...(rhkId ? { rhkId } : {}) };
    const delivered = await ctx.outbox.toPerson(supervisor.id, [
      reply([paragraph(bold(text.requestToSupervisor({ name: ctx.me.name, about }))), quote(topic)], [
        [await ctx.buttonFor(supervisor.id, text.giveFeedbackButton, { kind: 'start', flow: 'feedback', context })],
      ]),
    ]);
    const sent = say(t(ctx).requestSent({ name: supervisor.name }));
    return delivered ? [sent] : [sent, say(botText[ctx.me.locale].notLinkedYet({ name: supervisor.name }))];
  },
};
