/**
 * /tindaklanjut [nama] – the rater proposes (usulan) a follow-up – penghargaan, pengembangan
 * kompetensi or penempatan (mutasi/promosi/demosi) – on an evaluation, seeing for an annual result
 * the credit-point conversion for functional positions and the PPPK basis, and – for a Kurang/
 * Misconduct or Sangat Kurang result – where the disciplinary route lies instead of a "sanksi".
 * The decision is the authorised official's on the Tim Penilai Kinerja PNS's consideration: HR
 * covering the employee records it from the button they receive (or at the CLI), with the decision
 * document's number and date. The rules live in services/follow-up-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type StepDefinition } from '../conversation/flow.js';
import { paragraph, type Block, type Reply } from '../conversation/reply.js';
import { annualCoefficient, creditPoints, CREDIT_POINT_SHARE, pointsToDiscipline, PROPOSABLE_FOLLOW_UPS } from '../domain/follow-up.js';
import { predikatLabel } from '../domain/rating-matrix.js';
import { localDate } from '../domain/time-zones.js';
import { formatCivilDate, parseCivilDate, compareCivilDates } from '../domain/civil-date.js';
import { formatNumber, formatPercent, type Locale } from '../i18n/catalogue.js';
import { followUpText } from '../i18n/follow-up.js';
import { finalResult } from '../services/evaluations.js';
import { decisionOfRow, type FollowUpRefusal } from '../services/follow-up-service.js';
import { followUpStatusLine } from '../notifications/follow-up.js';
import { contextId, deniedReply, refusalAboutReport, refuse, reportIdOf, reportNameOf, reportStep, say } from './common.js';
import { evaluationPeriodName } from '../notifications/evaluations.js';
import { creditMonths, partialCreditPoints, type SkpPart } from '../domain/skp-period.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => followUpText[ctx.me.locale];
const KINDS = PROPOSABLE_FOLLOW_UPS;
const OUTCOMES = ['DISETUJUI', 'DITOLAK'] as const;

/** Why a proposal cannot be recorded or its decision recorded, in words. */
function followUpRefusal(ctx: FlowContext, refusal: FollowUpRefusal): Reply {
  switch (refusal.code) {
    case 'DENIED':
      return deniedReply(ctx, refusal);
    case 'NO_EVALUATION':
      return say(t(ctx).noEvaluations({ name: '' }));
    case 'DECIDED':
      return say(t(ctx).alreadyDecided);
    case 'DISCIPLINARY_ROUTE':
      return say(t(ctx).disciplinaryKind);
    case 'INCOMPLETE':
      return say(t(ctx).incomplete);
    case 'DATE_IN_FUTURE':
      return say(t(ctx).dateInFuture);
    case 'NOT_FOUND':
    case 'NOT_RECORDER':
      return say(t(ctx).notRecorder);
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
    // Credit points and contract extensions follow the result that closes the year, not a quarter's (domain/final-evaluation.ts).
    const conversion = evaluation.closesYear ? conversionBlocks(evaluation.employee, predikat, evaluation.skp, ctx.me.locale) : [];
    // Behaviour below expectation is the disciplinary route's, said before the rater picks a kind.
    const discipline = pointsToDiscipline(predikat) ? [paragraph(t(ctx).disciplinaryRoute({ predikat: predikatLabel(predikat, ctx.me.locale) }))] : [];
    // What was proposed on this evaluation already, with its status, so nobody proposes twice unknowingly.
    const earlier = evaluation.followUps.map((row) => paragraph(followUpStatusLine({ kind: row.kind, ...decisionOfRow(row) }, ctx.me.locale)));
    return { blocks: [...discipline, ...earlier, paragraph(t(ctx).askKind({ name: evaluation.employee.name, predikat: predikatLabel(predikat, ctx.me.locale) })), ...conversion] };
  },
  options: (ctx) => KINDS.map((kind) => ({ value: kind, label: t(ctx)[`kind${kind}`] })),
} satisfies StepDefinition<FlowContext>;

const recommendationStep = { id: 'recommendation', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askRecommendation)] }) } satisfies StepDefinition<FlowContext>;

export const followUpFlow: FlowDefinition<FlowContext> = {
  id: 'follow-up',
  // 2: the kinds are proposals (no SANKSI; PENEMPATAN added).
  version: 2,
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
    const saved = say(t(ctx).saved({ kind: t(ctx)[`kind${kind}`], name: recommended.value.followUp.evaluation.employee.name }));
    return recommended.value.recorders.length > 0 ? [saved] : [saved, say(t(ctx).noRecorder)];
  },
};

const decisionId = (state: { context: Record<string, unknown> }) => contextId(state.context, 'followUpId');

const outcomeStep = {
  id: 'outcome',
  kind: 'choice',
  schema: z.enum(OUTCOMES),
  async prompt(ctx, state) {
    const open = await ctx.services.followUps.openForDecision(ctx.me, decisionId(state));
    if (!open.ok) return { blocks: followUpRefusal(ctx, open.refusal).blocks };
    const { kind, recommendation, evaluation } = open.value;
    return { blocks: [paragraph(t(ctx).askOutcome({ kind: t(ctx)[`kind${kind}`], name: evaluation.employee.name, recommendation }))] };
  },
  options: (ctx) => OUTCOMES.map((outcome) => ({ value: outcome, label: t(ctx)[`outcome${outcome}`] })),
} satisfies StepDefinition<FlowContext>;

const officialStep = { id: 'official', kind: 'text', maxLength: 300, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askOfficial)] }) } satisfies StepDefinition<FlowContext>;
const considerationStep = { id: 'consideration', kind: 'text', optional: true, maxLength: 200, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askConsideration)] }) } satisfies StepDefinition<FlowContext>;
const documentStep = { id: 'document', kind: 'text', maxLength: 200, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDocument)] }) } satisfies StepDefinition<FlowContext>;
const decidedOnStep = {
  id: 'decidedOn',
  kind: 'date',
  schema: z.string(),
  prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDecidedOn)] }),
  validate(value, _state, ctx) {
    const date = parseCivilDate(value as string);
    return date && compareCivilDates(date, localDate(ctx.now, ctx.me.timeZone)) > 0 ? t(ctx).dateInFuture : null;
  },
} satisfies StepDefinition<FlowContext>;
const noteStep = { id: 'note', kind: 'text', optional: true, maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNote)] }) } satisfies StepDefinition<FlowContext>;

/** HR covering the employee records the authorised official's decision on a proposal, from its document. */
export const followUpDecisionFlow: FlowDefinition<FlowContext> = {
  id: 'follow-up-decision',
  // 3: HR records the official's decision with the document (was: the rater's superior, free text).
  version: 3,
  // Started by the button HR receives; /bantuan is what the person can type meanwhile.
  command: cmd('bantuan'),
  title: (locale) => followUpText[locale].decisionTitle,
  async begin(ctx, context) {
    const open = await ctx.services.followUps.openForDecision(ctx.me, contextId(context, 'followUpId'));
    return open.ok ? { ok: true, context } : refuse(followUpRefusal(ctx, open.refusal));
  },
  steps: [outcomeStep, officialStep, considerationStep, documentStep, decidedOnStep, noteStep],
  async complete(ctx, state) {
    const decided = await ctx.services.followUps.decide(ctx.me, decisionId(state), {
      outcome: answerOf(state, outcomeStep) ?? 'DISETUJUI',
      officialName: answerOf(state, officialStep) ?? '',
      considerationRef: answerOf(state, considerationStep) ?? null,
      documentNumber: answerOf(state, documentStep) ?? '',
      decidedOn: answerOf(state, decidedOnStep) ?? formatCivilDate(localDate(ctx.now, ctx.me.timeZone)),
      note: answerOf(state, noteStep) ?? null,
    });
    if (!decided.ok) return [followUpRefusal(ctx, decided.refusal)];
    await ctx.notify(decided.events);
    return [say(t(ctx).decisionSaved)];
  },
};
