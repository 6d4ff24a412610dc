/**
 * One-press actions behind buttons that do not start a conversation: agreeing to a plan and
 * marking an obstacle resolved. Each checks the access rules again: a button is only a shortcut.
 */
import { bold, paragraph, quote, reply, type Reply } from '../conversation/reply.js';
import { refusal, say } from '../flows/common.js';
import { askForExplanation } from '../flows/objection.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import { appraisalText } from '../i18n/appraisal.js';
import { dialogueText } from '../i18n/dialogue.js';
import { planningText } from '../i18n/planning.js';
import { audit } from '../services/audit.js';
import { agreeToPlan, isOpenForResponse } from '../services/plans.js';
import type { BotContext } from './context.js';

export type ActionHandler = (ctx: BotContext, args: Record<string, string>) => Promise<Reply[]>;

async function agreePlan(ctx: BotContext, args: Record<string, string>): Promise<Reply[]> {
  const t = planningText[ctx.me.locale];
  const plan = await ctx.db.plan.findUnique({ where: { id: args['planId'] ?? '' }, include: { rater: true } });
  if (!plan) return [say(t.planNotOpen)];
  const refused = await refusal(ctx, 'RESPOND_TO_PLAN', plan.employeeId);
  if (refused) return [refused];
  if (!(await isOpenForResponse(ctx.db, plan.id))) return [say(t.planNotOpen)];
  await agreeToPlan(ctx.db, plan.id, ctx.now);
  await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'plan.agreed', entityType: 'Plan', entityId: plan.id, details: { version: plan.version } });
  if (plan.rater) {
    const raterText = planningText[plan.rater.locale];
    await ctx.outbox.toPerson(plan.rater.id, [say(raterText.agreedToSupervisor({ name: ctx.me.name, year: plan.year, version: plan.version }))]);
  }
  return [say(t.agreed({ year: plan.year, version: plan.version }))];
}

async function resolveObstacle(ctx: BotContext, args: Record<string, string>): Promise<Reply[]> {
  const t = dialogueText[ctx.me.locale];
  const obstacle = await ctx.db.obstacle.findUnique({ where: { id: args['obstacleId'] ?? '' }, include: { employee: true, supervisor: true } });
  if (!obstacle) return [say(t.obstacleNotFound)];
  // The employee who reported it, or whoever may answer it, may close it.
  const refused = obstacle.employeeId === ctx.me.id ? null : await refusal(ctx, 'ANSWER_OBSTACLE', obstacle.employeeId);
  if (refused) return [refused];
  if (obstacle.status === 'RESOLVED') return [say(t.alreadyResolved)];
  await ctx.db.obstacle.update({ where: { id: obstacle.id }, data: { status: 'RESOLVED', resolvedAt: ctx.now } });
  await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'obstacle.resolved', entityType: 'Obstacle', entityId: obstacle.id });
  const other = obstacle.employeeId === ctx.me.id ? obstacle.supervisor : obstacle.employee;
  if (other) {
    const text = dialogueText[other.locale];
    await ctx.outbox.toPerson(other.id, [reply([paragraph(bold(text.resolvedBy({ name: ctx.me.name }))), quote(obstacle.text)])]);
  }
  return [say(t.resolved)];
}

/** The employee accepts a finalised evaluation; the rater is told. */
async function acknowledgeEvaluation(ctx: BotContext, args: Record<string, string>): Promise<Reply[]> {
  const t = appraisalText[ctx.me.locale];
  const evaluation = await ctx.db.evaluation.findUnique({ where: { id: args['evaluationId'] ?? '' }, include: { rater: true } });
  if (!evaluation || evaluation.employeeId !== ctx.me.id) return [say(t.notYourEvaluation)];
  // Guarded by status: only a FINAL evaluation without a keberatan can be accepted, once.
  const accepted = await ctx.db.evaluation.updateMany({ where: { id: evaluation.id, status: 'FINAL' }, data: { status: 'ACKNOWLEDGED', acknowledgedAt: ctx.now } });
  if (accepted.count === 0) return [say(t.alreadyAnswered)];
  await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'evaluation.acknowledged', entityType: 'Evaluation', entityId: evaluation.id });
  const period = parsePeriodKey(evaluation.periodKey);
  const r = appraisalText[evaluation.rater.locale];
  await ctx.outbox.toPerson(evaluation.raterId, [say(r.acknowledgedToRater({ name: ctx.me.name, period: period ? periodLabel(period, evaluation.rater.locale) : evaluation.periodKey }))]);
  return [say(t.acknowledged)];
}

/** Named actions, by the name their buttons carry. */
export const ACTIONS: Record<string, ActionHandler> = {
  'plan.agree': agreePlan,
  'obstacle.resolve': resolveObstacle,
  'evaluation.acknowledge': acknowledgeEvaluation,
  'objection.ask': askForExplanation,
};
