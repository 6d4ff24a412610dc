/**
 * /predikatunit – sets a unit's Predikat Kinerja Organisasi for a period: the leader one level up
 * (or whoever acts for them) or HR covering the unit; never the unit's own leader. The unit's leader
 * is told, because the unit's predikat becomes their own results rating.
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { denialMessage } from '../domain/access.js';
import { parsePeriodKey, periodLabel } from '../domain/periods.js';
import { UNIT_PREDIKATS, unitPredikatLabel, type UnitPredikat } from '../domain/rating-matrix.js';
import { botText } from '../i18n/bot.js';
import { evaluationText } from '../i18n/evaluation.js';
import { decideUnitPredikat, predikatPeriods, settableUnits } from '../services/unit-predikat.js';
import { refuse, refusedAttempt, say } from './common.js';

const t = (ctx: BotContext) => evaluationText[ctx.me.locale];

async function unitName(ctx: BotContext, state: FlowState): Promise<string> {
  const id = lastAnswer<string>(state, 'unit') ?? '';
  return (await ctx.db.unit.findUnique({ where: { id }, select: { name: true } }))?.name ?? '';
}

const periodName = (ctx: BotContext, key: string) => {
  const period = parsePeriodKey(key);
  return period ? periodLabel(period, ctx.me.locale) : key;
};

export const unitPredikatFlow: FlowDefinition<BotContext> = {
  id: 'unit-predikat',
  version: 1,
  command: '/predikatunit',
  title: (locale) => evaluationText[locale].predikatTitle,
  async begin(ctx, context) {
    if ((await settableUnits(ctx.db, ctx.me, ctx.now)).length === 0) return refuse(refusedAttempt(ctx, 'EVALUATE', t(ctx).noUnits));
    return { ok: true, context };
  },
  steps: [
    {
      id: 'unit',
      kind: 'choice',
      schema: z.string(),
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askUnit)] }),
      options: async (ctx) => (await settableUnits(ctx.db, ctx.me, ctx.now)).map((unit) => ({ value: unit.id, label: unit.name })),
    },
    {
      id: 'period',
      kind: 'choice',
      schema: z.string(),
      prompt: async (ctx, state) => ({ blocks: [paragraph(t(ctx).askPeriod({ unit: await unitName(ctx, state) }))] }),
      options: async (ctx) => (await predikatPeriods(ctx.db, ctx.me, ctx.now)).map((period) => ({ value: period.key, label: periodLabel(period, ctx.me.locale) })),
    },
    {
      id: 'predikat',
      kind: 'choice',
      schema: z.enum(UNIT_PREDIKATS as [UnitPredikat, ...UnitPredikat[]]),
      prompt: async (ctx, state) => {
        const unitId = lastAnswer<string>(state, 'unit') ?? '';
        const periodKey = lastAnswer<string>(state, 'period') ?? '';
        const current = await ctx.db.unitPredikat.findUnique({ where: { unitId_periodKey: { unitId, periodKey } } });
        const text = t(ctx).askPredikat({ unit: await unitName(ctx, state), period: periodName(ctx, periodKey), current: current ? unitPredikatLabel(current.predikat, ctx.me.locale) : '' });
        return { blocks: [paragraph(text)] };
      },
      options: (ctx) => UNIT_PREDIKATS.map((predikat) => ({ value: predikat, label: unitPredikatLabel(predikat, ctx.me.locale) })),
    },
    { id: 'note', kind: 'text', optional: true, maxLength: 500, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNote)] }) },
  ],
  async complete(ctx, state) {
    const unitId = lastAnswer<string>(state, 'unit') ?? '';
    const periodKey = lastAnswer<string>(state, 'period') ?? '';
    const predikat = lastAnswer<UnitPredikat>(state, 'predikat') ?? 'BAIK';
    const note = lastAnswer<string | null>(state, 'note') ?? null;
    // The rule again at the end: roles and acting assignments may have changed meanwhile.
    const decision = await decideUnitPredikat(ctx.db, ctx.me, unitId, ctx.now);
    if (!decision.allowed) return [say(botText[ctx.me.locale].refused({ reason: denialMessage(decision.reason, 'SET_UNIT_PREDIKAT', ctx.me.locale) }))];
    const unit = await ctx.db.unit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true, leader: { select: { id: true, locale: true } } } });
    const existing = await ctx.db.unitPredikat.findUnique({ where: { unitId_periodKey: { unitId, periodKey } }, select: { id: true } });
    const id = existing?.id ?? ctx.work.newId();
    ctx.work.change(`unitPredikat.set ${unitId} ${periodKey}`, (tx) =>
      tx.unitPredikat.upsert({
        where: { unitId_periodKey: { unitId, periodKey } },
        create: { id, unitId, periodKey, predikat, note, setById: ctx.me.id },
        update: { predikat, note, setById: ctx.me.id },
      }),
    );
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'unitPredikat.set', entityType: 'UnitPredikat', entityId: id, details: { unitId, periodKey, predikat, as: decision.as } });
    const saved = { unit: { name: unit.name } };
    const leader = unit.leader;
    if (leader && leader.id !== ctx.me.id) {
      const locale = leader.locale;
      const period = parsePeriodKey(periodKey);
      await ctx.outbox.toPerson(leader.id, [
        say(
          evaluationText[locale].toLeader({
            by: ctx.me.name,
            unit: saved.unit.name,
            period: period ? periodLabel(period, locale) : periodKey,
            predikat: unitPredikatLabel(predikat, locale),
            note: note ?? '',
          }),
        ),
      ]);
    }
    return [say(t(ctx).saved({ unit: saved.unit.name, period: periodName(ctx, periodKey), predikat: unitPredikatLabel(predikat, ctx.me.locale) }))];
  },
};
