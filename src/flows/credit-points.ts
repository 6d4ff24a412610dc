/**
 * /catatpak <nama> – HR covering the employee records the Penetapan Angka Kredit of an annual
 * evaluation of a functional position from the document: which evaluation (each shown with its
 * conversion), the PAK's number and date, and – when the document states another figure – its credit
 * points. The employee is told and sees it under /hasil. The CLI does the same (`pak record`).
 * The rules live in services/credit-points-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { compareCivilDates, formatCivilDate, parseCivilDate } from '../domain/civil-date.js';
import { periodKeyLabel } from '../domain/periods.js';
import { localDate } from '../domain/time-zones.js';
import { formatNumber } from '../i18n/catalogue.js';
import { cmd } from '../i18n/command-names.js';
import { followUpText } from '../i18n/follow-up.js';
import { contextId, deniedReply, refuse, say } from './common.js';

const t = (ctx: FlowContext) => followUpText[ctx.me.locale];
const employeeOf = (state: { context: Record<string, unknown> }) => contextId(state.context, 'reportId');

/** "12,5" or "12.5" as a number; null when it is not one. */
function parsePoints(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : null;
}

const evaluationStep = {
  id: 'evaluation',
  kind: 'choice',
  schema: z.string(),
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).pakAskEvaluation({ name: await ctx.read.employeeName(employeeOf(state)) }))] }),
  async options(ctx, state) {
    const found = await ctx.services.creditPoints.candidates(ctx.me, employeeOf(state));
    if (!found.ok) return [];
    return found.value.map(({ evaluation, points }) => ({ value: evaluation.id, label: t(ctx).pakOption({ period: periodKeyLabel(evaluation.periodKey, ctx.me.locale), points: formatNumber(points, ctx.me.locale, 3) }) }));
  },
} satisfies StepDefinition<FlowContext>;

const numberStep = { id: 'number', kind: 'text', maxLength: 100, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).pakAskNumber)] }) } satisfies StepDefinition<FlowContext>;
const dateStep = {
  id: 'issuedOn',
  kind: 'date',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).pakAskDate)] }),
  validate(value, _state, ctx) {
    const date = parseCivilDate(value as string);
    return date && compareCivilDates(date, localDate(ctx.now, ctx.me.timeZone)) > 0 ? t(ctx).dateInFuture : null;
  },
} satisfies StepDefinition<FlowContext>;
const pointsStep = {
  id: 'points',
  kind: 'text',
  optional: true,
  maxLength: 20,
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).pakAskPoints)] }),
  validate: (value, _state, ctx) => (parsePoints(value as string) === null ? t(ctx).pakBadPoints : null),
} satisfies StepDefinition<FlowContext>;

export const creditPointsFlow: FlowDefinition<FlowContext> = {
  id: 'credit-points',
  version: 1,
  command: cmd('catatpak'),
  title: (locale) => followUpText[locale].pakTitle,
  async begin(ctx, context) {
    const employeeId = contextId(context, 'reportId');
    if (!employeeId) return refuse(say(t(ctx).pakUsage));
    const found = await ctx.services.creditPoints.candidates(ctx.me, employeeId);
    if (!found.ok) return refuse(found.refusal.code === 'DENIED' ? deniedReply(ctx, found.refusal) : say(t(ctx).pakRefused));
    if (found.value.length === 0) return refuse(say(t(ctx).pakNothing({ name: await ctx.read.employeeName(employeeId) })));
    return { ok: true, context };
  },
  steps: [evaluationStep, numberStep, dateStep, pointsStep],
  async complete(ctx, state) {
    const points = answerOf(state, pointsStep);
    const recorded = await ctx.services.creditPoints.record(ctx.me, {
      employeeId: employeeOf(state),
      evaluationId: answerOf(state, evaluationStep) ?? '',
      number: answerOf(state, numberStep) ?? '',
      issuedOn: answerOf(state, dateStep) ?? formatCivilDate(localDate(ctx.now, ctx.me.timeZone)),
      creditPoints: points ? parsePoints(points) : null,
    });
    if (!recorded.ok) return [recorded.refusal.code === 'DENIED' ? deniedReply(ctx, recorded.refusal) : say(t(ctx).pakRefused)];
    await ctx.notify(recorded.events);
    const pak = recorded.value;
    return [say(t(ctx).pakSaved({ name: pak.employee.name, number: pak.number, points: formatNumber(pak.creditPoints, ctx.me.locale, 3) }))];
  },
};
