/**
 * /evaluasi [nama] – the rater evaluates a report for an open period (periodic or annual) with the
 * period's record in front of them: results and behaviour rating with the guidance for each level,
 * notes and feedback. The predikat comes from the matrix and is explained; the evaluation is saved
 * as a draft. A report who leads a unit gets the results rating the unit's predikat sets. Once the
 * whole team is rated, the team's predikat are checked against the curve and the rater may finalise.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { list, paragraph, reply, type Block, type Reply } from '../conversation/reply.js';
import { explainCurveResult } from '../domain/distribution-curve.js';
import { evaluationWindow, windowSettingOf } from '../domain/evaluation-window.js';
import { civilDayLabel, parsePeriodKey, periodLabel, type Period } from '../domain/periods.js';
import { evaluationPeriodLabel } from '../domain/final-evaluation.js';
import { explainPredikat, explainUnitLeaderResultsRating, predikatLabel, RATINGS, ratingLabel, type Rating } from '../domain/rating-matrix.js';
import { appraisalText } from '../i18n/appraisal.js';
import type { EvaluationRefusal } from '../services/evaluation-service.js';
import {type PendingEvaluation } from '../services/evaluations.js';
import { contextId, deniedReply, refusalAboutReport, refuse, reportChoice, reportIdOf, say } from './common.js';
import { skpPartLabel } from '../domain/skp-period.js';
import { evaluationPeriodName } from '../notifications/evaluations.js';
import { localDate } from '../domain/time-zones.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => appraisalText[ctx.me.locale];

export function periodOfState(state: FlowState): Period {
  const key = contextId(state.context, 'periodKey') || (answerOf(state, periodStep) ?? '');
  const period = parsePeriodKey(key);
  if (!period) throw new Error(`evaluation flow without a period: ${key}`);
  return period;
}

/** Why an evaluation cannot be drafted, finalised or accepted, in words. */
export function evaluationRefusal(ctx: FlowContext, refusal: EvaluationRefusal): Reply {
  const m = t(ctx);
  switch (refusal.code) {
    case 'DENIED':
      return deniedReply(ctx, refusal);
    case 'NOT_OPEN':
      return say(m.notOpen({ period: periodLabel(refusal.period, ctx.me.locale) }));
    case 'NOT_ENDED':
      return say(m.notEnded({ period: periodLabel(refusal.period, ctx.me.locale), from: civilDayLabel(refusal.from, ctx.me.locale) }));
    case 'OUTSIDE_SKP_PERIOD':
      return say(m.outsideSkpPeriod({ name: refusal.name, period: periodLabel(refusal.period, ctx.me.locale) }));
    case 'ALREADY_FINAL':
      return say(m.alreadyFinal({ name: refusal.name, period: periodLabel(refusal.period, ctx.me.locale) }));
    case 'NOT_ALL_RATED':
      return say(m.notAllRated({ names: refusal.names.join(', ') }));
    case 'STALE_LEADERS':
      return say(m.staleLeaders({ names: refusal.names.join(', ') }));
    case 'NOTHING_TO_FINALIZE':
      return say(m.nothingToFinalize({ period: periodLabel(refusal.period, ctx.me.locale) }));
    case 'TEAM_CHANGED':
      return say(m.curveChanged);
    case 'NOT_YOURS':
      return say(m.notYourEvaluation);
    case 'ALREADY_ANSWERED':
      return say(m.alreadyAnswered);
    case 'PPK_IN_BOT':
      return say(m.officialIsPpkInBot);
    case 'NOT_YET':
      return say(m.notYet({ period: periodLabel(refusal.period, ctx.me.locale) }));
    case 'DECIDED_LATER':
      return say(m.decidedLater);
  }
}

/**
 * Whom and which SKP period the flow evaluates. A choice names a closed SKP period after the
 * employee's id ("<id>~<skpPeriodId>") when a move split the year; otherwise the period in force.
 */
export function subjectOf(state: FlowState): { employeeId: string; skpPart: string } {
  const [employeeId = '', named = ''] = reportIdOf(state).split('~');
  return { employeeId, skpPart: contextId(state.context, 'skpPart') || named };
}

/** A team entry as a choice value. */
const subjectValue = (member: { id: string; skpPart: string }) => (member.skpPart ? `${member.id}~${member.skpPart}` : member.id);

const subjectName = async (ctx: FlowContext, state: FlowState) => ctx.read.employeeName(subjectOf(state).employeeId);

/** The rating and explanation when the report leads a unit whose predikat is set for the period. */
async function leaderRule(ctx: FlowContext, state: FlowState): Promise<{ rating: Rating; text: string } | null> {
  const led = await ctx.services.evaluations.leaderRule(subjectOf(state).employeeId, periodOfState(state));
  if (!led) return null;
  const explanation = explainUnitLeaderResultsRating(led.predikat, ctx.me.locale);
  return { rating: led.rating, text: t(ctx).leaderResultsFixed({ name: await subjectName(ctx, state), unit: led.unit, explanation }) };
}

/** A note when the report leads a unit whose predikat is not set: the rater chooses, knowingly. */
async function leaderWithoutPredikat(ctx: FlowContext, state: FlowState): Promise<Block[]> {
  const unit = await ctx.read.unitLedBy(subjectOf(state).employeeId);
  if (!unit) return [];
  return [paragraph(t(ctx).leaderNoUnitPredikat({ name: await subjectName(ctx, state), unit: unit.name, period: periodLabel(periodOfState(state), ctx.me.locale) }))];
}

/** The message when the report's evaluation for the period is already final (it cannot be redone). */
async function finalAlready(ctx: FlowContext, subject: { employeeId: string; skpPart: string }, periodKey: string): Promise<string | null> {
  const period = parsePeriodKey(periodKey);
  if (!subject.employeeId || !period) return null;
  const final = await ctx.services.evaluations.alreadyFinal(subject.employeeId, period, subject.skpPart);
  return final ? t(ctx).alreadyFinal({ name: final.name, period: periodLabel(period, ctx.me.locale) }) : null;
}

/**
 * When `me` is not someone's PPK today but was, before a move this year (or last year, whose
 * annual evaluation runs into January): for a named person, their closed SKP period; for none named,
 * an empty match when there is anyone to rate that way. Null otherwise.
 */
async function formerReport(ctx: FlowContext, context: Record<string, unknown>): Promise<{ skpPart?: string } | null> {
  const year = localDate(ctx.now, ctx.me.timeZone).year;
  const closed = [...(await ctx.read.closedPeriodsRatedBy(ctx.me, year)), ...(await ctx.read.closedPeriodsRatedBy(ctx.me, year - 1))];
  const named = contextId(context, 'reportId');
  if (!named) return closed.length > 0 ? {} : null;
  const latest = closed.filter((c) => c.employeeId === named).at(-1);
  return latest ? { skpPart: latest.id } : null;
}

/** The guidance for each level of a rating, one line each. */
const guide = (ctx: FlowContext, kind: 'resultsGuide' | 'behaviourGuide') => list(RATINGS.map((rating) => [t(ctx)[`${kind}${rating}`]]));

const ratingOptions = (ctx: FlowContext) => RATINGS.map((rating) => ({ value: rating, label: ratingLabel(rating, ctx.me.locale) }));

/** The period, when the command or button did not name one. */
const periodStep = {
  id: 'period',
  kind: 'choice',
  schema: z.string(),
  when: (state) => !state.context['periodKey'],
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askPeriod)] }),
  options: async (ctx) => {
    const { open, finalEvaluation } = await ctx.read.evaluationPeriods(ctx.me);
    return open.map((period) => ({ value: period.key, label: evaluationPeriodLabel(period, finalEvaluation, ctx.me.locale) }));
  },
  validate: (value, state, ctx) => finalAlready(ctx, { employeeId: contextId(state.context, 'reportId'), skpPart: contextId(state.context, 'skpPart') }, value as string),
} satisfies StepDefinition<FlowContext>;

const resultsStep = {
  id: 'results',
  kind: 'choice',
  schema: z.enum(RATINGS as [Rating, ...Rating[]]),
  when: async (state, ctx) => (await leaderRule(ctx, state)) === null,
  async prompt(ctx, state) {
    const { employeeId, skpPart } = subjectOf(state);
    const record = await ctx.read.recordBlocks(employeeId, periodOfState(state), ctx.me.locale, skpPart);
    return { blocks: [...record, ...(await leaderWithoutPredikat(ctx, state)), paragraph(t(ctx).askResults), guide(ctx, 'resultsGuide')] };
  },
  options: ratingOptions,
} satisfies StepDefinition<FlowContext>;

const behaviourStep = {
  id: 'behaviour',
  kind: 'choice',
  schema: z.enum(RATINGS as [Rating, ...Rating[]]),
  async prompt(ctx, state) {
    const fixed = await leaderRule(ctx, state);
    // When the results step was skipped, the record is shown here instead.
    const { employeeId, skpPart } = subjectOf(state);
    const before = fixed ? [...(await ctx.read.recordBlocks(employeeId, periodOfState(state), ctx.me.locale, skpPart)), paragraph(fixed.text)] : [];
    return { blocks: [...before, paragraph(t(ctx).askBehaviour), guide(ctx, 'behaviourGuide')] };
  },
  options: ratingOptions,
} satisfies StepDefinition<FlowContext>;

const notesStep = { id: 'notes', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNotes)] }) } satisfies StepDefinition<FlowContext>;
const feedbackStep = { id: 'feedback', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askFeedback)] }) } satisfies StepDefinition<FlowContext>;

export const evaluationFlow: FlowDefinition<FlowContext> = {
  id: 'evaluation',
  version: 1,
  command: cmd('evaluasi'),
  title: (locale) => appraisalText[locale].title,
  async begin(ctx, rawContext) {
    const refused = await refusalAboutReport(ctx, rawContext, 'EVALUATE');
    // Someone who moved away this year is still rated by the PPK of their closed SKP period.
    const former = refused ? await formerReport(ctx, rawContext) : null;
    if (refused && !former) return refused;
    const context = { ...rawContext, ...former };
    const named = parsePeriodKey(contextId(context, 'periodKey'));
    if (named) return (await ctx.services.evaluations.isOpen(ctx.me, named)) ? { ok: true, context } : refuse(say(t(ctx).notOpen({ period: periodLabel(named, ctx.me.locale) })));
    const { open, next } = await ctx.read.evaluationPeriods(ctx.me);
    if (open.length === 0) {
      const opens = evaluationWindow(next, windowSettingOf(await ctx.read.agencySettings(ctx.me.agencyId))).opens;
      return refuse(say(t(ctx).noneOpen({ period: periodLabel(next, ctx.me.locale), opens: civilDayLabel(opens, ctx.me.locale) })));
    }
    const chosen = open.length === 1 ? { ...context, periodKey: open[0]?.key } : context;
    const final = await finalAlready(ctx, { employeeId: contextId(chosen, 'reportId'), skpPart: contextId(chosen, 'skpPart') }, contextId(chosen, 'periodKey'));
    return final ? refuse(say(final)) : { ok: true, context: chosen };
  },
  steps: [
    periodStep,
    {
      ...reportChoice,
      kind: 'choice',
      when: (state) => !state.context['reportId'],
      async prompt(ctx, state) {
        const period = periodOfState(state);
        const team = await ctx.read.teamEvaluations(ctx.me, period);
        const done = team.filter((m) => m.rated).length;
        return { blocks: [paragraph(t(ctx).askReport({ period: periodLabel(period, ctx.me.locale), done, total: team.length }))] };
      },
      options: async (ctx, state) =>
        (await ctx.read.teamEvaluations(ctx.me, periodOfState(state))).map((member) => {
          // A move this year: each SKP period is its own entry, named by its days.
          const name = member.skp ? `${member.name} (${skpPartLabel(member.skp, ctx.me.locale)})` : member.name;
          return {
            value: subjectValue(member),
            label: member.rated && member.evaluation?.predikat
              ? t(ctx).ratedMark({ name, predikat: predikatLabel(member.evaluation.predikat, ctx.me.locale) })
              : member.draftBy
                ? t(ctx).draftByMark({ name, by: member.draftBy })
                : name,
          };
        }),
      validate: (value, state, ctx) => {
        const [employeeId = '', skpPart = ''] = (value as string).split('~');
        return finalAlready(ctx, { employeeId, skpPart }, periodOfState(state).key);
      },
    },
    resultsStep,
    behaviourStep,
    notesStep,
    feedbackStep,
  ],
  async complete(ctx, state) {
    const period = periodOfState(state);
    const drafted = await ctx.services.evaluations.draft(ctx.me, {
      ...subjectOf(state),
      period,
      results: answerOf(state, resultsStep) ?? null,
      behaviour: answerOf(state, behaviourStep) ?? null,
      notes: answerOf(state, notesStep) ?? null,
      feedback: answerOf(state, feedbackStep) ?? null,
    });
    if (!drafted.ok) return [evaluationRefusal(ctx, drafted.refusal)];
    const { employee, results, behaviour, predikat, leaderId, pending, skp } = drafted.value;
    const m = t(ctx);
    const draft = reply([
      paragraph(m.draftSaved({ name: employee.name, period: evaluationPeriodName({ periodKey: period.key, skp }, ctx.me.locale) })),
      paragraph(m.resultLine({ results: ratingLabel(results, ctx.me.locale), behaviour: ratingLabel(behaviour, ctx.me.locale), predikat: predikatLabel(predikat, ctx.me.locale) })),
      paragraph(explainPredikat(results, behaviour, ctx.me.locale)),
    ]);
    // The team as it will be once this draft is stored.
    return [draft, await teamStatusReply(ctx, period, leaderId, [pending])];
  },
};

/** Where one team stands for the period: who is left, drafts to redo, or the curve check with Finalisasi / Ubah buttons. */
export async function teamStatusReply(ctx: FlowContext, period: Period, leaderId: string, pending: PendingEvaluation[] = []): Promise<Reply> {
  const m = t(ctx);
  const periodName = periodLabel(period, ctx.me.locale);
  const status = await ctx.services.evaluations.teamStatus(ctx.me, period, leaderId, pending);
  if (status.unrated.length > 0) {
    return say(m.progress({ done: status.team.length - status.unrated.length, total: status.team.length, names: status.unrated.map((u) => u.name).join(', ') }));
  }
  const blocks: Block[] = [paragraph(m.allRated({ total: status.team.length }))];
  if (status.curve && status.unitPredikat) blocks.push(paragraph(explainCurveResult(status.curve, status.unitPredikat, ctx.me.locale)));
  else blocks.push(paragraph(m.noUnitPredikat({ unit: status.unit.name, period: periodName })));
  if (status.staleLeaders.length > 0) blocks.push(paragraph(m.staleLeaders({ names: status.staleLeaders.map((u) => u.name).join(', ') })));
  if (!status.team.some((member) => member.evaluation?.status === 'DRAFT')) return reply(blocks);
  // A unit head's draft to redo first: only the way to change it is offered.
  if (status.staleLeaders.length > 0) return reply(blocks, [[await ctx.button(m.adjustButton, { kind: 'abandon-and-start', flow: 'evaluation', context: { periodKey: period.key } })]]);
  // Before the period is over the drafts wait: say from when, offer only changes.
  const from = ctx.services.evaluations.notEndedFor(ctx.me, period);
  if (from) {
    blocks.push(paragraph(m.notEnded({ period: periodName, from: civilDayLabel(from, ctx.me.locale) })));
    return reply(blocks, [[await ctx.button(m.adjustButton, { kind: 'abandon-and-start', flow: 'evaluation', context: { periodKey: period.key } })]]);
  }
  return reply(blocks, [
    [
      await ctx.button(m.finalizeButton, { kind: 'abandon-and-start', flow: 'evaluation-finalize', context: { periodKey: period.key, leaderId } }),
      await ctx.button(m.adjustButton, { kind: 'abandon-and-start', flow: 'evaluation', context: { periodKey: period.key } }),
    ],
  ]);
}
