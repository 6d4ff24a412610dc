/**
 * /evaluasi [nama] – the rater evaluates a report for an open period (periodic or annual) with the
 * period's record in front of them: results and behaviour rating with the guidance for each level,
 * notes and feedback. The predikat comes from the matrix and is explained; the evaluation is saved
 * as a draft. A report who leads a unit gets the results rating the unit's predikat sets. Once the
 * whole team is rated, the team's predikat are checked against the curve and the rater may finalise.
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { list, paragraph, reply, type Block, type Reply } from '../conversation/reply.js';
import { explainCurveResult } from '../domain/distribution-curve.js';
import { evaluationWindow, windowSettingOf } from '../domain/evaluation-window.js';
import { civilDayLabel, parsePeriodKey, periodLabel, type Period } from '../domain/periods.js';
import {
  explainPredikat,
  explainUnitLeaderResultsRating,
  predikatFor,
  predikatLabel,
  RATINGS,
  ratingLabel,
  resultsRatingForUnitLeader,
  type Rating,
} from '../domain/rating-matrix.js';
import { appraisalText } from '../i18n/appraisal.js';
import { recordBlocks } from '../services/evaluation-record.js';
import { agencySettings, evaluationPeriods, isOpenForEvaluation, kindOf, ledUnitPredikat, teamEvaluations, teamStatus, type PendingEvaluation } from '../services/evaluations.js';
import { contextId, refusal, refusalAboutReport, refuse, reportIdOf, reportNameOf, say } from './common.js';

const t = (ctx: BotContext) => appraisalText[ctx.me.locale];

export function periodOfState(state: FlowState): Period {
  const key = contextId(state.context, 'periodKey') || (lastAnswer<string>(state, 'period') ?? '');
  const period = parsePeriodKey(key);
  if (!period) throw new Error(`evaluation flow without a period: ${key}`);
  return period;
}



/** The rating and explanation when the report leads a unit whose predikat is set for the period. */
async function leaderRule(ctx: BotContext, state: FlowState): Promise<{ rating: Rating; text: string } | null> {
  const led = await ledUnitPredikat(ctx.db, reportIdOf(state), periodOfState(state).key);
  if (!led) return null;
  const explanation = explainUnitLeaderResultsRating(led.predikat, ctx.me.locale);
  return { rating: resultsRatingForUnitLeader(led.predikat), text: t(ctx).leaderResultsFixed({ name: await reportNameOf(ctx, state), unit: led.unit, explanation }) };
}

/** A note when the report leads a unit whose predikat is not set: the rater chooses, knowingly. */
async function leaderWithoutPredikat(ctx: BotContext, state: FlowState): Promise<Block[]> {
  const unit = await ctx.db.unit.findFirst({ where: { leaderId: reportIdOf(state) }, select: { name: true } });
  if (!unit) return [];
  return [paragraph(t(ctx).leaderNoUnitPredikat({ name: await reportNameOf(ctx, state), unit: unit.name, period: periodLabel(periodOfState(state), ctx.me.locale) }))];
}

/** The message when the report's evaluation for the period is already final (it cannot be redone). */
async function finalAlready(ctx: BotContext, employeeId: string, periodKey: string): Promise<string | null> {
  const period = parsePeriodKey(periodKey);
  if (!employeeId || !period) return null;
  const existing = await ctx.db.evaluation.findUnique({
    where: { employeeId_kind_periodKey: { employeeId, kind: kindOf(period), periodKey } },
    select: { status: true, employee: { select: { name: true } } },
  });
  return existing && existing.status !== 'DRAFT' ? t(ctx).alreadyFinal({ name: existing.employee.name, period: periodLabel(period, ctx.me.locale) }) : null;
}

/** The guidance for each level of a rating, one line each. */
const guide = (ctx: BotContext, kind: 'resultsGuide' | 'behaviourGuide') => list(RATINGS.map((rating) => [t(ctx)[`${kind}${rating}`]]));

const ratingOptions = (ctx: BotContext) => RATINGS.map((rating) => ({ value: rating, label: ratingLabel(rating, ctx.me.locale) }));

export const evaluationFlow: FlowDefinition<BotContext> = {
  id: 'evaluation',
  version: 1,
  command: '/evaluasi',
  title: (locale) => appraisalText[locale].title,
  async begin(ctx, context) {
    const refused = await refusalAboutReport(ctx, context, 'EVALUATE');
    if (refused) return refused;
    const named = parsePeriodKey(contextId(context, 'periodKey'));
    if (named) return (await isOpenForEvaluation(ctx.db, ctx.me, named, ctx.now)) ? { ok: true, context } : refuse(say(t(ctx).notOpen({ period: periodLabel(named, ctx.me.locale) })));
    const { open, next } = await evaluationPeriods(ctx.db, ctx.me, ctx.now);
    if (open.length === 0) {
      const opens = evaluationWindow(next, windowSettingOf(await agencySettings(ctx.db, ctx.me.agencyId))).opens;
      return refuse(say(t(ctx).noneOpen({ period: periodLabel(next, ctx.me.locale), opens: civilDayLabel(opens, ctx.me.locale) })));
    }
    const chosen = open.length === 1 ? { ...context, periodKey: open[0]?.key } : context;
    const final = await finalAlready(ctx, contextId(chosen, 'reportId'), contextId(chosen, 'periodKey'));
    return final ? refuse(say(final)) : { ok: true, context: chosen };
  },
  steps: [
    {
      id: 'period',
      kind: 'choice',
      schema: z.string(),
      when: (state) => !state.context['periodKey'],
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askPeriod)] }),
      options: async (ctx) => (await evaluationPeriods(ctx.db, ctx.me, ctx.now)).open.map((period) => ({ value: period.key, label: periodLabel(period, ctx.me.locale) })),
      validate: (value, state, ctx) => finalAlready(ctx, contextId(state.context, 'reportId'), value as string),
    },
    {
      id: 'report',
      kind: 'choice',
      schema: z.string(),
      when: (state) => !state.context['reportId'],
      async prompt(ctx, state) {
        const period = periodOfState(state);
        const team = await teamEvaluations(ctx.db, ctx.me, period, ctx.now);
        const done = team.filter((m) => m.rated).length;
        return { blocks: [paragraph(t(ctx).askReport({ period: periodLabel(period, ctx.me.locale), done, total: team.length }))] };
      },
      options: async (ctx, state) =>
        (await teamEvaluations(ctx.db, ctx.me, periodOfState(state), ctx.now)).map((member) => ({
          value: member.id,
          label: member.rated && member.evaluation?.predikat
            ? t(ctx).ratedMark({ name: member.name, predikat: predikatLabel(member.evaluation.predikat, ctx.me.locale) })
            : member.draftBy
              ? t(ctx).draftByMark({ name: member.name, by: member.draftBy })
              : member.name,
        })),
      validate: (value, state, ctx) => finalAlready(ctx, value as string, periodOfState(state).key),
    },
    {
      id: 'results',
      kind: 'choice',
      schema: z.enum(RATINGS as [Rating, ...Rating[]]),
      when: async (state, ctx) => (await leaderRule(ctx, state)) === null,
      async prompt(ctx, state) {
        const record = await recordBlocks(ctx.db, reportIdOf(state), periodOfState(state), ctx.me.locale);
        return { blocks: [...record, ...(await leaderWithoutPredikat(ctx, state)), paragraph(t(ctx).askResults), guide(ctx, 'resultsGuide')] };
      },
      options: ratingOptions,
    },
    {
      id: 'behaviour',
      kind: 'choice',
      schema: z.enum(RATINGS as [Rating, ...Rating[]]),
      async prompt(ctx, state) {
        const fixed = await leaderRule(ctx, state);
        // When the results step was skipped, the record is shown here instead.
        const before = fixed ? [...(await recordBlocks(ctx.db, reportIdOf(state), periodOfState(state), ctx.me.locale)), paragraph(fixed.text)] : [];
        return { blocks: [...before, paragraph(t(ctx).askBehaviour), guide(ctx, 'behaviourGuide')] };
      },
      options: ratingOptions,
    },
    { id: 'notes', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNotes)] }) },
    { id: 'feedback', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askFeedback)] }) },
  ],
  async complete(ctx, state) {
    const employeeId = reportIdOf(state);
    const period = periodOfState(state);
    const periodName = periodLabel(period, ctx.me.locale);
    const refused = await refusal(ctx, 'EVALUATE', employeeId);
    if (refused) return [refused];
    if (!(await isOpenForEvaluation(ctx.db, ctx.me, period, ctx.now))) return [say(t(ctx).notOpen({ period: periodName }))];
    const name = await reportNameOf(ctx, state);
    const where = { employeeId_kind_periodKey: { employeeId, kind: kindOf(period), periodKey: period.key } };
    const existing = await ctx.db.evaluation.findUnique({ where, select: { id: true, status: true } });
    if (existing && existing.status !== 'DRAFT') return [say(t(ctx).alreadyFinal({ name, period: periodName }))];
    // The unit-leader rule is applied again here: the unit's predikat may have been set meanwhile.
    const results = (await leaderRule(ctx, state))?.rating ?? lastAnswer<Rating>(state, 'results') ?? 'SESUAI';
    const behaviour = lastAnswer<Rating>(state, 'behaviour') ?? 'SESUAI';
    const predikat = predikatFor(results, behaviour);
    const fields = {
      raterId: ctx.me.id,
      resultsRating: results,
      behaviourRating: behaviour,
      predikat,
      notes: lastAnswer<string | null>(state, 'notes') ?? null,
      feedback: lastAnswer<string | null>(state, 'feedback') ?? null,
    };
    const id = existing?.id ?? ctx.work.newId();
    if (existing) {
      // Only a draft may change: an evaluation finalised meanwhile (another device) stays as sent.
      ctx.work.guarded(`evaluation.redraft ${id}`, (tx) => tx.evaluation.updateMany({ where: { id, status: 'DRAFT' }, data: fields }));
    } else {
      // A draft made meanwhile by another device takes this key first: decide again on top of it.
      ctx.work.guarded(`evaluation.draft ${id}`, (tx) =>
        tx.evaluation.createMany({ data: [{ id, employeeId, kind: kindOf(period), year: period.year, periodKey: period.key, ...fields }], skipDuplicates: true }),
      );
    }
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'evaluation.drafted', entityType: 'Evaluation', entityId: id, details: { employeeId, periodKey: period.key, results, behaviour, predikat } });
    const m = t(ctx);
    const draft = reply([
      paragraph(m.draftSaved({ name, period: periodName })),
      paragraph(m.resultLine({ results: ratingLabel(results, ctx.me.locale), behaviour: ratingLabel(behaviour, ctx.me.locale), predikat: predikatLabel(predikat, ctx.me.locale) })),
      paragraph(explainPredikat(results, behaviour, ctx.me.locale)),
    ]);
    const employee = await ctx.db.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { supervisorId: true } });
    // The team as it will be once this draft is stored.
    const pending = { id, employeeId, status: 'DRAFT', updatedAt: ctx.now, rater: { name: ctx.me.name }, ...fields };
    return [draft, await teamStatusReply(ctx, period, employee.supervisorId ?? ctx.me.id, [pending])];
  },
};

/** Where one team stands for the period: who is left, drafts to redo, or the curve check with Finalisasi / Ubah buttons. */
export async function teamStatusReply(ctx: BotContext, period: Period, leaderId: string, pending: PendingEvaluation[] = []): Promise<Reply> {
  const m = t(ctx);
  const periodName = periodLabel(period, ctx.me.locale);
  const status = await teamStatus(ctx.db, ctx.me, period, ctx.now, leaderId, pending);
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
  return reply(blocks, [
    [
      await ctx.button(m.finalizeButton, { kind: 'abandon-and-start', flow: 'evaluation-finalize', context: { periodKey: period.key, leaderId } }),
      await ctx.button(m.adjustButton, { kind: 'abandon-and-start', flow: 'evaluation', context: { periodKey: period.key } }),
    ],
  ]);
}
