/**
 * /bimbingan [nama] – a supervisor (or Plt/Plh) records a coaching, mentoring or counselling session
 * with a report: when, the topic, the agreed follow-up. The employee is asked to rate the session on
 * the statements of the guidance-feedback form (felt heard, free to speak, knows what to do next…),
 * and the supervisor sees the result.
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { bold, list, paragraph, reply } from '../conversation/reply.js';
import { formatDate, formatNumber, type Locale } from '../i18n/catalogue.js';
import { evaluationText } from '../i18n/evaluation.js';
import { json } from '../services/db.js';
import { todayFor } from '../services/people.js';
import { contextId, refusal, refusalAboutReport, refuse, reportIdOf, reportNameOf, reportStep, say } from './common.js';

const t = (ctx: BotContext) => evaluationText[ctx.me.locale];

const KINDS = ['COACHING', 'MENTORING', 'KONSELING'] as const;
type Kind = (typeof KINDS)[number];

/**
 * The statements the employee rates 1–5, as codes stored in DevelopmentSession.employeeRating. They
 * follow the intent of the regulation's guidance-feedback form (being heard, speaking freely,
 * knowing what is expected and what to do next); verify the wording against the annex in use.
 */
export const GUIDANCE_STATEMENTS = ['HEARD', 'FREE', 'EXPECTED', 'NEXT', 'USEFUL'] as const;



/** The session's date is a civil date stored as midnight UTC. */
const dateLabel = (date: Date, locale: Locale) => formatDate(date, locale, 'UTC');

export const developmentFlow: FlowDefinition<BotContext> = {
  id: 'development',
  version: 1,
  command: '/bimbingan',
  title: (locale) => evaluationText[locale].developmentTitle,
  async begin(ctx, context) {
    return (await refusalAboutReport(ctx, context, 'RECORD_DEVELOPMENT')) ?? { ok: true, context };
  },
  steps: [
    reportStep((ctx) => t(ctx).askDevelopmentReport),
    {
      id: 'kind',
      kind: 'choice',
      schema: z.enum(KINDS),
      prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askDevelopmentKind({ name: await reportNameOf(ctx, state) }))] }),
      options: (ctx) => KINDS.map((kind) => ({ value: kind, label: t(ctx)[`kind${kind}`] })),
    },
    {
      id: 'date',
      kind: 'date',
      schema: z.string(),
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDevelopmentDate)] }),
      validate: (value, _state, ctx) => ((value as string) > todayFor(ctx.me, ctx.now) ? t(ctx).developmentInFuture : null),
    },
    { id: 'topic', kind: 'text', maxLength: 1000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDevelopmentTopic)] }) },
    { id: 'followUp', kind: 'text', optional: true, maxLength: 1000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDevelopmentFollowUp)] }) },
  ],
  async complete(ctx, state) {
    const employeeId = reportIdOf(state);
    const refused = await refusal(ctx, 'RECORD_DEVELOPMENT', employeeId);
    if (refused) return [refused];
    const kind = lastAnswer<Kind>(state, 'kind') ?? 'COACHING';
    const heldAt = new Date(`${lastAnswer<string>(state, 'date') ?? todayFor(ctx.me, ctx.now)}T00:00:00Z`);
    const topic = lastAnswer<string>(state, 'topic') ?? '';
    const followUp = lastAnswer<string | null>(state, 'followUp') ?? null;
    const employee = await ctx.db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { name: true, locale: true } });
    const id = ctx.work.newId();
    ctx.work.change(`developmentSession.insert ${id}`, (tx) => tx.developmentSession.create({ data: { id, employeeId, leaderId: ctx.me.id, kind, heldAt, topic, followUp } }));
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'development.recorded', entityType: 'DevelopmentSession', entityId: id, details: { employeeId, kind } });
    const saved = { id, employee };
    const theirs = evaluationText[saved.employee.locale];
    await ctx.outbox.toPerson(employeeId, [
      reply(
        [paragraph(theirs.developmentToEmployee({ kind: theirs[`kind${kind}`], leader: ctx.me.name, date: dateLabel(heldAt, saved.employee.locale), topic, followUp: followUp ?? '' }))],
        [[await ctx.buttonFor(employeeId, theirs.rateButton, { kind: 'start', flow: 'development-rating', context: { sessionId: saved.id } })]],
      ),
    ]);
    return [say(t(ctx).developmentSaved({ kind: t(ctx)[`kind${kind}`], name: saved.employee.name, date: dateLabel(heldAt, ctx.me.locale) }))];
  },
};

/** The employee rates a recorded session, once. */
export const developmentRatingFlow: FlowDefinition<BotContext> = {
  id: 'development-rating',
  version: 1,
  // Started by the button in the invitation; /bantuan is what the person can type meanwhile.
  command: '/bantuan',
  title: (locale) => evaluationText[locale].ratingTitle,
  async begin(ctx, context) {
    const session = await ctx.db.developmentSession.findUnique({ where: { id: contextId(context, 'sessionId') } });
    if (!session || session.employeeId !== ctx.me.id) return refuse(say(t(ctx).ratingNotYours));
    if (session.ratedAt) return refuse(say(t(ctx).ratingDone));
    return { ok: true, context };
  },
  steps: GUIDANCE_STATEMENTS.map((code, i) => ({
    id: code,
    kind: 'rating' as const,
    schema: z.number().int().min(1).max(5),
    prompt: async (ctx: BotContext, state: FlowState) => {
      const statement = paragraph(bold(t(ctx)[`statement${code}`]));
      if (i > 0) return { blocks: [statement] };
      const session = await ctx.db.developmentSession.findUniqueOrThrow({ where: { id: contextId(state.context, 'sessionId') }, include: { leader: true } });
      return { blocks: [paragraph(t(ctx).ratingIntro({ leader: session.leader.name, date: dateLabel(session.heldAt, ctx.me.locale) })), statement] };
    },
  })),
  async complete(ctx, state) {
    const sessionId = contextId(state.context, 'sessionId');
    const answers = Object.fromEntries(GUIDANCE_STATEMENTS.map((code) => [code, lastAnswer<number>(state, code) ?? 0]));
    // Rated once: a second submission (two devices, a retried button) changes nothing.
    const session = await ctx.db.developmentSession.findUnique({ where: { id: sessionId }, include: { leader: true } });
    if (!session || session.employeeId !== ctx.me.id || session.ratedAt) return [say(t(ctx).ratingDone)];
    ctx.work.guarded(`developmentSession.rate ${sessionId}`, (tx) =>
      tx.developmentSession.updateMany({ where: { id: sessionId, employeeId: ctx.me.id, ratedAt: null }, data: { employeeRating: json(answers), ratedAt: ctx.now } }),
    );
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'development.rated', entityType: 'DevelopmentSession', entityId: sessionId });
    const values = Object.values(answers);
    const theirs = evaluationText[session.leader.locale];
    const average = formatNumber(values.reduce((a, b) => a + b, 0) / values.length, session.leader.locale);
    await ctx.outbox.toPerson(session.leaderId, [
      reply([
        paragraph(theirs.ratingToLeader({ name: ctx.me.name, date: dateLabel(session.heldAt, session.leader.locale), average })),
        list(GUIDANCE_STATEMENTS.map((code) => [`${theirs[`statement${code}`]} `, bold(`${answers[code]}/5`)])),
      ]),
    ]);
    return [say(t(ctx).ratingSaved)];
  },
};
