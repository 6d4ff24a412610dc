/**
 * One-press actions behind buttons that do not start a conversation: agreeing to a plan and
 * marking an obstacle resolved. Each checks the access rules again: a button is only a shortcut.
 */
import type { Reply } from '../conversation/reply.js';
import { planRefusal } from '../flows/clarification.js';
import { say } from '../flows/common.js';
import { obstacleRefusal } from '../flows/obstacles.js';
import { askForExplanation } from '../flows/objection.js';
import { evaluationRefusal } from '../flows/evaluation.js';
import { appraisalText } from '../i18n/appraisal.js';
import { dialogueText } from '../i18n/dialogue.js';
import { planningText } from '../i18n/planning.js';
import { ownSkpText } from '../i18n/own-skp.js';
import { skpRefusal } from '../flows/own-skp.js';
import type { BotContext } from './context.js';

export type ActionHandler = (ctx: BotContext, args: Record<string, string>) => Promise<Reply[]>;

async function agreePlan(ctx: BotContext, args: Record<string, string>): Promise<Reply[]> {
  const agreed = await ctx.services.plans.agree(ctx.me, args['planId'] ?? '');
  if (!agreed.ok) return [planRefusal(ctx, agreed.refusal)];
  await ctx.notify(agreed.events);
  const { year, version } = agreed.value.content;
  return [say(planningText[ctx.me.locale].agreed({ year, version }))];
}

/** The PPK establishes an SKP the employee submitted. */
async function establishPlan(ctx: BotContext, args: Record<string, string>): Promise<Reply[]> {
  const established = await ctx.services.skp.establish(ctx.me, args['planId'] ?? '');
  if (!established.ok) return [skpRefusal(ctx, established.refusal)];
  await ctx.notify(established.events);
  const { year, version } = established.value.content;
  return [say(ownSkpText[ctx.me.locale].establishedReply({ name: established.value.employee.name, year, version }))];
}

async function resolveObstacle(ctx: BotContext, args: Record<string, string>): Promise<Reply[]> {
  const resolved = await ctx.services.obstacles.resolve(ctx.me, args['obstacleId'] ?? '');
  if (!resolved.ok) return [obstacleRefusal(ctx, resolved.refusal)];
  await ctx.notify(resolved.events);
  return [say(dialogueText[ctx.me.locale].resolved)];
}

/** The employee accepts a finalised evaluation; the rater is told. */
async function acknowledgeEvaluation(ctx: BotContext, args: Record<string, string>): Promise<Reply[]> {
  const acknowledged = await ctx.services.evaluations.acknowledge(ctx.me, args['evaluationId'] ?? '');
  if (!acknowledged.ok) return [evaluationRefusal(ctx, acknowledged.refusal)];
  await ctx.notify(acknowledged.events);
  return [say(appraisalText[ctx.me.locale].acknowledged)];
}

/** Named actions, by the name their buttons carry. */
export const ACTIONS: Record<string, ActionHandler> = {
  'plan.agree': agreePlan,
  'plan.establish': establishPlan,
  'obstacle.resolve': resolveObstacle,
  'evaluation.acknowledge': acknowledgeEvaluation,
  'objection.ask': askForExplanation,
};
