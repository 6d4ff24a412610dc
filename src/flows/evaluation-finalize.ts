/**
 * Finalising one team's evaluations for a period, once everyone is rated: a set that breaks the
 * distribution curve – or that cannot be checked because the unit has no predikat – needs a
 * written reason, kept with each evaluation. Every employee then receives their result with the
 * explanation and may accept it or file a keberatan (someone not reachable in chat receives it
 * when they next talk to the bot, and their objection period starts then).
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { paragraph, type Block } from '../conversation/reply.js';
import { explainCurveResult } from '../domain/distribution-curve.js';
import { periodLabel } from '../domain/periods.js';
import { appraisalText } from '../i18n/appraisal.js';
import { isOpenForEvaluation, teamStatus, type TeamStatus } from '../services/evaluations.js';
import { contextId, refuse, say } from './common.js';
import { periodOfState } from './evaluation.js';
import { resultMessage } from './evaluation-result.js';

const t = (ctx: BotContext) => appraisalText[ctx.me.locale];

function statusOf(ctx: BotContext, state: FlowState): Promise<TeamStatus> {
  return teamStatus(ctx.db, ctx.me, periodOfState(state), ctx.now, contextId(state.context, 'leaderId') || ctx.me.id);
}

/** A reason is needed when the curve is broken or could not be checked. */
const needsReason = (status: TeamStatus) => !status.curve || !status.curve.ok;

/** Why the team cannot be finalised now, or null. */
function blocker(ctx: BotContext, status: TeamStatus, periodName: string): string | null {
  if (status.unrated.length > 0) return t(ctx).notAllRated({ names: status.unrated.map((u) => u.name).join(', ') });
  if (status.staleLeaders.length > 0) return t(ctx).staleLeaders({ names: status.staleLeaders.map((u) => u.name).join(', ') });
  if (!status.team.some((member) => member.evaluation?.status === 'DRAFT')) return t(ctx).nothingToFinalize({ period: periodName });
  return null;
}

/** The team's drafts in a fixed order. */
const draftIds = (status: TeamStatus) => status.team.filter((m) => m.evaluation?.status === 'DRAFT').map((m) => m.evaluation?.id ?? '').sort();

/** The drafts as they were confirmed (id and last change): a draft changed meanwhile stops finalising. */
const snapshot = (status: TeamStatus) =>
  status.team
    .filter((m) => m.evaluation?.status === 'DRAFT')
    .map((m) => `${m.evaluation?.id}@${m.evaluation?.updatedAt.toISOString()}`)
    .sort()
    .join(',');

export const evaluationFinalizeFlow: FlowDefinition<BotContext> = {
  id: 'evaluation-finalize',
  version: 2,
  command: '/evaluasi',
  title: (locale) => appraisalText[locale].finalizeTitle,
  async begin(ctx, context) {
    const state = { entries: [], context };
    const period = periodOfState(state);
    const periodName = periodLabel(period, ctx.me.locale);
    if (!(await isOpenForEvaluation(ctx.db, ctx.me, period, ctx.now))) return refuse(say(t(ctx).notOpen({ period: periodName })));
    const status = await statusOf(ctx, state);
    const problem = blocker(ctx, status, periodName);
    if (problem) return refuse(say(problem));
    // What the rater confirms: if the drafts change before the end, nothing is finalised.
    return { ok: true, context: { ...context, drafts: snapshot(status) } };
  },
  steps: [
    {
      id: 'reason',
      kind: 'text',
      maxLength: 1000,
      schema: z.string(),
      when: async (state, ctx) => needsReason(await statusOf(ctx, state)),
      async prompt(ctx, state) {
        const status = await statusOf(ctx, state);
        if (status.curve && status.unitPredikat) return { blocks: [paragraph(explainCurveResult(status.curve, status.unitPredikat, ctx.me.locale)), paragraph(t(ctx).askReason)] };
        return { blocks: [paragraph(t(ctx).noUnitPredikat({ unit: status.unit.name, period: periodLabel(periodOfState(state), ctx.me.locale) })), paragraph(t(ctx).askReasonUnchecked)] };
      },
    },
    {
      id: 'confirm',
      kind: 'confirm',
      schema: z.boolean(),
      async prompt(ctx, state) {
        const status = await statusOf(ctx, state);
        const blocks: Block[] = [];
        if (status.curve?.ok && status.unitPredikat) blocks.push(paragraph(explainCurveResult(status.curve, status.unitPredikat, ctx.me.locale)));
        blocks.push(paragraph(t(ctx).confirmFinalize({ count: draftIds(status).length, period: periodLabel(periodOfState(state), ctx.me.locale) })));
        return { blocks };
      },
    },
  ],
  async complete(ctx, state) {
    const period = periodOfState(state);
    const periodName = periodLabel(period, ctx.me.locale);
    if (lastAnswer(state, 'confirm') !== true) return [say(t(ctx).finalizeCancelled)];
    // Checked again at the end: a draft may have changed, or the window closed, meanwhile.
    if (!(await isOpenForEvaluation(ctx.db, ctx.me, period, ctx.now))) return [say(t(ctx).notOpen({ period: periodName }))];
    const status = await statusOf(ctx, state);
    const problem = blocker(ctx, status, periodName);
    if (problem) return [say(problem)];
    const reason = lastAnswer<string>(state, 'reason') ?? null;
    const ids = draftIds(status);
    if (snapshot(status) !== contextId(state.context, 'drafts') || (needsReason(status) && !reason)) return [say(t(ctx).curveChanged)];

    const unlinked: string[] = [];
    const finalized = ids.length;
    for (const id of ids) {
      const { message, employee } = await resultMessage(ctx.db, ctx.work, id, ctx.now);
      // The objection period runs from receipt: someone not reachable now receives it later.
      const delivered = await ctx.outbox.toPerson(employee.id, [message]);
      if (!delivered) unlinked.push(employee.name);
      // Guarded by status: a second finalisation (another device) makes this one decide again, and it finds nothing to finalise.
      ctx.work.guarded(`evaluation.finalize ${id}`, (tx) =>
        tx.evaluation.updateMany({
          where: { id, status: 'DRAFT', raterId: ctx.me.id },
          data: { status: 'FINAL', finalizedAt: ctx.now, curveDeviationReason: needsReason(status) ? reason : null, ...(delivered ? { deliveredAt: ctx.now } : {}) },
        }),
      );
    }
    ctx.work.audit({
      agencyId: ctx.me.agencyId,
      actorId: ctx.me.id,
      action: 'evaluation.finalized',
      entityType: 'Unit',
      entityId: status.unit.id,
      details: { periodKey: period.key, count: finalized, unitPredikat: status.unitPredikat, curveOk: status.curve?.ok ?? null, violations: status.curve?.violations.map((v) => v.ruleId) ?? [], reason },
    });
    const done = say(t(ctx).finalized({ count: finalized, period: periodName }));
    return unlinked.length > 0 ? [done, say(t(ctx).resultsWaiting({ names: unlinked.join(', ') }))] : [done];
  },
};
