/**
 * /tindaklanjut [nama] – the rater records a follow-up recommendation (reward, sanction,
 * development) on a finalised evaluation, seeing – for an annual result – the credit-point
 * conversion for functional positions and the PPPK threshold. People decide: the rater's superior
 * (or HR covering the employee) records the decision from the button they receive. The bot imposes
 * nothing. The rules live in services/follow-up-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type StepDefinition } from '../conversation/flow.js';
import { paragraph, type Block, type Reply } from '../conversation/reply.js';
import { annualCoefficient, creditPoints, CREDIT_POINT_SHARE } from '../domain/follow-up.js';
import { predikatLabel } from '../domain/rating-matrix.js';
import { formatNumber, formatPercent, type Locale } from '../i18n/catalogue.js';
import { followUpText } from '../i18n/appraisal.js';
import { finalResult } from '../services/evaluations.js';
import type { FollowUpRefusal } from '../services/follow-up-service.js';
import { contextId, deniedReply, refusalAboutReport, refuse, reportIdOf, reportNameOf, reportStep, say } from './common.js';
import { respondToRecord } from './respond-to-record.js';
import { evaluationPeriodName } from '../notifications/evaluations.js';
import { creditMonths, partialCreditPoints, type SkpPart } from '../domain/skp-period.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => followUpText[ctx.me.locale];
const KINDS = ['PENGHARGAAN', 'SANKSI', 'PENGEMBANGAN'] as const;

/** Why a recommendation cannot be recorded or decided, in words. */
function followUpRefusal(ctx: FlowContext, refusal: FollowUpRefusal): Reply {
  switch (refusal.code) {
    case 'DENIED':
      return deniedReply(ctx, refusal);
    case 'NO_EVALUATION':
      return say(t(ctx).noEvaluations({ name: '' }));
    case 'DECIDED':
      return say(t(ctx).alreadyDecided);
    case 'NOT_FOUND':
    case 'NOT_DECIDER':
      return say(t(ctx).notDecider);
  }
}

function finalEvaluations(ctx: FlowContext, employeeId: string) {
  return ctx.read.evaluationsOf(employeeId);
}

/** The credit-point and PPPK lines that apply to the employee and predikat. */
function conversionBlocks(
  employee: { positionType: string; positionLevel: string | null; employmentStatus: string },
  predikat: Parameters<typeof creditPoints>[0],
  skp: SkpPart | null,
  locale: Locale,
): Block[] {
  const m = followUpText[locale];
  const blocks: Block[] = [];
  const coefficient = employee.positionType === 'FUNGSIONAL' ? annualCoefficient(employee.positionLevel) : undefined;
  if (coefficient !== undefined && skp) {
    // A move split the year: this SKP period earns its months' share (months/12).
    const months = creditMonths(skp);
    const points = partialCreditPoints(creditPoints(predikat, coefficient), months);
    blocks.push(
      paragraph(
        m.creditPointsPartial({
          level: employee.positionLevel ?? '',
          months,
          coefficient: formatNumber(coefficient, locale, 3),
          percent: formatPercent(CREDIT_POINT_SHARE[predikat], locale),
          points: formatNumber(points, locale, 3),
        }),
      ),
    );
  } else if (coefficient !== undefined) {
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
  if (employee.employmentStatus === 'PPPK') blocks.push(paragraph(m.pppk));
  return blocks;
}

const evaluationStep = {
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
      return { value: evaluation.id, label: t(ctx).evaluationOption({ period: evaluationPeriodName(evaluation, ctx.me.locale), predikat: predikat ? predikatLabel(predikat, ctx.me.locale) : '–' }) };
    }),
} satisfies StepDefinition<FlowContext>;

const kindStep = {
  id: 'kind',
  kind: 'choice',
  schema: z.enum(KINDS),
  async prompt(ctx, state) {
    const evaluation = await ctx.read.evaluation(answerOf(state, evaluationStep) ?? '');
    if (!evaluation) return { blocks: [] };
    const predikat = finalResult(evaluation).predikat ?? 'BAIK';
    // Credit points and contract extensions follow the annual result, not a quarter's.
    const conversion = evaluation.kind === 'ANNUAL' ? conversionBlocks(evaluation.employee, predikat, evaluation.skp, ctx.me.locale) : [];
    return { blocks: [paragraph(t(ctx).askKind({ name: evaluation.employee.name, predikat: predikatLabel(predikat, ctx.me.locale) })), ...conversion] };
  },
  options: (ctx) => KINDS.map((kind) => ({ value: kind, label: t(ctx)[`kind${kind}`] })),
} satisfies StepDefinition<FlowContext>;

const recommendationStep = { id: 'recommendation', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askRecommendation)] }) } satisfies StepDefinition<FlowContext>;

export const followUpFlow: FlowDefinition<FlowContext> = {
  id: 'follow-up',
  version: 1,
  command: cmd('tindaklanjut'),
  title: (locale) => followUpText[locale].title,
  async begin(ctx, context) {
    const refused = await refusalAboutReport(ctx, context, 'EVALUATE');
    if (refused) return refused;
    const named = contextId(context, 'reportId');
    if (named && (await finalEvaluations(ctx, named)).length === 0) {
      const name = await ctx.read.employeeName(named);
      return refuse(say(t(ctx).noEvaluations({ name })));
    }
    return { ok: true, context };
  },
  steps: [
    reportStep('EVALUATE', (ctx) => t(ctx).askReport),
    evaluationStep,
    kindStep,
    recommendationStep,
  ],
  async complete(ctx, state) {
    const kind = answerOf(state, kindStep) ?? 'PENGEMBANGAN';
    const recommended = await ctx.services.followUps.recommend(ctx.me, {
      employeeId: reportIdOf(state),
      evaluationId: answerOf(state, evaluationStep) ?? '',
      kind,
      recommendation: answerOf(state, recommendationStep) ?? '',
    });
    if (!recommended.ok) return [followUpRefusal(ctx, recommended.refusal)];
    await ctx.notify(recommended.events);
    return [say(t(ctx).saved({ kind: t(ctx)[`kind${kind}`], name: recommended.value.followUp.evaluation.employee.name }))];
  },
};

/** The rater's superior or HR records the decision on a recommendation. */
export const followUpDecisionFlow = respondToRecord({
  id: 'follow-up-decision',
  version: 2,
  command: cmd('bantuan'),
  title: (locale) => followUpText[locale].decisionTitle,
  recordKey: 'followUpId',
  open: (ctx, id) => ctx.services.followUps.openForDecision(ctx.me, id),
  ask: (ctx) => [paragraph(t(ctx).askDecision)],
  save: (ctx, id, decision) => ctx.services.followUps.decide(ctx.me, id, decision),
  refusal: followUpRefusal,
  done: (ctx) => [say(t(ctx).decisionSaved)],
});
