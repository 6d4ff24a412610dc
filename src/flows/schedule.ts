/**
 * /jadwal [unit] – HR changes the weekly check-in schedule in chat: day, time, deadline, reminder,
 * escalation and the optional questions, each step skippable to keep what is set now, then a
 * confirmation showing the result. The router checks the HR role and scope and names the units.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { describeSchedule, parseTimeOfDay, scheduleLimits, settingsProblem, timeOfDay, weekdayName } from '../checkins/schedule-admin.js';
import { QUESTION_KEYS, type ScheduleSettings } from '../checkins/schedules.js';
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
  return {
    weekday: Number(answerOf(state, dayStep) ?? base.weekday),
    minuteOfDay: answerOf(state, timeStep) ?? base.minuteOfDay,
    deadlineHours: answerOf(state, deadlineStep) ?? base.deadlineHours,
    reminderAfterHours: answerOf(state, reminderStep) ?? base.reminderAfterHours,
    escalateAfterMissed: answerOf(state, escalateStep) ?? base.escalateAfterMissed,
    questions: answerOf(state, questionsStep) ?? base.questions,
  };
}

const dayStep = {
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
} satisfies StepDefinition<FlowContext>;

const timeStep = {
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
} satisfies StepDefinition<FlowContext>;

const deadlineStep = {
  id: 'deadline',
  kind: 'number',
  optional: true,
  schema: z.number(),
  validate: (value, _state, ctx) => scheduleLimits.deadline(value, ctx.me.locale),
  prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askDeadline({ now: current(state).deadlineHours }))] }),
} satisfies StepDefinition<FlowContext>;

const reminderStep = {
  id: 'reminder',
  kind: 'number',
  optional: true,
  schema: z.number(),
  validate: (value, state, ctx) => scheduleLimits.reminder(value, chosen(state).deadlineHours, ctx.me.locale),
  prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askReminder({ now: current(state).reminderAfterHours, deadline: chosen(state).deadlineHours }))] }),
} satisfies StepDefinition<FlowContext>;

const escalateStep = {
  id: 'escalate',
  kind: 'number',
  optional: true,
  schema: z.number(),
  validate: (value, _state, ctx) => scheduleLimits.escalate(value, ctx.me.locale),
  prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askEscalate({ now: current(state).escalateAfterMissed }))] }),
} satisfies StepDefinition<FlowContext>;

const questionsStep = {
  id: 'questions',
  kind: 'multi',
  optional: true,
  schema: z.array(z.enum(QUESTION_KEYS)),
  options: (ctx) => {
    const labels = scheduleText[ctx.me.locale].questionLabels.split('|');
    return QUESTION_KEYS.map((key, i) => ({ value: key, label: labels[i + 1] ?? key }));
  },
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askQuestions)] }),
} satisfies StepDefinition<FlowContext>;

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  prompt: (ctx, state) => {
    const settings = chosen(state);
    const problem = settingsProblem(settings, ctx.me.locale);
    return { blocks: [paragraph(problem ? t(ctx).scheduleProblem({ problem }) : t(ctx).confirmSchedule({ scope: scopeOf(state), settings: describeSchedule(settings, ctx.me.locale) }))] };
  },
} satisfies StepDefinition<FlowContext>;

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
  steps: [dayStep, timeStep, deadlineStep, reminderStep, escalateStep, questionsStep, confirmStep],
  async complete(ctx, state) {
    if (!answerOf(state, confirmStep)) return [say(t(ctx).scheduleUnchanged)];
    const settings = chosen(state);
    const problem = settingsProblem(settings, ctx.me.locale);
    if (problem) return [say(t(ctx).scheduleProblem({ problem })), say(t(ctx).scheduleUnchanged)];
    for (const unitId of unitIds(state)) await ctx.services.settings.saveSchedule({ agencyId: ctx.me.agencyId, unitId, settings, actorId: ctx.me.id });
    return [say(scheduleText[ctx.me.locale].saved({ unit: scopeOf(state), settings: describeSchedule(settings, ctx.me.locale) }))];
  },
};
