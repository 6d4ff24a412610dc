/**
 * /jadwal [unit] – HR changes the weekly check-in schedule in chat: day, time, deadline, reminder,
 * escalation and the optional questions, each step skippable to keep what is set now, then a
 * confirmation showing the result. The router checks the HR role and scope and names the units.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { describeSchedule, parseTimeOfDay, scheduleLimits, settingsProblem, timeOfDay, weekdayName } from '../checkins/schedule-admin.js';
import { QUESTION_KEYS, type QuestionKey, type ScheduleSettings } from '../checkins/schedules.js';
import { scheduleText } from '../i18n/schedules.js';
import { contextId, say } from './common.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => scheduleText[ctx.me.locale];

function unitIds(state: FlowState): string[] {
  const ids = state.context['unitIds'];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** "seluruh Pemerintah Provinsi Contoh" or the unit's name, for the messages. */
function scopeOf(state: FlowState): string {
  return contextId(state.context, 'scope');
}

function current(state: FlowState): ScheduleSettings {
  return state.context['current'] as ScheduleSettings;
}

/** The settings with every answer given so far applied (skipped = unchanged). */
function chosen(state: FlowState): ScheduleSettings {
  const base = current(state);
  const pick = <T>(step: string, fallback: T): T => lastAnswer<T | null>(state, step) ?? fallback;
  return {
    weekday: Number(pick<string>('day', String(base.weekday))),
    minuteOfDay: pick('time', base.minuteOfDay),
    deadlineHours: pick('deadline', base.deadlineHours),
    reminderAfterHours: pick('reminder', base.reminderAfterHours),
    escalateAfterMissed: pick('escalate', base.escalateAfterMissed),
    questions: pick<QuestionKey[]>('questions', base.questions),
  };
}

export const scheduleFlow: FlowDefinition<FlowContext> = {
  id: 'schedule',
  version: 1,
  command: cmd('jadwal'),
  title: (locale) => scheduleText[locale].scheduleTitle,
  async begin(ctx, context) {
    const [first] = unitIds({ entries: [], context });
    if (!first) return { ok: false, reply: say(scheduleText[ctx.me.locale].scheduleNoUnits) };
    const settings = (await ctx.read.ownSchedule(first)) ?? (await ctx.read.scheduleOfUnit(first)).settings;
    return { ok: true, context: { ...context, current: settings } };
  },
  steps: [
    {
      id: 'day',
      kind: 'choice',
      optional: true,
      schema: z.string(),
      options: (ctx) => [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: weekdayName(day, ctx.me.locale) })),
      prompt: (ctx, state) => ({
        blocks: [
          paragraph(t(ctx).scheduleNow({ scope: scopeOf(state), settings: describeSchedule(current(state), ctx.me.locale) })),
          paragraph(t(ctx).askDay({ now: weekdayName(current(state).weekday, ctx.me.locale) })),
        ],
      }),
    },
    {
      id: 'time',
      kind: 'text',
      optional: true,
      maxLength: 40,
      schema: z.number().int().min(0).max(1439),
      parse: (text, locale) => {
        const minutes = parseTimeOfDay(text);
        return minutes === null ? { ok: false, message: scheduleText[locale].badTime({ value: text }) } : { ok: true, value: minutes };
      },
      prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askTime({ now: timeOfDay(current(state).minuteOfDay, ctx.me.locale) }))] }),
    },
    {
      id: 'deadline',
      kind: 'number',
      optional: true,
      schema: z.number(),
      validate: (value, _state, ctx) => scheduleLimits.deadline(value, ctx.me.locale),
      prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askDeadline({ now: current(state).deadlineHours }))] }),
    },
    {
      id: 'reminder',
      kind: 'number',
      optional: true,
      schema: z.number(),
      validate: (value, state, ctx) => scheduleLimits.reminder(value, chosen(state).deadlineHours, ctx.me.locale),
      prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askReminder({ now: current(state).reminderAfterHours, deadline: chosen(state).deadlineHours }))] }),
    },
    {
      id: 'escalate',
      kind: 'number',
      optional: true,
      schema: z.number(),
      validate: (value, _state, ctx) => scheduleLimits.escalate(value, ctx.me.locale),
      prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askEscalate({ now: current(state).escalateAfterMissed }))] }),
    },
    {
      id: 'questions',
      kind: 'multi',
      optional: true,
      schema: z.array(z.enum(QUESTION_KEYS)),
      options: (ctx) => {
        const labels = scheduleText[ctx.me.locale].questionLabels.split('|');
        return QUESTION_KEYS.map((key, i) => ({ value: key, label: labels[i + 1] ?? key }));
      },
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askQuestions)] }),
    },
    {
      id: 'confirm',
      kind: 'confirm',
      schema: z.boolean(),
      prompt: (ctx, state) => {
        const settings = chosen(state);
        const problem = settingsProblem(settings, ctx.me.locale);
        return { blocks: [paragraph(problem ? t(ctx).scheduleProblem({ problem }) : t(ctx).confirmSchedule({ scope: scopeOf(state), settings: describeSchedule(settings, ctx.me.locale) }))] };
      },
    },
  ],
  async complete(ctx, state) {
    if (!lastAnswer<boolean>(state, 'confirm')) return [say(t(ctx).scheduleUnchanged)];
    const settings = chosen(state);
    const problem = settingsProblem(settings, ctx.me.locale);
    if (problem) return [say(t(ctx).scheduleProblem({ problem })), say(t(ctx).scheduleUnchanged)];
    for (const unitId of unitIds(state)) await ctx.services.settings.saveSchedule({ agencyId: ctx.me.agencyId, unitId, settings, actorId: ctx.me.id });
    return [say(scheduleText[ctx.me.locale].saved({ unit: scopeOf(state), settings: describeSchedule(settings, ctx.me.locale) }))];
  },
};
