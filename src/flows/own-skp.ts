/**
 * /susunskp – the employee drafts their own SKP, as in e-Kinerja: RHK with indicators and targets,
 * each supporting one of their PPK's established RHK (none when the PPK is outside the bot), the
 * optional BerAKHLAK expectations, and the Lampiran SKP; then submits it to the PPK, who
 * establishes it or sends it back (flows/skp-return.ts). The supervisor-driven /ekspektasi stays.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { paragraph } from '../conversation/reply.js';
import { CORE_VALUES } from '../domain/berakhlak.js';
import { botText } from '../i18n/bot.js';
import { cmd } from '../i18n/command-names.js';
import { ownSkpText } from '../i18n/own-skp.js';
import { lampiranBlocks, planBlocks } from '../services/plans.js';
import { lampiranOf, lampiranSteps } from './lampiran.js';
import type { SkpRefusal } from '../services/skp-service.js';
import { deniedReply, performanceYear, refuse, say } from './common.js';
import { behaviourStep, draftOf, rhkStepsWith } from './expectations.js';
import type { Reply } from '../conversation/reply.js';

const t = (ctx: FlowContext) => ownSkpText[ctx.me.locale];

/** The reply for a refusal of the SKP service. */
export function skpRefusal(ctx: FlowContext, refusal: SkpRefusal): Reply {
  switch (refusal.code) {
    case 'DENIED':
      return deniedReply(ctx, refusal);
    case 'NO_PPK':
      return say(t(ctx).noPpk);
    case 'PPK_PLAN_MISSING':
      return say(t(ctx).ppkPlanMissing({ ppk: refusal.ppk, year: refusal.year }));
    case 'LEADER_RHK_CHANGED':
      return say(t(ctx).leaderRhkChanged);
    case 'NOT_SUBMITTED':
      return say(t(ctx).notSubmitted);
    case 'PPK_IN_BOT':
      return say(t(ctx).ppkInBot({ ppk: refusal.ppk }));
    case 'PERSPECTIVE':
      return say(refusal.jpt ? t(ctx).perspectiveRequired : t(ctx).perspectiveJptOnly);
  }
}

const year = (state: FlowState) => state.context['year'] as number;

/** The PPK's established RHK, which each new RHK supports; none when the PPK is outside the bot. */
async function leaderRhks(ctx: FlowContext, state: FlowState): Promise<{ id: string; text: string }[]> {
  const ppkId = state.context['ppkId'];
  if (typeof ppkId !== 'string' || !ppkId) return [];
  return (await ctx.read.agreedPlan(ppkId, performanceYear(ctx)))?.resultExpectations.map((rhk) => ({ id: rhk.id, text: rhk.text })) ?? [];
}

const replaceStep = {
  id: 'replace',
  kind: 'confirm',
  schema: z.boolean(),
  when: async (state, ctx) => {
    const latest = await ctx.read.latestPlan(ctx.me.id, year(state));
    return !!latest && latest.status !== 'RETURNED' && !latest.supersededAt;
  },
  next: (state): string | null | undefined => (answerOf(state, replaceStep) ? undefined : null),
  async prompt(ctx, state) {
    const latest = await ctx.read.latestPlan(ctx.me.id, year(state));
    const version = latest?.version ?? 0;
    return { blocks: [paragraph(latest?.status === 'AGREED' ? t(ctx).askReplaceEstablished({ version }) : t(ctx).askReplacePending({ version }))] };
  },
} satisfies StepDefinition<FlowContext>;

const reviewStep = {
  id: 'review',
  kind: 'choice',
  schema: z.enum(['submit', 'discard']),
  async prompt(ctx, state) {
    const texts = new Map((await leaderRhks(ctx, state)).map((rhk) => [rhk.id, rhk.text]));
    const draft = draftOf(state);
    const rhks = draft.rhks.map((rhk) => ({ ...rhk, leaderText: rhk.leaderRhkId ? (texts.get(rhk.leaderRhkId) ?? null) : null }));
    return { blocks: [...planBlocks({ rhks, behaviours: draft.behaviours }, ctx.me.locale), ...lampiranBlocks(lampiranOf(state), ctx.me.locale), paragraph(t(ctx).askReview)] };
  },
  options: (ctx) => [
    { value: 'submit', label: t(ctx).submit },
    { value: 'discard', label: t(ctx).discard },
  ],
} satisfies StepDefinition<FlowContext>;

export const ownSkpFlow: FlowDefinition<FlowContext> = {
  id: 'own-skp',
  version: 1,
  command: cmd('susunskp'),
  title: (locale) => ownSkpText[locale].flowTitle,

  async begin(ctx, context) {
    const basis = await ctx.services.skp.mayDraft(ctx.me, performanceYear(ctx));
    if (!basis.ok) return refuse(skpRefusal(ctx, basis.refusal));
    // reportId is the employee themselves: the shared RHK prompts name whose RHK they are.
    return { ok: true, context: { ...context, year: performanceYear(ctx), reportId: ctx.me.id, ppkId: basis.value.ppk?.id ?? '' } };
  },

  steps: [replaceStep, ...rhkStepsWith(leaderRhks, (ctx) => t(ctx).askPpkRhk), ...CORE_VALUES.map((value) => behaviourStep(value.code)), ...lampiranSteps, reviewStep],

  async complete(ctx, state) {
    if (answerOf(state, replaceStep) === false) return [say(t(ctx).notChanged)];
    if (answerOf(state, reviewStep) !== 'submit') return [say(t(ctx).discarded)];
    const submitted = await ctx.services.skp.submit(ctx.me, { year: year(state), ...draftOf(state), lampiran: lampiranOf(state) });
    if (!submitted.ok) return [skpRefusal(ctx, submitted.refusal)];
    const [event] = submitted.events;
    const { content, rater } = submitted.value;
    const unreachable = await ctx.notify(submitted.events);
    if (event?.type === 'plan.submitted' && event.external) {
      return [say(t(ctx).submittedExternal({ official: `${event.external.name}, ${event.external.title}`, year: content.year, version: content.version }))];
    }
    const sent = say(t(ctx).submitted({ ppk: rater?.name ?? '-', year: content.year, version: content.version }));
    return unreachable.length === 0 ? [sent] : [sent, say(botText[ctx.me.locale].notLinkedYet({ name: rater?.name ?? '-' }))];
  },
};
