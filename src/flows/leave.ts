/**
 * /cuti [nama] – records leave, during which there are no check-ins. An employee records their
 * own; a supervisor (or Plt/Plh) or HR may record a report's, and the employee is told.
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { epochDay, parseCivilDate } from '../domain/civil-date.js';
import { checkinText } from '../i18n/checkins.js';
import { audit } from '../services/audit.js';
import { contextId, refusal, refuse, say } from './common.js';

const t = (ctx: BotContext) => checkinText[ctx.me.locale];
const MAX_DAYS = 90;

function employeeId(ctx: BotContext, state: FlowState): string {
  return contextId(state.context, 'reportId') || ctx.me.id;
}

async function nameOf(ctx: BotContext, state: FlowState): Promise<string> {
  const id = employeeId(ctx, state);
  return id === ctx.me.id ? ctx.me.name : ((await ctx.db.employee.findUnique({ where: { id }, select: { name: true } }))?.name ?? '');
}

const days = (date: string) => epochDay(parseCivilDate(date) ?? { year: 1970, month: 1, day: 1 });

export const leaveFlow: FlowDefinition<BotContext> = {
  id: 'leave',
  version: 1,
  command: '/cuti',
  title: (locale) => checkinText[locale].leaveTitle,
  async begin(ctx, context) {
    const target = contextId(context, 'reportId');
    if (target && target !== ctx.me.id) {
      const refused = await refusal(ctx, 'RECORD_LEAVE', target);
      if (refused) return refuse(refused);
    }
    return { ok: true, context };
  },
  steps: [
    {
      id: 'start',
      kind: 'date',
      schema: z.string(),
      prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askLeaveStart({ name: await nameOf(ctx, state) }))] }),
    },
    {
      id: 'end',
      kind: 'date',
      schema: z.string(),
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askLeaveEnd)] }),
      validate(value, state, ctx) {
        const start = days(lastAnswer<string>(state, 'start') ?? '');
        const end = days(value as string);
        if (end < start) return t(ctx).leaveEndBeforeStart;
        return end - start + 1 > MAX_DAYS ? t(ctx).leaveTooLong : null;
      },
    },
    { id: 'note', kind: 'text', optional: true, maxLength: 300, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askLeaveNote)] }) },
  ],
  async complete(ctx, state) {
    const target = employeeId(ctx, state);
    if (target !== ctx.me.id) {
      const refused = await refusal(ctx, 'RECORD_LEAVE', target);
      if (refused) return [refused];
    }
    const start = lastAnswer<string>(state, 'start') ?? '';
    const end = lastAnswer<string>(state, 'end') ?? '';
    const leave = await ctx.db.leave.create({
      data: {
        employeeId: target,
        startsOn: new Date(`${start}T00:00:00Z`),
        endsOn: new Date(`${end}T00:00:00Z`),
        note: lastAnswer<string | null>(state, 'note') ?? null,
        recordedById: ctx.me.id,
      },
      include: { employee: true },
    });
    await audit(ctx.db, { agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'leave.recorded', entityType: 'Leave', entityId: leave.id, details: { employeeId: target, start, end } });
    if (target !== ctx.me.id) {
      await ctx.outbox.toPerson(target, [say(checkinText[leave.employee.locale].leaveSavedToEmployee({ by: ctx.me.name, start, end }))]);
    }
    return [say(t(ctx).leaveSaved({ name: leave.employee.name, start, end }))];
  },
};
