/**
 * Finalising a team's evaluations for a period, once everyone is rated: a set that breaks the
 * distribution curve needs a written reason, kept with each evaluation. Every employee then
 * receives their result with the explanation and may accept it or file a keberatan (someone not
 * linked yet receives it when they link, and their objection period starts then).
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { paragraph, type Block } from '../conversation/reply.js';
import { explainCurveResult } from '../domain/distribution-curve.js';
import { periodLabel } from '../domain/periods.js';
import { appraisalText } from '../i18n/appraisal.js';
import { audit } from '../services/audit.js';
import { isOpenForEvaluation, teamStatus } from '../services/evaluations.js';
import { resultMessage } from './evaluation-result.js';
import { refuse, say } from './common.js';
import { periodOfState } from './evaluation.js';

const t = (ctx: BotContext) => appraisalText[ctx.me.locale];

async function curveBroken(ctx: BotContext, state: FlowState): Promise<boolean> {
  const status = await teamStatus(ctx.db, ctx.me, periodOfState(state), ctx.now);
  return status.curve !== null && !status.curve.ok;
}

export const evaluationFinalizeFlow: FlowDefinition<BotContext> = {
  id: 'evaluation-finalize',
  version: 1,
  command: '/evaluasi',
  title: (locale) => appraisalText[locale].finalizeTitle,
  async begin(ctx, context) {
    const state = { entries: [], context };
    const period = periodOfState(state);
    const periodName = periodLabel(period, ctx.me.locale);
    if (!(await isOpenForEvaluation(ctx.db, ctx.me, period, ctx.now))) return refuse(say(t(ctx).notOpen({ period: periodName })));
    const status = await teamStatus(ctx.db, ctx.me, period, ctx.now);
    if (status.unrated.length > 0) return refuse(say(t(ctx).notAllRated({ names: status.unrated.map((u) => u.name).join(', ') })));
    if (!status.team.some((member) => member.evaluation?.status === 'DRAFT')) return refuse(say(t(ctx).nothingToFinalize({ period: periodName })));
    return { ok: true, context };
  },
  steps: [
    {
      id: 'reason',
      kind: 'text',
      maxLength: 1000,
      schema: z.string(),
      when: (state, ctx) => curveBroken(ctx, state),
      async prompt(ctx, state) {
        const status = await teamStatus(ctx.db, ctx.me, periodOfState(state), ctx.now);
        const curve = status.curve && status.unitPredikat ? [paragraph(explainCurveResult(status.curve, status.unitPredikat, ctx.me.locale))] : [];
        return { blocks: [...curve, paragraph(t(ctx).askReason)] };
      },
    },
    {
      id: 'confirm',
      kind: 'confirm',
      schema: z.boolean(),
      async prompt(ctx, state) {
        const period = periodOfState(state);
        const status = await teamStatus(ctx.db, ctx.me, period, ctx.now);
        const drafts = status.team.filter((member) => member.evaluation?.status === 'DRAFT').length;
        const blocks: Block[] = [];
        if (!status.curve) blocks.push(paragraph(t(ctx).curveUnchecked));
        else if (status.curve.ok && status.unitPredikat) blocks.push(paragraph(explainCurveResult(status.curve, status.unitPredikat, ctx.me.locale)));
        blocks.push(paragraph(t(ctx).confirmFinalize({ count: drafts, period: periodLabel(period, ctx.me.locale) })));
        return { blocks };
      },
    },
  ],
  async complete(ctx, state) {
    const period = periodOfState(state);
    const periodName = periodLabel(period, ctx.me.locale);
    if (lastAnswer(state, 'confirm') !== true) return [say(t(ctx).nothingToFinalize({ period: periodName }))];
    // Checked again at the end: a draft may have changed, or the window closed, meanwhile.
    if (!(await isOpenForEvaluation(ctx.db, ctx.me, period, ctx.now))) return [say(t(ctx).notOpen({ period: periodName }))];
    const status = await teamStatus(ctx.db, ctx.me, period, ctx.now);
    if (status.unrated.length > 0) return [say(t(ctx).notAllRated({ names: status.unrated.map((u) => u.name).join(', ') }))];
    const reason = lastAnswer<string>(state, 'reason') ?? null;
    if (status.curve && !status.curve.ok && !reason) return [say(t(ctx).askReason)];
    const ids = status.team.filter((member) => member.evaluation?.status === 'DRAFT').map((member) => member.evaluation?.id ?? '');
    const finalized = await ctx.db.evaluation.updateMany({
      where: { id: { in: ids }, status: 'DRAFT' },
      data: { status: 'FINAL', finalizedAt: ctx.now, raterId: ctx.me.id, curveDeviationReason: status.curve && !status.curve.ok ? reason : null },
    });
    await audit(ctx.db, {
      agencyId: ctx.me.agencyId,
      actorId: ctx.me.id,
      action: 'evaluation.finalized',
      entityType: 'Unit',
      entityId: status.unit.id,
      details: { periodKey: period.key, count: finalized.count, unitPredikat: status.unitPredikat, curveOk: status.curve?.ok ?? null, violations: status.curve?.violations.map((v) => v.ruleId) ?? [], reason },
    });
    const unlinked: string[] = [];
    for (const id of ids) {
      const { message, employee } = await resultMessage(ctx.db, id, ctx.now);
      // The objection period runs from receipt: someone not linked yet receives it when they link.
      if (await ctx.outbox.toPerson(employee.id, [message])) await ctx.db.evaluation.update({ where: { id }, data: { deliveredAt: ctx.now } });
      else unlinked.push(employee.name);
    }
    const done = say(t(ctx).finalized({ count: finalized.count, period: periodName }));
    return unlinked.length > 0 ? [done, say(t(ctx).resultsWaiting({ names: unlinked.join(', ') }))] : [done];
  },
};

