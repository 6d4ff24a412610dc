/**
 * /cuti [nama] – records leave, during which there are no check-ins. An employee records their
 * own; a supervisor (or Plt/Plh) or HR may record a report's, and the employee is told.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { parseCivilDate } from '../domain/civil-date.js';
import { botText } from '../i18n/bot.js';
import { checkinText } from '../i18n/checkins.js';
import { leaveDatesProblem } from '../services/leave-service.js';
import { contextId, deniedReply, refusal, refuse, say } from './common.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => checkinText[ctx.me.locale];

function employeeId(ctx: FlowContext, state: FlowState): string {
  return contextId(state.context, 'reportId') || ctx.me.id;
}

async function nameOf(ctx: FlowContext, state: FlowState): Promise<string> {
  const id = employeeId(ctx, state);
  return id === ctx.me.id ? ctx.me.name : (await ctx.read.employeeName(id));
}

const civil = (date: string) => parseCivilDate(date) ?? { year: 1970, month: 1, day: 1 };

const startStep = {
  id: 'start',
  kind: 'date',
  schema: z.string(),
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askLeaveStart({ name: await nameOf(ctx, state) }))] }),
} satisfies StepDefinition<FlowContext>;

const endStep = {
  id: 'end',
  kind: 'date',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askLeaveEnd)] }),
  validate(value, state, ctx) {
    const problem = leaveDatesProblem(civil(answerOf(state, startStep) ?? ''), civil(value as string));
    return problem ? leaveProblemText(ctx, problem) : null;
  },
} satisfies StepDefinition<FlowContext>;

const noteStep = { id: 'note', kind: 'text', optional: true, maxLength: 300, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askLeaveNote)] }) } satisfies StepDefinition<FlowContext>;

export const leaveFlow: FlowDefinition<FlowContext> = {
  id: 'leave',
  version: 1,
  command: cmd('cuti'),
  title: (locale) => checkinText[locale].leaveTitle,
  async begin(ctx, context) {
    const target = contextId(context, 'reportId');
    if (target && target !== ctx.me.id) {
      const refused = await refusal(ctx, 'RECORD_LEAVE', target);
      if (refused) return refuse(refused);
    }
    return { ok: true, context };
  },
  steps: [startStep, endStep, noteStep],
  async complete(ctx, state) {
    const recorded = await ctx.services.leave.record(
      { member: ctx.me },
      {
        employeeId: employeeId(ctx, state),
        start: civil(answerOf(state, startStep) ?? ''),
        end: civil(answerOf(state, endStep) ?? ''),
        note: answerOf(state, noteStep) ?? null,
      },
    );
    if (!recorded.ok) {
      const refusal = recorded.refusal;
      if (refusal.code === 'DENIED') return [deniedReply(ctx, refusal)];
      return [say(refusal.code === 'NOT_FOUND' ? botText[ctx.me.locale].personNotFound({ query: '' }) : leaveProblemText(ctx, refusal.code))];
    }
    await ctx.notify(recorded.events);
    const { employee, start, end } = recorded.value;
    return [say(t(ctx).leaveSaved({ name: employee.name, start, end }))];
  },
};

function leaveProblemText(ctx: FlowContext, problem: 'END_BEFORE_START' | 'TOO_LONG'): string {
  return problem === 'END_BEFORE_START' ? t(ctx).leaveEndBeforeStart : t(ctx).leaveTooLong;
}
