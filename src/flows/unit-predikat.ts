/**
 * /predikatunit – the Capaian Kinerja Organisasi of a unit for a period: decided by the leader one
 * level up (or whoever acts for them), with its basis (rencana aksi or Perjanjian Kinerja) in front of
 * them; HR covering the unit records that decision with the document's number and date; never the
 * unit's own leader. The unit's leader is told, because the unit's predikat becomes their own results
 * rating. The rule lives in services/unit-predikat-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { denialMessage } from '../domain/access.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import { UNIT_PREDIKATS, unitPredikatLabel, type UnitPredikat } from '../domain/rating-matrix.js';
import { botText } from '../i18n/bot.js';
import { evaluationText } from '../i18n/evaluation.js';
import { refuse, refusedAttempt, say } from './common.js';
import { capaianBasisOf } from '../domain/organisation-performance.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => evaluationText[ctx.me.locale];

const unitStep = {
  id: 'unit',
  kind: 'choice',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askUnit)] }),
  options: async (ctx) => (await ctx.services.unitPredikats.settableUnits(ctx.me)).map((unit) => ({ value: unit.id, label: unit.name })),
} satisfies StepDefinition<FlowContext>;

const periodStep = {
  id: 'period',
  kind: 'choice',
  schema: z.string(),
  prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askPeriod({ unit: await unitName(ctx, state) }))] }),
  options: async (ctx) => (await ctx.read.predikatPeriods(ctx.me)).map((period) => ({ value: period.key, label: periodLabel(period, ctx.me.locale) })),
} satisfies StepDefinition<FlowContext>;

const predikatStep = {
  id: 'predikat',
  kind: 'choice',
  schema: z.enum(UNIT_PREDIKATS as [UnitPredikat, ...UnitPredikat[]]),
  prompt: async (ctx, state) => {
    const unitId = answerOf(state, unitStep) ?? '';
    const periodKey = answerOf(state, periodStep) ?? '';
    const current = await ctx.services.unitPredikats.current(unitId, periodKey);
    const text = t(ctx).askPredikat({ unit: await unitName(ctx, state), period: periodName(ctx, periodKey), current: current ? unitPredikatLabel(current, ctx.me.locale) : '' });
    const period = parsePeriodKey(periodKey);
    const basis = period ? [paragraph(t(ctx)[`basis${capaianBasisOf(period)}`])] : [];
    const recording = (await records(ctx, state)) ? [paragraph(t(ctx).recordingFor({ leader: await ctx.read.unitLeaderSuperiorName(unitId) ?? t(ctx).leaderOutside }))] : [];
    return { blocks: [paragraph(text), ...basis, ...recording] };
  },
  options: (ctx) => UNIT_PREDIKATS.map((predikat) => ({ value: predikat, label: unitPredikatLabel(predikat, ctx.me.locale) })),
} satisfies StepDefinition<FlowContext>;

/** HR records the leader's decision: these steps ask for its document. */
const records = async (ctx: FlowContext, state: FlowState) => (await ctx.services.unitPredikats.authority(ctx.me, answerOf(state, unitStep) ?? '')) === 'RECORDS';

const documentNumberStep = {
  id: 'documentNumber',
  kind: 'text',
  maxLength: 100,
  schema: z.string().min(1),
  when: (state, ctx) => records(ctx, state),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDocumentNumber)] }),
} satisfies StepDefinition<FlowContext>;
const decidedOnStep = { id: 'decidedOn', kind: 'date', schema: z.string(), when: (state, ctx) => records(ctx, state), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDecidedOn)] }) } satisfies StepDefinition<FlowContext>;

const noteStep = { id: 'note', kind: 'text', optional: true, maxLength: 500, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNote)] }) } satisfies StepDefinition<FlowContext>;

async function unitName(ctx: FlowContext, state: FlowState): Promise<string> {
  const id = answerOf(state, unitStep) ?? '';
  return await ctx.read.unitName(id);
}

const periodName = (ctx: FlowContext, key: string) => {
  const period = parsePeriodKey(key);
  return period ? periodLabel(period, ctx.me.locale) : key;
};

export const unitPredikatFlow: FlowDefinition<FlowContext> = {
  id: 'unit-predikat',
  // 2: HR gives the leader's decision document.
  version: 2,
  command: cmd('capaianorganisasi'),
  title: (locale) => evaluationText[locale].predikatTitle,
  async begin(ctx, context) {
    if ((await ctx.services.unitPredikats.settableUnits(ctx.me)).length === 0) return refuse(refusedAttempt(ctx, 'EVALUATE', t(ctx).noUnits));
    return { ok: true, context };
  },
  steps: [unitStep, periodStep, predikatStep, noteStep, documentNumberStep, decidedOnStep],
  async complete(ctx, state) {
    const periodKey = answerOf(state, periodStep) ?? '';
    const predikat = answerOf(state, predikatStep) ?? 'BAIK';
    // The rule is asked again by the service: roles and acting assignments may have changed meanwhile.
    const documentNumber = answerOf(state, documentNumberStep);
    const document = documentNumber ? { documentNumber, decidedOn: answerOf(state, decidedOnStep) ?? '' } : undefined;
    const set = await ctx.services.unitPredikats.set(ctx.me, { unitId: answerOf(state, unitStep) ?? '', periodKey, predikat, note: answerOf(state, noteStep) ?? null, ...(document ? { document } : {}) });
    if (!set.ok && set.refusal.code === 'DENIED') return [say(botText[ctx.me.locale].refused({ reason: denialMessage(set.refusal.reason, 'SET_UNIT_PREDIKAT', ctx.me.locale) }))];
    if (!set.ok) return [say(set.refusal.code === 'DOCUMENT_REQUIRED' ? t(ctx).documentRequired : t(ctx).badPeriod)];
    await ctx.notify(set.events);
    const words = { unit: set.value.unit.name, period: periodName(ctx, periodKey), predikat: unitPredikatLabel(predikat, ctx.me.locale) };
    return [say(document ? t(ctx).recordedSaved({ ...words, number: document.documentNumber }) : t(ctx).saved(words))];
  },
};
