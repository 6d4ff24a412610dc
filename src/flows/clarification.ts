/**
 * Clarification of a proposed plan: the employee asks (flow "clarify"), the supervisor answers
 * (flow "clarify-answer") or revises the plan (/ekspektasi for that report), and the employee
 * sees the answer with the same Setuju / Minta klarifikasi choice – until the plan is agreed.
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition } from '../conversation/flow.js';
import { bold, paragraph, quote, reply } from '../conversation/reply.js';
import { planningText } from '../i18n/planning.js';
import { audit } from '../services/audit.js';
import { isOpenForResponse, planById } from '../services/plans.js';
import { contextId, refusal, refuse, say } from './common.js';
import { proposalMessage } from './expectations.js';

const t = (ctx: BotContext) => planningText[ctx.me.locale];

/** The employee's question about a proposed plan. */
export const clarifyFlow: FlowDefinition<BotContext> = {
  id: 'clarify',
  version: 1,
  command: '/skp',
  title: (locale) => planningText[locale].clarifyTitle,
  async begin(ctx, context) {
    const plan = await planById(ctx.db, contextId(context, 'planId'));
    if (!plan) return refuse(say(t(ctx).planNotOpen));
    const refused = await refusal(ctx, 'RESPOND_TO_PLAN', plan.employeeId);
    if (refused) return refuse(refused);
    if (!(await isOpenForResponse(ctx.db, plan.id))) return refuse(say(t(ctx).planNotOpen));
    return { ok: true, context };
  },
  steps: [{ id: 'question', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askQuestion)] }) }],
  async complete(ctx, state) {
    const planId = contextId(state.context, 'planId');
    if (!(await isOpenForResponse(ctx.db, planId))) return [say(t(ctx).planNotOpen)];
    const question = lastAnswer<string>(state, 'question') ?? '';
    const plan = await ctx.db.plan.update({ where: { id: planId }, data: { status: 'CLARIFICATION_REQUESTED' }, include: { rater: true } });
    const clarification = await ctx.db.planClarification.create({ data: { planId, askedById: ctx.me.id, question } });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'plan.clarificationRequested', entityType: 'Plan', entityId: planId });
    const rater = plan.rater;
    if (!rater) return [say(t(ctx).questionSent({ name: '-' }))];
    const text = planningText[rater.locale];
    await ctx.outbox.toPerson(rater.id, [
      reply(
        [paragraph(bold(text.questionToSupervisor({ name: ctx.me.name, version: plan.version }))), quote(question)],
        [
          [await ctx.buttonFor(rater.id, text.answerButton, { kind: 'start', flow: 'clarify-answer', context: { clarificationId: clarification.id } })],
          [await ctx.buttonFor(rater.id, text.reviseButton, { kind: 'start', flow: 'expectations', context: { reportId: ctx.me.id } })],
        ],
      ),
    ]);
    return [say(t(ctx).questionSent({ name: rater.name }))];
  },
};

/** The supervisor's answer to a clarification question. */
export const clarifyAnswerFlow: FlowDefinition<BotContext> = {
  id: 'clarify-answer',
  version: 1,
  command: '/tim',
  title: (locale) => planningText[locale].answerTitle,
  async begin(ctx, context) {
    const clarification = await ctx.db.planClarification.findUnique({ where: { id: contextId(context, 'clarificationId') }, include: { plan: true } });
    if (!clarification) return refuse(say(t(ctx).planNotOpen));
    const refused = await refusal(ctx, 'ANSWER_CLARIFICATION', clarification.plan.employeeId);
    if (refused) return refuse(refused);
    if (clarification.answeredAt) return refuse(say(t(ctx).clarificationDone));
    return { ok: true, context };
  },
  steps: [
    {
      id: 'answer',
      kind: 'text',
      maxLength: 2000,
      schema: z.string(),
      async prompt(ctx, state) {
        const clarification = await ctx.db.planClarification.findUniqueOrThrow({
          where: { id: contextId(state.context, 'clarificationId') },
          include: { askedBy: { select: { name: true } } },
        });
        return { blocks: [quote(clarification.question), paragraph(t(ctx).askAnswer({ name: clarification.askedBy.name }))] };
      },
    },
  ],
  async complete(ctx, state) {
    const answer = lastAnswer<string>(state, 'answer') ?? '';
    const clarification = await ctx.db.planClarification.update({
      where: { id: contextId(state.context, 'clarificationId') },
      data: { answer, answeredById: ctx.me.id, answeredAt: ctx.now },
      include: { askedBy: true, plan: true },
    });
    const stillOpen = await isOpenForResponse(ctx.db, clarification.planId);
    if (stillOpen) await ctx.db.plan.update({ where: { id: clarification.planId }, data: { status: 'PROPOSED' } });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'plan.clarificationAnswered', entityType: 'Plan', entityId: clarification.planId });
    const employee = clarification.askedBy;
    const text = planningText[employee.locale];
    const answerBlocks = [paragraph(bold(text.answerToEmployee({ name: ctx.me.name }))), quote(answer)];
    if (stillOpen) {
      const proposal = await proposalMessage(ctx, clarification.planId, employee.locale, false);
      await ctx.outbox.toPerson(employee.id, [reply([...answerBlocks, paragraph(text.answerFollowUp)]), proposal]);
    } else {
      await ctx.outbox.toPerson(employee.id, [reply(answerBlocks)]);
    }
    return [say(t(ctx).answerSent({ name: employee.name }))];
  },
};
