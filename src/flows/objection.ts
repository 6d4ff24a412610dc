/**
 * Keberatan: the employee objects to a finalised evaluation, with reasons, within the agency's
 * objection period (day N after receipt is the last day). The rater's superior (Atasan Pejabat
 * Penilai Kinerja) receives both sides, may ask each for an explanation, and decides – uphold or
 * change; the decision is final and both are told. The rules live in services/objection-service.ts.
 */
import { z } from 'zod';
import type { FlowContext } from '../bot/context.js';
import { answerOf, type FlowDefinition, type FlowState, type StepDefinition } from '../conversation/flow.js';
import { bold, paragraph, quote, reply, type Block, type Reply } from '../conversation/reply.js';
import { civilDayLabel, periodKeyLabel } from '../domain/periods.js';
import { RATINGS, ratingLabel, type Rating } from '../domain/rating-matrix.js';
import { appraisalText } from '../i18n/appraisal.js';
import { objectionText } from '../i18n/objection.js';
import { deciderButtons } from '../notifications/objections.js';
import type { ObjectionRefusal } from '../services/objection-service.js';
import { todayFor } from '../services/people.js';
import { contextId, deniedReply, refuse, say } from './common.js';
import { resultBlocks } from './evaluation-result.js';
import { respondToRecord } from './respond-to-record.js';
import { cmd } from '../i18n/command-names.js';

const t = (ctx: FlowContext) => objectionText[ctx.me.locale];

/** Why a keberatan cannot be filed, explained or decided, in words. */
export function objectionRefusal(ctx: FlowContext, refusal: ObjectionRefusal): Reply {
  const locale = ctx.me.locale;
  switch (refusal.code) {
    case 'DENIED':
      return deniedReply(ctx, refusal);
    case 'NOT_YOUR_EVALUATION':
      return say(appraisalText[locale].notYourEvaluation);
    case 'ALREADY_ANSWERED':
      return say(appraisalText[locale].alreadyAnswered);
    case 'PERIOD_OVER':
      return say(t(ctx).deadlinePassed({ lastDay: civilDayLabel(refusal.lastDay, locale), days: refusal.days, received: civilDayLabel(refusal.received, locale) }));
    case 'NO_DECIDER':
      return say(t(ctx).noDecider);
    case 'NOT_FOUND':
      return say(t(ctx).notFound);
    case 'DECIDED':
      return say(t(ctx).alreadyDecided);
    case 'NOT_PARTY':
      return say(t(ctx).notParty);
    case 'RATER_CANNOT_DECIDE':
      return say(t(ctx).raterCannotDecide);
    case 'DOCUMENT_REQUIRED':
      return say(t(ctx).documentRequired);
    case 'EXPLANATION_NEEDED':
      return say(t(ctx).explanationNeeded({ rater: refusal.rater.name }));
  }
}

/** Who decides, as the employee reads it: the superior, or the official outside the bot. */
function deciderName(draft: { decider: { name: string } | null; external: { name: string; title: string } | null }): string {
  return draft.decider?.name ?? (draft.external ? `${draft.external.name}, ${draft.external.title}` : '-');
}

/** The draft's state for a prompt: what to show, or why it can no longer be sent. */
async function draft(ctx: FlowContext, state: FlowState) {
  return ctx.services.objections.canObject(ctx.me, contextId(state.context, 'evaluationId'));
}

const reasonsStep = {
  id: 'reasons',
  kind: 'text',
  maxLength: 3000,
  schema: z.string(),
  async prompt(ctx, state) {
    const open = await draft(ctx, state);
    if (!open.ok) return { blocks: objectionRefusal(ctx, open.refusal).blocks };
    return { blocks: [paragraph(t(ctx).askReasons({ lastDay: civilDayLabel(open.value.lastDay, ctx.me.locale) }))] };
  },
} satisfies StepDefinition<FlowContext>;

const confirmStep = {
  id: 'confirm',
  kind: 'confirm',
  schema: z.boolean(),
  async prompt(ctx, state) {
    const open = await draft(ctx, state);
    if (!open.ok) return { blocks: objectionRefusal(ctx, open.refusal).blocks };
    return { blocks: [paragraph(t(ctx).confirm({ decider: deciderName(open.value) }))] };
  },
} satisfies StepDefinition<FlowContext>;

export const objectionFlow: FlowDefinition<FlowContext> = {
  id: 'objection',
  version: 1,
  command: cmd('bantuan'),
  title: (locale) => objectionText[locale].title,
  async begin(ctx, context) {
    const open = await ctx.services.objections.canObject(ctx.me, contextId(context, 'evaluationId'));
    return open.ok ? { ok: true, context } : refuse(objectionRefusal(ctx, open.refusal));
  },
  steps: [reasonsStep, confirmStep],
  async complete(ctx, state) {
    if (answerOf(state, confirmStep) !== true) return [say(t(ctx).notSent)];
    const filed = await ctx.services.objections.file(ctx.me, contextId(state.context, 'evaluationId'), answerOf(state, reasonsStep) ?? '');
    if (!filed.ok) return [objectionRefusal(ctx, filed.refusal)];
    const { decider, external } = filed.value;
    const unreachable = await ctx.notify(filed.events);
    if (external) return [say(t(ctx).filedExternal({ decider: deciderName(filed.value) }))];
    const sent = say(t(ctx).filed({ decider: deciderName(filed.value) }));
    return decider && unreachable.some((person) => person.id === decider.id) ? [sent, say(t(ctx).deciderUnreachable({ decider: decider.name }))] : [sent];
  },
};

/** The superior asks the employee or the rater to explain (a button on the keberatan). */
export async function askForExplanation(ctx: FlowContext, args: Record<string, string>): Promise<Reply[]> {
  const asked = await ctx.services.objections.askForExplanation(ctx.me, args['objectionId'] ?? '', args['party'] === 'rater' ? 'rater' : 'employee');
  if (!asked.ok) return [objectionRefusal(ctx, asked.refusal)];
  await ctx.notify(asked.events);
  return [say(t(ctx).explanationRequested({ name: asked.value.party.name }))];
}

/** The employee or the rater explains, at the superior's request. */
export const objectionExplanationFlow = respondToRecord({
  id: 'objection-explanation',
  version: 2,
  command: cmd('bantuan'),
  title: (locale) => objectionText[locale].explanationTitle,
  recordKey: 'objectionId',
  maxLength: 3000,
  open: (ctx, id) => ctx.services.objections.canExplain(ctx.me, id),
  ask: (ctx) => [paragraph(t(ctx).askExplanation)],
  save: (ctx, id, text) => ctx.services.objections.explain(ctx.me, id, text),
  refusal: objectionRefusal,
  // The explanation is kept even when the superior it was sent to is gone; then nobody could be told.
  done: (ctx, objection) => [say(objection.decider ? t(ctx).explanationSaved({ decider: objection.decider.name }) : t(ctx).notFound)],
});

const decisionStep = {
  id: 'decision',
  kind: 'choice',
  schema: z.enum(['UPHELD', 'CHANGED']),
  async prompt(ctx, state) {
    const open = await ctx.services.objections.openForDecision(ctx.me, contextId(state.context, 'objectionId'));
    if (!open.ok) return { blocks: objectionRefusal(ctx, open.refusal).blocks };
    const objection = open.value;
    const { employee, rater } = objection.evaluation;
    const m = t(ctx);
    const blocks: Block[] = [paragraph(bold(m.raterSide({ rater: rater.name }))), ...resultBlocks(objection.evaluation.result, ctx.me.locale), paragraph(bold(m.reasonsHeading)), quote(objection.reasons)];
    if (objection.employeeExplanation) blocks.push(paragraph(bold(m.explanationToDecider({ name: employee.name }))), quote(objection.employeeExplanation));
    if (objection.raterExplanation) blocks.push(paragraph(bold(m.explanationToDecider({ name: rater.name }))), quote(objection.raterExplanation));
    return { blocks: [...blocks, paragraph(m.askDecision)] };
  },
  options: (ctx) => [
    { value: 'UPHELD', label: t(ctx).upheld },
    { value: 'CHANGED', label: t(ctx).changed },
  ],
} satisfies StepDefinition<FlowContext>;

const changed = (state: FlowState) => answerOf(state, decisionStep) === 'CHANGED';
const ratingOptions = (ctx: FlowContext) => RATINGS.map((rating) => ({ value: rating, label: ratingLabel(rating, ctx.me.locale) }));

const resultsStep = { id: 'results', kind: 'choice', schema: z.enum(RATINGS as [Rating, ...Rating[]]), when: changed, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askResults)] }), options: ratingOptions } satisfies StepDefinition<FlowContext>;

const behaviourStep = { id: 'behaviour', kind: 'choice', schema: z.enum(RATINGS as [Rating, ...Rating[]]), when: changed, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askBehaviour)] }), options: ratingOptions } satisfies StepDefinition<FlowContext>;

const noteStep = { id: 'note', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNote)] }) } satisfies StepDefinition<FlowContext>;

/** HR recording the decision of an official outside the bot gives its document (number and date). */
const external = (state: FlowState) => typeof state.context['external'] === 'string' && state.context['external'] !== '';
const documentNumberStep = {
  id: 'documentNumber',
  kind: 'text',
  maxLength: 100,
  schema: z.string().min(1),
  when: external,
  prompt: (ctx, state) => ({ blocks: [paragraph(t(ctx).askDocumentNumber({ official: state.context['external'] as string }))] }),
} satisfies StepDefinition<FlowContext>;
const decidedOnStep = { id: 'decidedOn', kind: 'date', schema: z.string(), when: external, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askDecidedOn)] }) } satisfies StepDefinition<FlowContext>;

/** The rater's superior decides: uphold, or change the ratings (the predikat follows the matrix). */
export const objectionDecisionFlow: FlowDefinition<FlowContext> = {
  id: 'objection-decision',
  // 2: HR recording for an official outside the bot gives the decision's document.
  version: 2,
  command: cmd('bantuan'),
  title: (locale) => objectionText[locale].decisionTitle,
  async begin(ctx, context) {
    const open = await ctx.services.objections.openForDeciding(ctx.me, contextId(context, 'objectionId'));
    if (!open.ok && open.refusal.code === 'EXPLANATION_NEEDED') {
      // The way forward, at hand: ask the PPK now.
      const ask = await ctx.button(t(ctx).askRaterButton, { kind: 'action', name: 'objection.ask', args: { objectionId: open.refusal.objectionId, party: 'rater' } });
      return refuse(reply([paragraph(t(ctx).explanationNeeded({ rater: open.refusal.rater.name }))], [[ask]]));
    }
    if (!open.ok) return refuse(objectionRefusal(ctx, open.refusal));
    const official = open.value.external;
    return { ok: true, context: { ...context, external: official ? `${official.name}, ${official.title}` : '' } };
  },
  steps: [decisionStep, resultsStep, behaviourStep, noteStep, documentNumberStep, decidedOnStep],
  async complete(ctx, state) {
    const decided = await ctx.services.objections.decide(ctx.me, contextId(state.context, 'objectionId'), {
      decision: changed(state) ? 'CHANGED' : 'UPHELD',
      results: answerOf(state, resultsStep) ?? null,
      behaviour: answerOf(state, behaviourStep) ?? null,
      note: answerOf(state, noteStep) ?? '',
      ...(external(state) ? { recorded: { documentNumber: answerOf(state, documentNumberStep) ?? '', decidedOn: answerOf(state, decidedOnStep) ?? '' } } : {}),
    });
    if (!decided.ok) return [objectionRefusal(ctx, decided.refusal)];
    await ctx.notify(decided.events);
    return [say(t(ctx).decisionSaved)];
  },
};

/**
 * /keberatan – the keberatan waiting for my decision: sent to me, or to someone I act for (Plt/Plh)
 * today, with the same buttons as when it arrived (the message may be long gone).
 */
export async function pendingObjections(ctx: FlowContext): Promise<Reply[]> {
  const replies = await objectionReplies(ctx);
  return replies.length > 0 ? replies : [say(t(ctx).noneWaiting)];
}

/** The keberatan waiting for my decision (for the dashboard); none → no reply at all. */
export async function objectionReplies(ctx: FlowContext): Promise<Reply[]> {
  const today = new Date(`${todayFor(ctx.me, ctx.now)}T00:00:00Z`);
  const objections = await ctx.read.objectionsToDecide(ctx.me.id, today);
  const replies: Reply[] = [];
  for (const objection of objections) {
    const { evaluation } = objection;
    replies.push(
      reply(
        [
          paragraph(bold(t(ctx).toDecider({ employee: evaluation.employee.name, rater: evaluation.rater.name, period: periodKeyLabel(evaluation.periodKey, ctx.me.locale) }))),
          ...resultBlocks(evaluation, ctx.me.locale),
          paragraph(bold(t(ctx).reasonsHeading)),
          quote(objection.reasons),
        ],
        deciderButtons((label, payload) => ctx.work.button(ctx.me.id, label, payload), objection.id, ctx.me.locale),
      ),
    );
  }
  return replies;
}
