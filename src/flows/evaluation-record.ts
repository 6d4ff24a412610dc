/**
 * /catatevaluasi [nama] – HR (the pengelola kinerja covering the employee) records the evaluation an
 * official outside the bot decided – the Kepala Dinas's, by the Gubernur – from the signed document:
 * the two ratings (the predikat follows the matrix), notes and feedback, the document's number and
 * date. It is final at once and goes to the employee like any result; a keberatan then reaches HR,
 * who records the Atasan PPK's decision the same way. The rules live in
 * services/evaluation-service.ts (recordForOfficial).
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { annualPeriod, parsePeriodKey, periodLabel, type Period } from '../domain/periods.js';
import { predikatFor, predikatLabel, RATINGS, ratingLabel, type Rating } from '../domain/rating-matrix.js';
import { cmd } from '../i18n/command-names.js';
import { evaluationRecordText } from '../i18n/evaluation-record.js';
import { contextId, deniedReply, refuse, say } from './common.js';
import { evaluationRefusal } from './evaluation.js';
import { officialName } from '../notifications/evaluations.js';

const t = (ctx: FlowContext) => evaluationRecordText[ctx.me.locale];

/** The people rated by an official outside the bot, as HR may pick them. */
async function candidates(ctx: FlowContext, context: Record<string, unknown>) {
  const named = contextId(context, 'reportId');
  return (await ctx.read.ratedByOfficialOutside(ctx.me.agencyId)).filter((person) => !named || person.id === named);
}

/** The periods HR may record: those whose window is open, and last year's annual evaluation (the document often comes late). */
async function periods(ctx: FlowContext): Promise<Period[]> {
  const { open, next } = await ctx.read.evaluationPeriods(ctx.me);
  const lastYear = annualPeriod(next.year - 1);
  return open.some((period) => period.key === lastYear.key) ? open : [...open, lastYear];
}

const officialOf = async (ctx: FlowContext, state: FlowState) => {
  const person = (await candidates(ctx, state.context)).find((p) => p.id === employeeOf(state));
  return person?.externalPpk ? officialName(person.externalPpk) : '-';
};

const personStep = {
  id: 'person',
  kind: 'choice',
  schema: z.string(),
  when: (state) => !state.context['reportId'],
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askPerson)] }),
  options: async (ctx, state) =>
    (await candidates(ctx, state.context)).map((person) => ({
      value: person.id,
      label: t(ctx).personOption({ name: person.name, official: person.externalPpk ? `${person.externalPpk.name}, ${person.externalPpk.title}` : '-' }),
    })),
} satisfies StepDefinition<FlowContext>;

const employeeOf = (state: FlowState) => contextId(state.context, 'reportId') || (answerOf(state, personStep) ?? '');

const periodStep = {
  id: 'period',
  kind: 'choice',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askPeriod)] }),
  options: async (ctx) => (await periods(ctx)).map((period) => ({ value: period.key, label: periodLabel(period, ctx.me.locale) })),
} satisfies StepDefinition<FlowContext>;

const ratingOptions = (ctx: FlowContext) => RATINGS.map((rating) => ({ value: rating, label: ratingLabel(rating, ctx.me.locale) }));
const resultsStep = {
  id: 'results',
  kind: 'choice',
  schema: z.enum(RATINGS as [Rating, ...Rating[]]),
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askResults({ official: await officialOf(ctx, state) }))] }),
  options: ratingOptions,
} satisfies StepDefinition<FlowContext>;
const behaviourStep = { id: 'behaviour', kind: 'choice', schema: z.enum(RATINGS as [Rating, ...Rating[]]), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askBehaviour)] }), options: ratingOptions } satisfies StepDefinition<FlowContext>;
const notesStep = { id: 'notes', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNotes)] }) } satisfies StepDefinition<FlowContext>;
const feedbackStep = { id: 'feedback', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askFeedback)] }) } satisfies StepDefinition<FlowContext>;
const numberStep = {
  id: 'documentNumber',
  kind: 'text',
  maxLength: 100,
  schema: z.string().min(1),
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askDocumentNumber({ official: await officialOf(ctx, state) }))] }),
} satisfies StepDefinition<FlowContext>;
const dateStep = { id: 'decidedOn', kind: 'date', schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDecidedOn)] }) } satisfies StepDefinition<FlowContext>;

const periodOf = (state: FlowState) => parsePeriodKey(answerOf(state, periodStep) ?? '');

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  async prompt(ctx, state) {
    const period = periodOf(state);
    const predikat = predikatFor(answerOf(state, resultsStep) ?? 'SESUAI', answerOf(state, behaviourStep) ?? 'SESUAI');
    return {
      blocks: [
        paragraph(
          t(ctx).askConfirm({
            name: await ctx.read.employeeName(employeeOf(state)),
            period: period ? periodLabel(period, ctx.me.locale) : '-',
            official: await officialOf(ctx, state),
            predikat: predikatLabel(predikat, ctx.me.locale),
            number: answerOf(state, numberStep) ?? '',
            date: answerOf(state, dateStep) ?? '',
          }),
        ),
      ],
    };
  },
} satisfies StepDefinition<FlowContext>;

export const evaluationRecordFlow: FlowDefinition<FlowContext> = {
  id: 'evaluation-record',
  version: 1,
  command: cmd('catatevaluasi'),
  title: (locale) => evaluationRecordText[locale].title,
  async begin(ctx, context) {
    const people = await candidates(ctx, context);
    if (!people[0]) return refuse(say(t(ctx).nobody));
    // Only the pengelola kinerja: everyone else is refused before the first question.
    const denied = await ctx.services.evaluations.recordingDenied(ctx.me, people[0].id);
    if (denied) return refuse(deniedReply(ctx, denied));
    if ((await periods(ctx)).length === 0) return refuse(say(t(ctx).nothingOpen));
    return { ok: true, context };
  },
  steps: [personStep, periodStep, resultsStep, behaviourStep, notesStep, feedbackStep, numberStep, dateStep, confirmStep],
  async complete(ctx, state) {
    const period = periodOf(state);
    if (!answerOf(state, confirmStep) || !period) return [say(t(ctx).cancelled)];
    const employeeId = employeeOf(state);
    // Access, the official, the window and the document's date are decided again here, at the last step.
    const recorded = await ctx.services.evaluations.recordForOfficial(ctx.me, {
      employeeId,
      period,
      results: answerOf(state, resultsStep) ?? 'SESUAI',
      behaviour: answerOf(state, behaviourStep) ?? 'SESUAI',
      notes: answerOf(state, notesStep) ?? null,
      feedback: answerOf(state, feedbackStep) ?? null,
      documentNumber: answerOf(state, numberStep) ?? '',
      decidedOn: answerOf(state, dateStep) ?? '',
    });
    if (!recorded.ok) return [evaluationRefusal(ctx, recorded.refusal)];
    await ctx.notify(recorded.events);
    const { delivered, official, predikat } = recorded.value;
    const words = { name: await ctx.read.employeeName(employeeId), period: periodLabel(period, ctx.me.locale), official: officialName(official), predikat: predikatLabel(predikat, ctx.me.locale) };
    return [say(delivered ? t(ctx).recorded(words) : t(ctx).recordedWaiting(words))];
  },
};
