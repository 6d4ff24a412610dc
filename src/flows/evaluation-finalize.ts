/**
 * Finalising one team's evaluations for a period, once everyone is rated: a set that breaks the
 * distribution curve – or that cannot be checked because the unit has no predikat – needs a
 * written reason, kept with each evaluation. Every employee then receives their result with the
 * explanation and may accept it or file a keberatan (someone not reachable in chat receives it
 * when they next talk to the bot, and their objection period starts then). The rules live in
 * services/evaluation-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph, type Block } from '../conversation/reply.js';
import { explainCurveResult } from '../domain/distribution-curve.js';
import { periodLabel } from '../domain/periods.js';
import { appraisalText } from '../i18n/appraisal.js';
import type { TeamStatus } from '../services/evaluations.js';
import { contextId, refuse, say } from './common.js';
import { evaluationRefusal, periodOfState } from './evaluation.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => appraisalText[ctx.me.locale];

/** Whose team: the supervisor named by the button (a Plt/Plh finalises the team they act for), else mine. */
const leaderOf = (ctx: FlowContext, state: FlowState) => contextId(state.context, 'leaderId') || ctx.me.id;

function statusOf(ctx: FlowContext, state: FlowState): Promise<TeamStatus> {
  return ctx.services.evaluations.teamStatus(ctx.me, periodOfState(state), leaderOf(ctx, state));
}

/** A reason is needed when the curve is broken or could not be checked. */
const needsReason = (status: TeamStatus) => !status.curve || !status.curve.ok;

/** The team's drafts, the number confirmed. */
const draftCount = (status: TeamStatus) => status.team.filter((m) => m.evaluation?.status === 'DRAFT').length;

const reasonStep = {
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
} satisfies StepDefinition<FlowContext>;

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  async prompt(ctx, state) {
    const status = await statusOf(ctx, state);
    const blocks: Block[] = [];
    if (status.curve?.ok && status.unitPredikat) blocks.push(paragraph(explainCurveResult(status.curve, status.unitPredikat, ctx.me.locale)));
    blocks.push(paragraph(t(ctx).confirmFinalize({ count: draftCount(status), period: periodLabel(periodOfState(state), ctx.me.locale) })));
    return { blocks };
  },
} satisfies StepDefinition<FlowContext>;

export const evaluationFinalizeFlow: FlowDefinition<FlowContext> = {
  id: 'evaluation-finalize',
  version: 2,
  command: cmd('evaluasi'),
  title: (locale) => appraisalText[locale].finalizeTitle,
  async begin(ctx, context) {
    const state = { entries: [], context };
    const open = await ctx.services.evaluations.openForFinalizing(ctx.me, periodOfState(state), leaderOf(ctx, state));
    if (!open.ok) return refuse(evaluationRefusal(ctx, open.refusal));
    // What the rater confirms: if the drafts change before the end, nothing is finalised.
    return { ok: true, context: { ...context, drafts: open.value.snapshot } };
  },
  steps: [reasonStep, confirmStep],
  async complete(ctx, state) {
    if (answerOf(state, confirmStep) !== true) return [say(t(ctx).finalizeCancelled)];
    const period = periodOfState(state);
    const finalized = await ctx.services.evaluations.finalize(ctx.me, {
      period,
      leaderId: leaderOf(ctx, state),
      confirmed: contextId(state.context, 'drafts'),
      reason: answerOf(state, reasonStep) ?? null,
    });
    if (!finalized.ok) return [evaluationRefusal(ctx, finalized.refusal)];
    await ctx.notify(finalized.events);
    const { count, unreachable } = finalized.value;
    const done = say(t(ctx).finalized({ count, period: periodLabel(period, ctx.me.locale) }));
    return unreachable.length > 0 ? [done, say(t(ctx).resultsWaiting({ names: unreachable.map((person) => person.name).join(', ') }))] : [done];
  },
};
