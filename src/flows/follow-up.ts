/**
 * /tindaklanjut [nama] – the rater records a follow-up recommendation (reward, sanction,
 * development) on a finalised evaluation, seeing – for an annual result – the credit-point
 * conversion for functional positions and the PPPK threshold. People decide: the rater's superior (or HR covering the
 * employee) records the decision from the button they receive. The bot imposes nothing.
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition } from '../conversation/flow.js';
import { bold, paragraph, quote, reply, type Block } from '../conversation/reply.js';
import { annualCoefficient, creditPoints, CREDIT_POINT_SHARE, meetsPppkExtension } from '../domain/follow-up.js';
import { periodKeyLabel } from '../domain/periods.js';
import { predikatLabel } from '../domain/rating-matrix.js';
import { formatNumber, formatPercent, type Locale } from '../i18n/catalogue.js';
import { followUpText } from '../i18n/appraisal.js';
import { deciderFor, finalResult } from '../services/evaluations.js';
import { decide, standsFor } from '../services/people.js';
import { beginUnless, contextId, refusal, refusalAboutReport, refuse, reportIdOf, reportNameOf, reportStep, say } from './common.js';

const t = (ctx: BotContext) => followUpText[ctx.me.locale];
const KINDS = ['PENGHARGAAN', 'SANKSI', 'PENGEMBANGAN'] as const;
type Kind = (typeof KINDS)[number];



function finalEvaluations(ctx: BotContext, employeeId: string) {
  return ctx.db.evaluation.findMany({
    where: { employeeId, status: { not: 'DRAFT' } },
    orderBy: [{ year: 'desc' }, { kind: 'asc' }, { periodKey: 'desc' }],
    include: { objection: true, employee: true },
  });
}

/** The credit-point and PPPK lines that apply to the employee and predikat. */
function conversionBlocks(
  employee: { positionType: string; positionLevel: string | null; employmentStatus: string },
  predikat: Parameters<typeof creditPoints>[0],
  locale: Locale,
): Block[] {
  const m = followUpText[locale];
  const blocks: Block[] = [];
  const coefficient = employee.positionType === 'FUNGSIONAL' ? annualCoefficient(employee.positionLevel) : undefined;
  if (coefficient !== undefined) {
    blocks.push(
      paragraph(
        m.creditPoints({
          level: employee.positionLevel ?? '',
          coefficient: formatNumber(coefficient, locale, 3),
          percent: formatPercent(CREDIT_POINT_SHARE[predikat], locale),
          points: formatNumber(creditPoints(predikat, coefficient), locale, 3),
        }),
      ),
    );
  }
  if (employee.employmentStatus === 'PPPK') blocks.push(paragraph(m.pppk({ ok: meetsPppkExtension(predikat) })));
  return blocks;
}

export const followUpFlow: FlowDefinition<BotContext> = {
  id: 'follow-up',
  version: 1,
  command: '/tindaklanjut',
  title: (locale) => followUpText[locale].title,
  async begin(ctx, context) {
    const refused = await refusalAboutReport(ctx, context, 'EVALUATE');
    if (refused) return refused;
    const named = contextId(context, 'reportId');
    if (named && (await finalEvaluations(ctx, named)).length === 0) {
      const name = (await ctx.db.employee.findUnique({ where: { id: named }, select: { name: true } }))?.name ?? '';
      return refuse(say(t(ctx).noEvaluations({ name })));
    }
    return { ok: true, context };
  },
  steps: [
    reportStep((ctx) => t(ctx).askReport),
    {
      id: 'evaluation',
      kind: 'choice',
      schema: z.string(),
      async prompt(ctx, state) {
        const name = await reportNameOf(ctx, state);
        const has = (await finalEvaluations(ctx, reportIdOf(state))).length > 0;
        return { blocks: [paragraph(has ? t(ctx).askEvaluation({ name }) : t(ctx).noEvaluations({ name }))] };
      },
      options: async (ctx, state) =>
        (await finalEvaluations(ctx, reportIdOf(state))).map((evaluation) => {
          const predikat = finalResult(evaluation).predikat;
          return { value: evaluation.id, label: t(ctx).evaluationOption({ period: periodKeyLabel(evaluation.periodKey, ctx.me.locale), predikat: predikat ? predikatLabel(predikat, ctx.me.locale) : '–' }) };
        }),
    },
    {
      id: 'kind',
      kind: 'choice',
      schema: z.enum(KINDS),
      async prompt(ctx, state) {
        const evaluation = await ctx.db.evaluation.findUniqueOrThrow({ where: { id: lastAnswer<string>(state, 'evaluation') ?? '' }, include: { objection: true, employee: true } });
        const predikat = finalResult(evaluation).predikat ?? 'BAIK';
        // Credit points and contract extensions follow the annual result, not a quarter's.
        const conversion = evaluation.kind === 'ANNUAL' ? conversionBlocks(evaluation.employee, predikat, ctx.me.locale) : [];
        return { blocks: [paragraph(t(ctx).askKind({ name: evaluation.employee.name, predikat: predikatLabel(predikat, ctx.me.locale) })), ...conversion] };
      },
      options: (ctx) => KINDS.map((kind) => ({ value: kind, label: t(ctx)[`kind${kind}`] })),
    },
    { id: 'recommendation', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askRecommendation)] }) },
  ],
  async complete(ctx, state) {
    const employeeId = reportIdOf(state);
    const refused = await refusal(ctx, 'EVALUATE', employeeId);
    if (refused) return [refused];
    const evaluation = await ctx.db.evaluation.findFirst({ where: { id: lastAnswer<string>(state, 'evaluation') ?? '', employeeId, status: { not: 'DRAFT' } }, include: { employee: { include: { supervisor: true } } } });
    if (!evaluation) return [say(t(ctx).noEvaluations({ name: '' }))];
    const kind = lastAnswer<Kind>(state, 'kind') ?? 'PENGEMBANGAN';
    const recommendation = lastAnswer<string>(state, 'recommendation') ?? '';
    const saved = { id: ctx.work.newId() };
    ctx.work.change(`followUp.insert ${saved.id}`, (tx) => tx.evaluationFollowUp.create({ data: { id: saved.id, evaluationId: evaluation.id, kind, recommendation } }));
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'followUp.recommended', entityType: 'EvaluationFollowUp', entityId: saved.id, details: { evaluationId: evaluation.id, kind } });
    // The superior who also hears keberatan about this evaluation decides.
    const decider = await deciderFor(ctx.db, evaluation.id);
    if (decider) {
      const d = followUpText[decider.locale];
      await ctx.outbox.toPerson(decider.id, [
        reply(
          [paragraph(bold(d.toDecider({ rater: ctx.me.name, kind: d[`kind${kind}`], name: evaluation.employee.name, period: periodKeyLabel(evaluation.periodKey, decider.locale) }))), quote(recommendation)],
          [[await ctx.buttonFor(decider.id, d.decideButton, { kind: 'start', flow: 'follow-up-decision', context: { followUpId: saved.id } })]],
        ),
      ]);
    }
    return [say(t(ctx).saved({ kind: t(ctx)[`kind${kind}`], name: evaluation.employee.name }))];
  },
};

/** Null when `ctx.me` may decide: the superior who got the button (see deciderFor) or whoever acts for them, the employee's rater's superior now, or HR covering the employee. */
async function decisionProblem(ctx: BotContext, followUpId: string): Promise<string | null> {
  const followUp = await ctx.db.evaluationFollowUp.findUnique({ where: { id: followUpId }, include: { evaluation: true } });
  if (!followUp) return t(ctx).notDecider;
  if (followUp.decidedAt) return t(ctx).alreadyDecided;
  const { employeeId, raterId } = followUp.evaluation;
  if (ctx.me.id === raterId || ctx.me.id === employeeId) return t(ctx).notDecider;
  const decider = await deciderFor(ctx.db, followUp.evaluationId);
  if (decider && (await standsFor(ctx.db, ctx.me, decider.id, ctx.now))) return null;
  for (const action of ['DECIDE_OBJECTION', 'EXPORT'] as const) if ((await decide(ctx.db, ctx.me, action, employeeId, ctx.now)).allowed) return null;
  return t(ctx).notDecider;
}

/** The rater's superior or HR records the decision on a recommendation. */
export const followUpDecisionFlow: FlowDefinition<BotContext> = {
  id: 'follow-up-decision',
  version: 1,
  command: '/bantuan',
  title: (locale) => followUpText[locale].decisionTitle,
  begin: beginUnless((ctx, context) => decisionProblem(ctx, contextId(context, 'followUpId'))),
  steps: [{ id: 'decision', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDecision)] }) }],
  async complete(ctx, state) {
    const followUpId = contextId(state.context, 'followUpId');
    const problem = await decisionProblem(ctx, followUpId);
    if (problem) return [say(problem)];
    const decision = lastAnswer<string>(state, 'decision') ?? '';
    // Guarded: a second decision (another device, a retried button) makes this one decide again, and it is refused.
    ctx.work.guarded(`followUp.decide ${followUpId}`, (tx) =>
      tx.evaluationFollowUp.updateMany({ where: { id: followUpId, decidedAt: null }, data: { decision, decidedById: ctx.me.id, decidedAt: ctx.now } }),
    );
    const saved = await ctx.db.evaluationFollowUp.findUniqueOrThrow({ where: { id: followUpId }, include: { evaluation: { include: { employee: true, rater: true } } } });
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'followUp.decided', entityType: 'EvaluationFollowUp', entityId: followUpId });
    for (const person of [saved.evaluation.rater, saved.evaluation.employee]) {
      const p = followUpText[person.locale];
      await ctx.outbox.toPerson(person.id, [reply([paragraph(p.decisionToOthers({ by: ctx.me.name, kind: p[`kind${saved.kind}`], name: saved.evaluation.employee.name })), quote(decision)])]);
    }
    return [say(t(ctx).decisionSaved)];
  },
};
