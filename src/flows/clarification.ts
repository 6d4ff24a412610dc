/**
 * Clarification of a proposed plan: the employee asks (flow "clarify"), the supervisor answers
 * (flow "clarify-answer") or revises the plan (/ekspektasi for that report), and the employee
 * sees the answer with the same Setuju / Minta klarifikasi choice – until the plan is agreed.
 * The rules live in services/plan-service.ts.
 */
import type { FlowContext } from '../bot/context.js';
import { paragraph, quote, type Reply } from '../conversation/reply.js';
import { planningText } from '../i18n/planning.js';
import type { PlanRefusal } from '../services/plan-service.js';
import { deniedReply, say } from './common.js';
import { respondToRecord } from './respond-to-record.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => planningText[ctx.me.locale];

/** Why a plan cannot be answered or changed, in words. */
export function planRefusal(ctx: FlowContext, refusal: PlanRefusal): Reply {
  switch (refusal.code) {
    case 'DENIED':
      return deniedReply(ctx, refusal);
    case 'ANSWERED':
      return say(t(ctx).clarificationDone);
    case 'NEED_OWN_PLAN':
      return say(t(ctx).needOwnPlan({ year: refusal.year }));
    case 'OWN_PLAN_CHANGED':
      return say(t(ctx).ownPlanChanged);
    case 'NOT_OPEN':
      return say(t(ctx).planNotOpen);
  }
}

/** The employee's question about a proposed plan. */
export const clarifyFlow = respondToRecord({
  id: 'clarify',
  version: 2,
  command: cmd('skp'),
  title: (locale) => planningText[locale].clarifyTitle,
  recordKey: 'planId',
  open: (ctx, planId) => ctx.services.plans.openForResponse(ctx.me, planId),
  ask: (ctx) => [paragraph(t(ctx).askQuestion)],
  save: (ctx, planId, question) => ctx.services.plans.askClarification(ctx.me, planId, question),
  refusal: planRefusal,
  done: (ctx, plan) => [say(t(ctx).questionSent({ name: plan.rater?.name ?? '-' }))],
});

/** The supervisor's answer to a clarification question. */
export const clarifyAnswerFlow = respondToRecord({
  id: 'clarify-answer',
  version: 2,
  command: cmd('tim'),
  title: (locale) => planningText[locale].answerTitle,
  recordKey: 'clarificationId',
  open: (ctx, id) => ctx.services.plans.openQuestion(ctx.me, id),
  ask: (ctx, clarification) => [quote(clarification.question), paragraph(t(ctx).askAnswer({ name: clarification.askedBy.name }))],
  save: (ctx, id, answer) => ctx.services.plans.answerClarification(ctx.me, id, answer),
  refusal: planRefusal,
  done: (ctx, clarification) => [say(t(ctx).answerSent({ name: clarification.askedBy.name }))],
});
