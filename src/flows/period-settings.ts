/**
 * /periode – agency-wide HR sets the agency's period settings in chat: periodic cadence, SKP
 * deadline, keberatan period and evaluation window. Every step can be skipped to keep what is set;
 * a confirmation shows the result. The same rules and texts as `periods set` in the CLI.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { periodSettingsText } from '../i18n/period-settings.js';
import { dayMonthLabel, describePeriodSettings, isSettingDays, parseDayMonth, type PeriodSettings } from '../services/period-settings.js';
import { refusedAttempt, say } from './common.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => periodSettingsText[ctx.me.locale];
type Current = PeriodSettings & { name: string };

const current = (state: FlowState) => state.context['current'] as Current;

/** What the answers change (skipped steps change nothing). */
function changes(state: FlowState): Partial<PeriodSettings> {
  const data: Partial<PeriodSettings> = {};
  const cadence = lastAnswer<PeriodSettings['periodCadence'] | null>(state, 'cadence');
  if (cadence) data.periodCadence = cadence;
  const deadline = lastAnswer<{ month: number; day: number } | null>(state, 'skpDeadline');
  if (deadline) Object.assign(data, { skpDeadlineMonth: deadline.month, skpDeadlineDay: deadline.day });
  for (const [step, field] of [['objectionDays', 'objectionDays'], ['opens', 'evaluationOpensDays'], ['closes', 'evaluationClosesDays']] as const) {
    const days = lastAnswer<number | null>(state, step);
    if (days) data[field] = days;
  }
  return data;
}

const daysStep = (id: string, ask: (ctx: FlowContext, now: Current) => string) => ({
  id,
  kind: 'number' as const,
  optional: true,
  schema: z.number(),
  validate: (value: unknown, _state: FlowState, ctx: FlowContext) => (isSettingDays(value as number) ? null : t(ctx).badDays),
  prompt: (ctx: FlowContext, state: FlowState) => ({ blocks: [paragraph(ask(ctx, current(state)))] }),
});

export const periodSettingsFlow: FlowDefinition<FlowContext> = {
  id: 'period-settings',
  version: 1,
  command: cmd('periode'),
  title: (locale) => periodSettingsText[locale].title,
  async begin(ctx, context) {
    const agencyWide = await ctx.read.isAgencyWideHr(ctx.me.id, ctx.me.agencyId);
    if (!agencyWide) return { ok: false, reply: refusedAttempt(ctx, 'MANAGE_ORGANISATION', t(ctx).agencyWideOnly, 'NOT_AGENCY_HR') };
    return { ok: true, context: { ...context, current: await ctx.read.periodSettings(ctx.me.agencyId) } };
  },
  steps: [
    {
      id: 'cadence',
      kind: 'choice',
      optional: true,
      schema: z.enum(['QUARTERLY', 'MONTHLY']),
      options: (ctx) => (['QUARTERLY', 'MONTHLY'] as const).map((cadence) => ({ value: cadence, label: t(ctx)[`cadence${cadence}`] })),
      prompt: (ctx, state) => ({ blocks: [paragraph(describePeriodSettings(current(state), ctx.me.locale)), paragraph(t(ctx).askCadence)] }),
    },
    {
      id: 'skpDeadline',
      kind: 'text',
      optional: true,
      maxLength: 10,
      schema: z.object({ month: z.number(), day: z.number() }),
      parse: (text, locale) => {
        const value = parseDayMonth(text);
        return value ? { ok: true, value } : { ok: false, message: periodSettingsText[locale].badSkpDeadline };
      },
      prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askSkpDeadline({ now: dayMonthLabel(current(state)) }))] }),
    },
    daysStep('objectionDays', (ctx, now) => t(ctx).askObjectionDays({ now: now.objectionDays })),
    daysStep('opens', (ctx, now) => t(ctx).askOpens({ now: now.evaluationOpensDays })),
    daysStep('closes', (ctx, now) => t(ctx).askCloses({ now: now.evaluationClosesDays })),
    {
      id: 'confirm',
      kind: 'confirm',
      schema: z.boolean(),
      prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).confirm({ summary: describePeriodSettings({ ...current(state), ...changes(state) }, ctx.me.locale) }))] }),
    },
  ],
  async complete(ctx, state) {
    const data = changes(state);
    if (!lastAnswer<boolean>(state, 'confirm') || Object.keys(data).length === 0) return [say(t(ctx).unchanged)];
    const saved = await ctx.services.settings.savePeriods(ctx.me.agencyId, data, { actorId: ctx.me.id });
    return [say(t(ctx).saved({ summary: describePeriodSettings(saved, ctx.me.locale) }))];
  },
};
