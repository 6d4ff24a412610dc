/**
 * /ekspektasi – a supervisor (or Plt/Plh) sets a report's expectations: RHK with indicators and
 * targets, each aligned to one of the supervisor's own agreed RHK, then optionally a specific
 * expectation per BerAKHLAK value; a review; and the plan goes to the employee, who agrees or
 * asks for clarification (flows/clarification.ts).
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, answersOf, repeat, type FlowDefinition, type FlowState, type Prompt, type StepDefinition } from '../conversation/flow.js';
import { splitTarget, TARGET_MAX } from '../domain/target.js';
import { list, paragraph } from '../conversation/reply.js';
import { CORE_VALUES, coreValueGuides, coreValueName, type CoreValueCode } from '../domain/berakhlak.js';
import type { Locale } from '../i18n/catalogue.js';
import { botText } from '../i18n/bot.js';
import { planningText } from '../i18n/planning.js';
import { ownSkpText } from '../i18n/own-skp.js';
import { lampiranBlocks, planBlocks, storedPlanBlocks, type BehaviourDraft, type IndicatorDraft, type RhkDraft } from '../services/plans.js';
import { lampiranOf, lampiranSteps } from './lampiran.js';
import { planRefusal } from './clarification.js';
import { performanceYear, refusalAboutReport, refuse, reportIdOf, reportNameOf, reportStep, rhkOptions, say, shorten } from './common.js';
import { cmd } from '../i18n/command-names.js';

const ASPECTS = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
const PERSPECTIVES = ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN'] as const;
const targetSchema = z.object({ value: z.number().nullable(), unit: z.string().nullable(), text: z.string().nullable() });
type Target = z.infer<typeof targetSchema>;

/** "4 laporan" → 4 + laporan; "100%" → 100 + %; anything else is a narrative target. */
export function parseTarget(text: string, locale: Locale): { ok: true; value: Target } | { ok: false; message: string } {
  if (text.length > TARGET_MAX) return { ok: false, message: planningText[locale].targetTooLong };
  return { ok: true, value: splitTarget(text, locale) };
}

const t = (ctx: FlowContext) => planningText[ctx.me.locale];

/** The report the flow is about: given when started from a button, otherwise chosen in the first step. */


/** The entries folded back into RHK drafts and behaviour expectations. */
export function draftOf(state: FlowState): { rhks: RhkDraft[]; behaviours: BehaviourDraft[] } {
  const rhks: RhkDraft[] = [];
  let rhk: RhkDraft | undefined;
  let indicator: IndicatorDraft | undefined;
  const behaviours: BehaviourDraft[] = [];
  for (const { step, value } of state.entries) {
    if (step === 'rhkKind') rhks.push((rhk = { kind: value as RhkDraft['kind'], text: '', leaderRhkId: null, indicators: [] }));
    else if (step === 'rhkText' && rhk) rhk.text = value as string;
    else if (step === 'perspective' && rhk) rhk.perspective = value as RhkDraft['perspective'];
    else if (step === 'aspect' && rhk) {
      indicator = { aspect: value as IndicatorDraft['aspect'], text: '', targetValue: null, targetUnit: null, targetText: null };
      rhk.indicators.push(indicator);
    } else if (step === 'indicatorText' && indicator) indicator.text = value as string;
    else if (step === 'target' && indicator) {
      const target = value as Target;
      Object.assign(indicator, { targetValue: target.value, targetUnit: target.unit, targetText: target.text });
    } else if (step === 'leaderRhk' && rhk) rhk.leaderRhkId = value as string;
    else if (step.startsWith('behaviour.') && typeof value === 'string') {
      behaviours.push({ coreValue: step.slice('behaviour.'.length) as CoreValueCode, text: value });
    }
  }
  return { rhks, behaviours };
}

async function myAgreedRhks(ctx: FlowContext) {
  const plan = await ctx.read.agreedPlan(ctx.me.id, performanceYear(ctx));
  return plan?.resultExpectations ?? [];
}

/** The optional specific expectation for one BerAKHLAK value. */
export function behaviourStep(code: CoreValueCode): StepDefinition<FlowContext> {
  return {
    id: `behaviour.${code}`,
    kind: 'text',
    optional: true,
    maxLength: 1000,
    schema: z.string().min(1),
    prompt: (ctx) => ({
      blocks: [
        paragraph(t(ctx).askBehaviour({ value: coreValueName(code, ctx.me.locale) })),
        list(coreValueGuides(code, ctx.me.locale).map((guide) => [guide])),
      ],
    }),
  };
}

const replaceStep = {
  id: 'replace',
  kind: 'confirm',
  schema: z.boolean(),
  when: async (state, ctx) => !!(await ctx.read.latestPlan(reportIdOf(state), state.context['year'] as number)),
  // No: nothing changes and the flow ends at once.
  next: (state): string | null | undefined => (answerOf(state, replaceStep) ? undefined : null),
  async prompt(ctx, state) {
    const plan = await ctx.read.latestPlan(reportIdOf(state), state.context['year'] as number);
    const name = plan?.employee.name ?? '';
    const question = plan?.status === 'AGREED' ? t(ctx).askReplaceAgreed : t(ctx).askReplacePending;
    return { blocks: [...(plan ? storedPlanBlocks(plan, ctx.me.locale) : []), paragraph(question({ name, version: plan?.version ?? 0 }))] };
  },
} satisfies StepDefinition<FlowContext>;

const rhkKindStep = {
  id: 'rhkKind',
  kind: 'choice',
  schema: z.enum(['UTAMA', 'TAMBAHAN']),
  prompt: async (ctx, state): Promise<Prompt> => ({
    blocks: [paragraph(t(ctx).askRhkKind({ n: answersOf(state, rhkKindStep).length + 1, name: await reportNameOf(ctx, state) }))],
  }),
  options: (ctx) => [
    { value: 'UTAMA', label: t(ctx).kindUTAMA },
    { value: 'TAMBAHAN', label: t(ctx).kindTAMBAHAN },
  ],
} satisfies StepDefinition<FlowContext>;

const reviewStep = {
  id: 'review',
  kind: 'choice',
  schema: z.enum(['send', 'discard']),
  async prompt(ctx, state) {
    const leaderTexts = new Map((await myAgreedRhks(ctx)).map((rhk) => [rhk.id, rhk.text]));
    const draft = draftOf(state);
    const rhks = draft.rhks.map((rhk) => ({ ...rhk, leaderText: rhk.leaderRhkId ? (leaderTexts.get(rhk.leaderRhkId) ?? null) : null }));
    return {
      blocks: [
        ...planBlocks({ rhks, behaviours: draft.behaviours }, ctx.me.locale),
        ...lampiranBlocks(lampiranOf(state), ctx.me.locale),
        paragraph(t(ctx).askReview({ name: await reportNameOf(ctx, state) })),
      ],
    };
  },
  options: (ctx) => [
    { value: 'send', label: t(ctx).send },
    { value: 'discard', label: t(ctx).discard },
  ],
} satisfies StepDefinition<FlowContext>;

/** A JPT's RHK carries the perspektif of the Perjanjian Kinerja it comes from; nobody else's does. */
const perspectiveStep = {
  id: 'perspective',
  kind: 'choice',
  schema: z.enum(PERSPECTIVES),
  when: async (state, ctx) => (await ctx.read.positionTypeOf(reportIdOf(state))) === 'JPT',
  prompt: (ctx) => ({ blocks: [paragraph(ownSkpText[ctx.me.locale].askPerspective)] }),
  options: (ctx) => PERSPECTIVES.map((perspective) => ({ value: perspective, label: ownSkpText[ctx.me.locale][`perspective${perspective}`] })),
} satisfies StepDefinition<FlowContext>;

/** An RHK's indicators: aspect, indicator, target – asked again while the supervisor adds one. */
const indicatorSteps = repeat<FlowContext>(
  [
    {
      id: 'aspect',
      kind: 'choice',
      schema: z.enum(ASPECTS),
      prompt: (ctx, state) => {
        const current = draftOf(state).rhks.at(-1);
        return { blocks: [paragraph(t(ctx).askAspect({ n: (current?.indicators.length ?? 0) + 1, rhk: shorten(current?.text ?? '') }))] };
      },
      options: (ctx) => ASPECTS.map((aspect) => ({ value: aspect, label: t(ctx)[`aspect${aspect}`] })),
    },
    {
      id: 'indicatorText',
      kind: 'text',
      maxLength: 300,
      schema: z.string().min(3),
      prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askIndicatorText)] }),
    },
    { id: 'target', kind: 'text', parse: parseTarget, schema: targetSchema, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askTarget)] }) },
  ],
  { id: 'moreIndicators', kind: 'confirm', schema: z.boolean(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askMoreIndicators)] }) },
);

/**
 * The RHK list: kind, text, its indicators, the leader's RHK it supports – asked again while the
 * writer adds one. `leaderRhks`: the RHK an RHK may support (the supervisor's own in /ekspektasi,
 * the PPK's in /susunskp); the step is skipped when there are none (the head's PPK is outside the bot).
 */
export function rhkStepsWith(
  leaderRhks: (ctx: FlowContext, state: FlowState) => Promise<{ id: string; text: string }[]>,
  askLeaderRhk: (ctx: FlowContext) => string = (ctx) => t(ctx).askLeaderRhk,
): StepDefinition<FlowContext>[] {
  return repeat<FlowContext>(
    [
      rhkKindStep,
      { id: 'rhkText', kind: 'text', maxLength: 500, schema: z.string().min(3), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askRhkText)] }) },
      perspectiveStep,
      ...indicatorSteps,
      {
        id: 'leaderRhk',
        kind: 'choice',
        schema: z.string(),
        when: async (state, ctx) => (await leaderRhks(ctx, state)).length > 0,
        prompt: (ctx) => ({ blocks: [paragraph(askLeaderRhk(ctx))] }),
        options: async (ctx, state) => rhkOptions(await leaderRhks(ctx, state)),
      },
    ],
    { id: 'moreRhk', kind: 'confirm', schema: z.boolean(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askMoreRhk)] }) },
  );
}

const rhkSteps = rhkStepsWith(myAgreedRhks);

export const expectationsFlow: FlowDefinition<FlowContext> = {
  id: 'expectations',
  // 2: the Lampiran SKP questions before the review.
  version: 2,
  command: cmd('ekspektasi'),
  title: (locale) => planningText[locale].flowTitle,

  async begin(ctx, context) {
    const year = performanceYear(ctx);
    const refused = await refusalAboutReport(ctx, context, 'SET_EXPECTATIONS');
    if (refused) return refused;
    const own = await ctx.services.plans.mayPropose(ctx.me, year);
    if (!own.ok) return refuse(planRefusal(ctx, own.refusal));
    return { ok: true, context: { ...context, year } };
  },

  steps: [
    reportStep(
      'SET_EXPECTATIONS',
      (ctx) => t(ctx).askReport,
      (ctx, report) => `${report.name}${report.acting ? t(ctx).actingSuffix : ''}`,
    ),
    replaceStep,
    ...rhkSteps,
    ...CORE_VALUES.map((value) => behaviourStep(value.code)),
    ...lampiranSteps,
    reviewStep,
  ],

  async complete(ctx, state) {
    if (answerOf(state, replaceStep) === false) return [say(t(ctx).notChanged)];
    if (answerOf(state, reviewStep) !== 'send') return [say(t(ctx).discarded)];
    const proposed = await ctx.services.plans.propose(ctx.me, { employeeId: reportIdOf(state), year: state.context['year'] as number, ...draftOf(state), lampiran: lampiranOf(state) });
    if (!proposed.ok) return [planRefusal(ctx, proposed.refusal)];
    const { content, employee } = proposed.value;
    const unreachable = await ctx.notify(proposed.events);
    const sent = say(t(ctx).sentToEmployee({ name: employee.name, year: content.year, version: content.version }));
    return unreachable.length === 0 ? [sent] : [sent, say(botText[ctx.me.locale].notLinkedYet({ name: employee.name }))];
  },
};
