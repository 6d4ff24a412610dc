/**
 * /bimbingan [nama] – a supervisor (or Plt/Plh) records a coaching, mentoring or counselling session
 * with a report: when, the topic, the agreed follow-up. The employee fills in the Umpan Balik
 * Pelaksanaan Bimbingan Kinerja (Format B.1.8, its statements grouped as the form groups them), which
 * goes to the leader's own superior, not to the leader. /evaluasikompetensi [nama] – the leader's
 * Format B.1.9 competency evaluation as the session's follow-up. The rules live in
 * services/development-service.ts; the forms in domain/guidance-forms.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { allAnswers, answerOf, answersOf, repeat, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { bold, paragraph, type Reply } from '../conversation/reply.js';
import { COMPETENCY_ROWS_MAX, GUIDANCE_FEEDBACK_FORM } from '../domain/guidance-forms.js';
import { guidanceText } from '../i18n/guidance.js';
import { botText } from '../i18n/bot.js';
import { evaluationText } from '../i18n/evaluation.js';
import { sessionDateLabel } from '../notifications/development.js';
import { isInFuture, type DevelopmentRefusal, type GuidanceRating } from '../services/development-service.js';
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
    case 'BAD_RATING':
      return say(t(ctx).ratingDone);
    case 'NOT_LEADER':
      return say(g(ctx).competencyNotLeader);
    case 'EVALUATED':
      return say(g(ctx).competencyDone);
    case 'BAD_COMPETENCIES':
      return say(g(ctx).competencyTooMany({ max: COMPETENCY_ROWS_MAX }));
  }
}

const g = (ctx: FlowContext) => guidanceText[ctx.me.locale];

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
    return [say(g(ctx).sessionSaved({ kind: t(ctx)[`kind${session.kind}`], name: session.employee.name, date: sessionDateLabel(session.heldAt, ctx.me.locale) }))];
  },
};

/**
 * One rating step per statement of Format B.1.8, its id the statement's code; the first statement of
 * each group carries the group's heading, and the first step says who will receive the answers.
 */
const ratingSteps = GUIDANCE_FEEDBACK_FORM.map(
  ({ code, group }, i) =>
    ({
      id: code,
      kind: 'rating',
      schema: z.number().int().min(1).max(5),
      prompt: async (ctx, state) => {
        const first = i === 0 || GUIDANCE_FEEDBACK_FORM[i - 1]?.group !== group;
        const blocks = [...(first ? [paragraph(bold(g(ctx)[`group${group}`]))] : []), paragraph(g(ctx)[`statement${code}`])];
        if (i > 0) return { blocks };
        const open = await ctx.services.development.openForRating(ctx.me, contextId(state.context, 'sessionId'));
        if (!open.ok) return { blocks: developmentRefusal(ctx, open.refusal).blocks };
        const intro = g(ctx).feedbackIntro({ leader: open.value.leader.name, date: sessionDateLabel(open.value.heldAt, ctx.me.locale), recipient: open.value.recipient?.name ?? g(ctx).noRecipient });
        return { blocks: [paragraph(intro), ...blocks] };
      },
    }) satisfies StepDefinition<FlowContext>,
);

/** The employee fills in Format B.1.8 about a recorded session, once; it goes to the leader's superior. */
export const developmentRatingFlow: FlowDefinition<FlowContext> = {
  id: 'development-rating',
  // 2: the nine statements of Format B.1.8 (were five of our own), sent to the leader's superior.
  version: 2,
  // Started by the button in the invitation; /bantuan is what the person can type meanwhile.
  command: cmd('bantuan'),
  title: (locale) => guidanceText[locale].feedbackTitle,
  async begin(ctx, context) {
    const open = await ctx.services.development.openForRating(ctx.me, contextId(context, 'sessionId'));
    return open.ok ? { ok: true, context } : refuse(developmentRefusal(ctx, open.refusal));
  },
  steps: ratingSteps,
  async complete(ctx, state) {
    const rating = Object.fromEntries(ratingSteps.map((step) => [step.id, answerOf(state, step) ?? 0])) as GuidanceRating;
    const rated = await ctx.services.development.rate(ctx.me, contextId(state.context, 'sessionId'), rating);
    // Refused now, the feedback is one too many (two devices, a retried button): as before, one answer for every reason.
    if (!rated.ok) return [say(t(ctx).ratingDone)];
    await ctx.notify(rated.events);
    const recipient = rated.value.recipient;
    return [say(recipient ? g(ctx).feedbackSaved({ recipient: recipient.name }) : g(ctx).feedbackKept)];
  },
};

const sessionStep = {
  id: 'session',
  kind: 'choice',
  schema: z.string(),
  async prompt(ctx, state) {
    const name = await reportNameOf(ctx, state);
    const sessions = await ctx.services.development.awaitingCompetency(ctx.me, reportIdOf(state));
    return { blocks: [paragraph(sessions.length > 0 ? g(ctx).askSession({ name }) : g(ctx).noSessions({ name }))] };
  },
  options: async (ctx, state) =>
    (await ctx.services.development.awaitingCompetency(ctx.me, reportIdOf(state))).map((session) => ({
      value: session.id,
      label: g(ctx).sessionOption({ date: sessionDateLabel(session.heldAt, ctx.me.locale), topic: session.topic.slice(0, 40) }),
    })),
} satisfies StepDefinition<FlowContext>;

const competencyStep = {
  id: 'competency',
  kind: 'text',
  maxLength: 200,
  schema: z.string(),
  prompt: (ctx: FlowContext, state: FlowState) => {
    const index = allAnswers(state, 'competency').length + 1;
    const intro = index === 1 ? [paragraph(g(ctx).competencyTitle)] : [];
    return { blocks: [...intro, paragraph(g(ctx).askCompetency({ index }))] };
  },
} satisfies StepDefinition<FlowContext>;
const scoreStep = {
  id: 'score',
  kind: 'rating',
  schema: z.number().int().min(1).max(5),
  prompt: (ctx, state) => ({ blocks: [paragraph(g(ctx).askScore({ competency: answerOf(state, competencyStep) ?? '' }))] }),
} satisfies StepDefinition<FlowContext>;
const reasonStep = {
  id: 'reason',
  kind: 'text',
  maxLength: 1000,
  schema: z.string(),
  prompt: (ctx, state) => ({ blocks: [paragraph(g(ctx).askReason({ competency: answerOf(state, competencyStep) ?? '' }))] }),
} satisfies StepDefinition<FlowContext>;
const moreStep = {
  id: 'more',
  kind: 'confirm',
  schema: z.boolean(),
  prompt: (ctx) => ({ blocks: [paragraph(g(ctx).askMore)] }),
  validate: (value, state, ctx) => (value === true && answersOf(state, competencyStep).length >= COMPETENCY_ROWS_MAX ? g(ctx).competencyTooMany({ max: COMPETENCY_ROWS_MAX }) : null),
} satisfies StepDefinition<FlowContext>;

/** /evaluasikompetensi [nama]: the leader's Format B.1.9 evaluation of a session, once; the employee reads it. */
export const competencyEvaluationFlow: FlowDefinition<FlowContext> = {
  id: 'development-competency',
  version: 1,
  command: cmd('evaluasikompetensi'),
  title: (locale) => guidanceText[locale].competencyTitle,
  async begin(ctx, context) {
    return (await refusalAboutReport(ctx, context, 'RECORD_DEVELOPMENT')) ?? { ok: true, context };
  },
  steps: [reportStep('RECORD_DEVELOPMENT', (ctx) => t(ctx).askDevelopmentReport), sessionStep, ...repeat<FlowContext>([competencyStep, scoreStep, reasonStep], moreStep)],
  async complete(ctx, state) {
    const names = answersOf(state, competencyStep);
    const scores = answersOf(state, scoreStep);
    const reasons = answersOf(state, reasonStep);
    const rows = names.map((competency, i) => ({ competency: competency ?? '', score: scores[i] ?? 0, reason: reasons[i] ?? '' }));
    const evaluated = await ctx.services.development.evaluateCompetencies(ctx.me, answerOf(state, sessionStep) ?? '', rows);
    if (!evaluated.ok) return [developmentRefusal(ctx, evaluated.refusal)];
    await ctx.notify(evaluated.events);
    return [say(g(ctx).competencySaved({ name: evaluated.value.employee.name, count: rows.length }))];
  },
};
