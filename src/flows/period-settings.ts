/**
 * /periode – agency-wide HR sets the agency's period settings in chat: periodic cadence, SKP
 * deadline, keberatan period and evaluation window. Every step can be skipped to keep what is set;
 * a confirmation shows the result. The same rules and texts as `periods set` in the CLI.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { periodSettingsText } from '../i18n/period-settings.js';
import { dayMonthLabel, describePeriodSettings, isSettingDays, parseDayMonth, type PeriodSettings } from '../services/period-settings.js';
import { refusedAttempt, say } from './common.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => periodSettingsText[ctx.me.locale];
type Current = PeriodSettings & { name: string };

const current = (state: FlowState) => state.context['current'] as Current;

const daysStep = (id: string, ask: (ctx: FlowContext, now: Current) => string) =>
  ({
    id,
    kind: 'number',
    optional: true,
    schema: z.number(),
    validate: (value, _state, ctx) => (isSettingDays(value as number) ? null : t(ctx).badDays),
    prompt: (ctx, state) => ({ blocks: [paragraph(ask(ctx, current(state)))] }),
  }) satisfies StepDefinition<FlowContext>;

const cadenceStep = {
  id: 'cadence',
  kind: 'choice',
  optional: true,
  schema: z.enum(['QUARTERLY', 'MONTHLY']),
  options: (ctx) => (['QUARTERLY', 'MONTHLY'] as const).map((cadence) => ({ value: cadence, label: t(ctx)[`cadence${cadence}`] })),
  prompt: (ctx, state) => ({ blocks: [paragraph(describePeriodSettings(current(state), ctx.me.locale)), paragraph(t(ctx).askCadence)] }),
} satisfies StepDefinition<FlowContext>;

const skpDeadlineStep = {
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
} satisfies StepDefinition<FlowContext>;

const opensStep = daysStep('opens', (ctx, now) => t(ctx).askOpens({ now: now.evaluationOpensDays }));
const closesStep = daysStep('closes', (ctx, now) => t(ctx).askCloses({ now: now.evaluationClosesDays }));

/** What the answers change (skipped steps change nothing). */
function changes(state: FlowState): Partial<PeriodSettings> {
  const data: Partial<PeriodSettings> = {};
  const cadence = answerOf(state, cadenceStep);
  if (cadence) data.periodCadence = cadence;
  const deadline = answerOf(state, skpDeadlineStep);
  if (deadline) Object.assign(data, { skpDeadlineMonth: deadline.month, skpDeadlineDay: deadline.day });
  for (const [step, field] of [[opensStep, 'evaluationOpensDays'], [closesStep, 'evaluationClosesDays']] as const) {
    const days = answerOf(state, step);
    if (days) data[field] = days;
  }
  return data;
}

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).confirm({ summary: describePeriodSettings({ ...current(state), ...changes(state) }, ctx.me.locale) }))] }),
} satisfies StepDefinition<FlowContext>;

export const periodSettingsFlow: FlowDefinition<FlowContext> = {
  id: 'period-settings',
  // 2: the keberatan period is no longer asked (PP 30/2019 fixes it).
  version: 2,
  command: cmd('periode'),
  title: (locale) => periodSettingsText[locale].title,
  async begin(ctx, context) {
    const agencyWide = await ctx.read.isAgencyWideHr(ctx.me.id, ctx.me.agencyId);
    if (!agencyWide) return { ok: false, reply: refusedAttempt(ctx, 'MANAGE_ORGANISATION', t(ctx).agencyWideOnly, 'NOT_AGENCY_HR') };
    return { ok: true, context: { ...context, current: await ctx.read.periodSettings(ctx.me.agencyId) } };
  },
  steps: [cadenceStep, skpDeadlineStep, opensStep, closesStep, confirmStep],
  async complete(ctx, state) {
    const data = changes(state);
    if (!answerOf(state, confirmStep) || Object.keys(data).length === 0) return [say(t(ctx).unchanged)];
    const saved = await ctx.services.settings.savePeriods(ctx.me.agencyId, data, { actorId: ctx.me.id });
    return [say(t(ctx).saved({ summary: describePeriodSettings(saved, ctx.me.locale) }))];
  },
};
