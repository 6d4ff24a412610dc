/**
 * Proposing one team's evaluations for a period, once everyone is rated and the period is over: the
 * drafts the rater confirms become proposals the leader of their organisation establishes
 * (flows/penetapan.ts, SE MenPANRB 3/2023). The curve on the team alone is shown as advice – it
 * applies to the whole organisation, and a deviation needs the leader's reason, not the rater's.
 * The rules live in services/evaluation-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph, type Block } from '../conversation/reply.js';
import { explainCurveResult } from '../domain/distribution-curve.js';
import { periodLabel } from '../domain/periods.js';
import { appraisalText } from '../i18n/appraisal.js';
import { penetapanText } from '../i18n/penetapan.js';
import type { TeamStatus } from '../services/evaluations.js';
import { contextId, refuse, say } from './common.js';
import { evaluationRefusal, periodOfState } from './evaluation.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => appraisalText[ctx.me.locale];

/** Whose team: the supervisor named by the button (a Plt/Plh proposes for the team they act for), else mine. */
const leaderOf = (ctx: FlowContext, state: FlowState) => contextId(state.context, 'leaderId') || ctx.me.id;

function statusOf(ctx: FlowContext, state: FlowState): Promise<TeamStatus> {
  return ctx.services.evaluations.teamStatus(ctx.me, periodOfState(state), leaderOf(ctx, state));
}

/** The team's drafts, the number confirmed. */
const draftCount = (status: TeamStatus) => status.team.filter((m) => m.evaluation?.status === 'DRAFT').length;

/** Who establishes: the leader of the team unit's organisation, named with it. */
async function establisher(ctx: FlowContext, status: TeamStatus): Promise<string> {
  const org = await ctx.services.penetapan.organisationOfUnit(ctx.me.agencyId, status.unit.id);
  const p = penetapanText[ctx.me.locale];
  if (!org) return p.proposedToUnknown({ organisation: status.unit.name });
  return org.leader ? p.proposedTo({ leader: org.leader.name, organisation: org.name }) : p.proposedToUnknown({ organisation: org.name });
}

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  async prompt(ctx, state) {
    const status = await statusOf(ctx, state);
    const blocks: Block[] = [];
    if (status.curve && status.unitPredikat) blocks.push(paragraph(explainCurveResult(status.curve, status.unitPredikat, ctx.me.locale)));
    blocks.push(paragraph(t(ctx).confirmFinalize({ count: draftCount(status), period: periodLabel(periodOfState(state), ctx.me.locale), to: await establisher(ctx, status) })));
    return { blocks };
  },
} satisfies StepDefinition<FlowContext>;

export const evaluationFinalizeFlow: FlowDefinition<FlowContext> = {
  id: 'evaluation-finalize',
  // 3: the rater proposes; the organisation's leader establishes (no rater's reason).
  version: 3,
  command: cmd('evaluasi'),
  title: (locale) => appraisalText[locale].finalizeTitle,
  async begin(ctx, context) {
    const state = { entries: [], context };
    const open = await ctx.services.evaluations.openForFinalizing(ctx.me, periodOfState(state), leaderOf(ctx, state));
    if (!open.ok) return refuse(evaluationRefusal(ctx, open.refusal));
    // What the rater confirms: if the drafts change before the end, nothing is proposed.
    return { ok: true, context: { ...context, drafts: open.value.snapshot } };
  },
  steps: [confirmStep],
  async complete(ctx, state) {
    if (answerOf(state, confirmStep) !== true) return [say(t(ctx).finalizeCancelled)];
    const period = periodOfState(state);
    const status = await statusOf(ctx, state);
    const proposed = await ctx.services.evaluations.propose(ctx.me, { period, leaderId: leaderOf(ctx, state), confirmed: contextId(state.context, 'drafts') });
    if (!proposed.ok) return [evaluationRefusal(ctx, proposed.refusal)];
    return [say(t(ctx).finalized({ count: proposed.value.count, period: periodLabel(period, ctx.me.locale), to: await establisher(ctx, status) }))];
  },
};
