/**
 * Keberatan: the employee objects to a finalised evaluation, with reasons, within the agency's
 * objection period (day N after receipt is the last day). The rater's superior (Atasan Pejabat
 * Penilai Kinerja) receives both sides, may ask each for an explanation, and decides – uphold or
 * change; the decision is final and both are told.
 */
import { z } from 'zod';
import type { BotContext } from '../bot/context.js';
import { lastAnswer, type FlowDefinition, type FlowState } from '../conversation/flow.js';
import { bold, paragraph, quote, reply, type Block, type Reply } from '../conversation/reply.js';
import { objectionLastDay, objectionOpen } from '../domain/evaluation-window.js';
import { civilDayLabel, periodKeyLabel } from '../domain/periods.js';
import { predikatFor, predikatLabel, RATINGS, ratingLabel, type Rating } from '../domain/rating-matrix.js';
import { localDate } from '../domain/time-zones.js';
import type { Locale } from '../i18n/catalogue.js';
import { appraisalText } from '../i18n/appraisal.js';
import { objectionText } from '../i18n/objection.js';
import { agencySettings, deciderFor } from '../services/evaluations.js';
import { standsFor, todayFor } from '../services/people.js';
import { beginUnless, contextId, refusal, refuse, say } from './common.js';
import { resultBlocks } from './evaluation-result.js';

const t = (ctx: BotContext) => objectionText[ctx.me.locale];

function loadEvaluation(ctx: BotContext, id: string) {
  return ctx.db.evaluation.findUnique({ where: { id }, include: { employee: true, rater: true, objection: true } });
}

/** Null while the employee may still object; otherwise the message saying the period is over. */
async function deadlineProblem(ctx: BotContext, deliveredAt: Date): Promise<string | null> {
  const { objectionDays } = await agencySettings(ctx.db, ctx.me.agencyId);
  if (objectionOpen(deliveredAt, ctx.now, ctx.me.timeZone, objectionDays)) return null;
  return t(ctx).deadlinePassed({
    lastDay: civilDayLabel(objectionLastDay(deliveredAt, ctx.me.timeZone, objectionDays), ctx.me.locale),
    days: objectionDays,
    received: civilDayLabel(localDate(deliveredAt, ctx.me.timeZone), ctx.me.locale),
  });
}

/** Why the employee may not object to this evaluation now, or null. */
async function objectionRefusal(ctx: BotContext, evaluationId: string): Promise<string | null> {
  const evaluation = await loadEvaluation(ctx, evaluationId);
  if (!evaluation || evaluation.employeeId !== ctx.me.id) return appraisalText[ctx.me.locale].notYourEvaluation;
  if (evaluation.status !== 'FINAL' || evaluation.objection) return appraisalText[ctx.me.locale].alreadyAnswered;
  const late = await deadlineProblem(ctx, evaluation.deliveredAt ?? evaluation.finalizedAt ?? ctx.now);
  if (late) return late;
  return (await deciderFor(ctx.db, evaluationId)) ? null : t(ctx).noDecider;
}

export const objectionFlow: FlowDefinition<BotContext> = {
  id: 'objection',
  version: 1,
  command: '/bantuan',
  title: (locale) => objectionText[locale].title,
  begin: beginUnless((ctx, context) => objectionRefusal(ctx, contextId(context, 'evaluationId'))),
  steps: [
    {
      id: 'reasons',
      kind: 'text',
      maxLength: 3000,
      schema: z.string(),
      async prompt(ctx, state) {
        const evaluation = await loadEvaluation(ctx, contextId(state.context, 'evaluationId'));
        const { objectionDays } = await agencySettings(ctx.db, ctx.me.agencyId);
        const lastDay = objectionLastDay(evaluation?.deliveredAt ?? ctx.now, ctx.me.timeZone, objectionDays);
        return { blocks: [paragraph(t(ctx).askReasons({ lastDay: civilDayLabel(lastDay, ctx.me.locale) }))] };
      },
    },
    {
      id: 'confirm',
      kind: 'confirm',
      schema: z.boolean(),
      async prompt(ctx, state) {
        const decider = await deciderFor(ctx.db, contextId(state.context, 'evaluationId'));
        return { blocks: [paragraph(t(ctx).confirm({ decider: decider?.name ?? '' }))] };
      },
    },
  ],
  async complete(ctx, state) {
    if (lastAnswer(state, 'confirm') !== true) return [say(t(ctx).notSent)];
    const evaluationId = contextId(state.context, 'evaluationId');
    // The deadline is checked again when the objection is sent, not only when it was started.
    const problem = await objectionRefusal(ctx, evaluationId);
    if (problem) return [say(problem)];
    const evaluation = (await loadEvaluation(ctx, evaluationId))!;
    const decider = (await deciderFor(ctx.db, evaluationId))!;
    const reasons = lastAnswer<string>(state, 'reasons') ?? '';
    // Guarded by status: an evaluation accepted meanwhile (another device) cannot be objected to.
    ctx.work.guarded(`evaluation.object ${evaluationId}`, (tx) => tx.evaluation.updateMany({ where: { id: evaluationId, status: 'FINAL' }, data: { status: 'OBJECTED' } }));
    const objection = { id: ctx.work.newId() };
    ctx.work.change(`objection.insert ${objection.id}`, (tx) => tx.objection.create({ data: { id: objection.id, evaluationId, reasons, deciderId: decider.id, filedAt: ctx.now } }));
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'objection.filed', entityType: 'Objection', entityId: objection.id, details: { evaluationId, deciderId: decider.id } });
    const dl = decider.locale;
    const d = objectionText[dl];
    const reached = await ctx.outbox.toPerson(decider.id, [
      reply(
        [
          paragraph(bold(d.toDecider({ employee: ctx.me.name, rater: evaluation.rater.name, period: periodKeyLabel(evaluation.periodKey, dl) }))),
          paragraph(bold(d.raterSide({ rater: evaluation.rater.name }))),
          ...resultBlocks(evaluation, dl),
          paragraph(bold(d.reasonsHeading)),
          quote(reasons),
        ],
        await deciderButtons(ctx, decider.id, objection.id, dl),
      ),
    ]);
    const r = objectionText[evaluation.rater.locale];
    await ctx.outbox.toPerson(evaluation.raterId, [
      reply([paragraph(r.toRater({ employee: ctx.me.name, period: periodKeyLabel(evaluation.periodKey, evaluation.rater.locale), decider: decider.name })), quote(reasons)]),
    ]);
    const filed = say(t(ctx).filed({ decider: decider.name }));
    return reached ? [filed] : [filed, say(t(ctx).deciderUnreachable({ decider: decider.name }))];
  },
};

async function deciderButtons(ctx: BotContext, deciderId: string, objectionId: string, locale: Locale) {
  const d = objectionText[locale];
  return [
    [
      await ctx.buttonFor(deciderId, d.askEmployeeButton, { kind: 'action', name: 'objection.ask', args: { objectionId, party: 'employee' } }),
      await ctx.buttonFor(deciderId, d.askRaterButton, { kind: 'action', name: 'objection.ask', args: { objectionId, party: 'rater' } }),
    ],
    [await ctx.buttonFor(deciderId, d.decideButton, { kind: 'abandon-and-start', flow: 'objection-decision', context: { objectionId } })],
  ];
}

function loadObjection(ctx: BotContext, id: string) {
  return ctx.db.objection.findUnique({ where: { id }, include: { evaluation: { include: { employee: true, rater: true } }, decider: true } });
}

/** The superior asks the employee or the rater to explain (a button on the objection). */
export async function askForExplanation(ctx: BotContext, args: Record<string, string>): Promise<Reply[]> {
  const objection = await loadObjection(ctx, args['objectionId'] ?? '');
  if (!objection) return [say(t(ctx).notFound)];
  const refused = await deciderRefusal(ctx, objection);
  if (refused) return [refused];
  if (objection.status === 'DECIDED') return [say(t(ctx).alreadyDecided)];
  const party = args['party'] === 'rater' ? objection.evaluation.rater : objection.evaluation.employee;
  // Guarded: a decision saved meanwhile (another device) is not reopened.
  ctx.work.guarded(`objection.review ${objection.id}`, (tx) => tx.objection.updateMany({ where: { id: objection.id, status: { not: 'DECIDED' } }, data: { status: 'UNDER_REVIEW' } }));
  const p = objectionText[party.locale];
  const blocks: Block[] = [paragraph(p.explanationRequest({ decider: ctx.me.name, employee: objection.evaluation.employee.name, period: periodKeyLabel(objection.evaluation.periodKey, party.locale) }))];
  if (party.id === objection.evaluation.raterId) blocks.push(paragraph(bold(p.reasonsHeading)), quote(objection.reasons));
  await ctx.outbox.toPerson(party.id, [reply(blocks, [[await ctx.buttonFor(party.id, p.explainButton, { kind: 'start', flow: 'objection-explanation', context: { objectionId: objection.id } })]])]);
  return [say(t(ctx).explanationRequested({ name: party.name }))];
}

async function explanationRefusal(ctx: BotContext, objectionId: string): Promise<string | null> {
  const objection = await loadObjection(ctx, objectionId);
  if (!objection) return t(ctx).notFound;
  if (objection.status === 'DECIDED') return t(ctx).alreadyDecided;
  return ctx.me.id === objection.evaluation.employeeId || ctx.me.id === objection.evaluation.raterId ? null : t(ctx).notParty;
}

/** The employee or the rater explains, at the superior's request. */
export const objectionExplanationFlow: FlowDefinition<BotContext> = {
  id: 'objection-explanation',
  version: 1,
  command: '/bantuan',
  title: (locale) => objectionText[locale].explanationTitle,
  begin: beginUnless((ctx, context) => explanationRefusal(ctx, contextId(context, 'objectionId'))),
  steps: [{ id: 'explanation', kind: 'text', maxLength: 3000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askExplanation)] }) }],
  async complete(ctx, state) {
    const objectionId = contextId(state.context, 'objectionId');
    const problem = await explanationRefusal(ctx, objectionId);
    if (problem) return [say(problem)];
    const objection = (await loadObjection(ctx, objectionId))!;
    const text = lastAnswer<string>(state, 'explanation') ?? '';
    const field = ctx.me.id === objection.evaluation.employeeId ? 'employeeExplanation' : 'raterExplanation';
    // Guarded: an explanation arriving after the decision does not touch the decided keberatan.
    ctx.work.guarded(`objection.explain ${objectionId}`, (tx) => tx.objection.updateMany({ where: { id: objectionId, status: { not: 'DECIDED' } }, data: { [field]: text } }));
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'objection.explained', entityType: 'Objection', entityId: objectionId, details: { field } });
    const decider = objection.decider;
    if (!decider) return [say(t(ctx).notFound)];
    const d = objectionText[decider.locale];
    await ctx.outbox.toPerson(decider.id, [
      reply([paragraph(bold(d.explanationToDecider({ name: ctx.me.name }))), quote(text)], await deciderButtons(ctx, decider.id, objectionId, decider.locale)),
    ]);
    return [say(t(ctx).explanationSaved({ decider: decider.name }))];
  },
};

const changed = (state: FlowState) => lastAnswer(state, 'decision') === 'CHANGED';
const ratingOptions = (ctx: BotContext) => RATINGS.map((rating) => ({ value: rating, label: ratingLabel(rating, ctx.me.locale) }));

async function decisionRefusal(ctx: BotContext, objectionId: string): Promise<Reply | null> {
  const objection = await loadObjection(ctx, objectionId);
  if (!objection) return say(t(ctx).notFound);
  const refused = await deciderRefusal(ctx, objection);
  if (refused) return refused;
  return objection.status === 'DECIDED' ? say(t(ctx).alreadyDecided) : null;
}

/**
 * Null when `ctx.me` may decide: the superior the keberatan was sent to (the rater's own
 * superior), whoever acts for them, or whoever the access rules make the employee's rater's
 * superior now. Never the rater, never the employee.
 */
async function deciderRefusal(ctx: BotContext, objection: { deciderId: string | null; evaluation: { employeeId: string; raterId: string } }): Promise<Reply | null> {
  if (ctx.me.id === objection.evaluation.raterId) return say(t(ctx).raterCannotDecide);
  // The employee never decides their own keberatan, even when acting for the superior.
  if (ctx.me.id === objection.evaluation.employeeId) return refusal(ctx, 'DECIDE_OBJECTION', ctx.me.id);
  if (objection.deciderId && (await standsFor(ctx.db, ctx.me, objection.deciderId, ctx.now))) return null;
  return refusal(ctx, 'DECIDE_OBJECTION', objection.evaluation.employeeId);
}

/** The rater's superior decides: uphold, or change the ratings (the predikat follows the matrix). */
export const objectionDecisionFlow: FlowDefinition<BotContext> = {
  id: 'objection-decision',
  version: 1,
  command: '/bantuan',
  title: (locale) => objectionText[locale].decisionTitle,
  async begin(ctx, context) {
    const refused = await decisionRefusal(ctx, contextId(context, 'objectionId'));
    return refused ? refuse(refused) : { ok: true, context };
  },
  steps: [
    {
      id: 'decision',
      kind: 'choice',
      schema: z.enum(['UPHELD', 'CHANGED']),
      async prompt(ctx, state) {
        const objection = (await loadObjection(ctx, contextId(state.context, 'objectionId')))!;
        const m = t(ctx);
        const blocks: Block[] = [paragraph(bold(m.raterSide({ rater: objection.evaluation.rater.name }))), ...resultBlocks(objection.evaluation, ctx.me.locale), paragraph(bold(m.reasonsHeading)), quote(objection.reasons)];
        if (objection.employeeExplanation) blocks.push(paragraph(bold(m.explanationToDecider({ name: objection.evaluation.employee.name }))), quote(objection.employeeExplanation));
        if (objection.raterExplanation) blocks.push(paragraph(bold(m.explanationToDecider({ name: objection.evaluation.rater.name }))), quote(objection.raterExplanation));
        return { blocks: [...blocks, paragraph(m.askDecision)] };
      },
      options: (ctx) => [
        { value: 'UPHELD', label: t(ctx).upheld },
        { value: 'CHANGED', label: t(ctx).changed },
      ],
    },
    { id: 'results', kind: 'choice', schema: z.enum(RATINGS as [Rating, ...Rating[]]), when: changed, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askResults)] }), options: ratingOptions },
    { id: 'behaviour', kind: 'choice', schema: z.enum(RATINGS as [Rating, ...Rating[]]), when: changed, prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askBehaviour)] }), options: ratingOptions },
    { id: 'note', kind: 'text', maxLength: 2000, schema: z.string(), prompt: (ctx) => ({ blocks: [paragraph(t(ctx).askNote)] }) },
  ],
  async complete(ctx, state) {
    const objectionId = contextId(state.context, 'objectionId');
    const refused = await decisionRefusal(ctx, objectionId);
    if (refused) return [refused];
    const objection = (await loadObjection(ctx, objectionId))!;
    const decision = changed(state) ? 'CHANGED' : 'UPHELD';
    const results = lastAnswer<Rating>(state, 'results') ?? null;
    const behaviour = lastAnswer<Rating>(state, 'behaviour') ?? null;
    const predikat = decision === 'CHANGED' && results && behaviour ? predikatFor(results, behaviour) : null;
    const note = lastAnswer<string>(state, 'note') ?? '';
    // Guarded by status: a second decision (two devices, a retried button) makes this one decide again, and it is refused.
    ctx.work.guarded(`objection.decide ${objectionId}`, (tx) =>
      tx.objection.updateMany({
        where: { id: objectionId, status: { not: 'DECIDED' } },
        data: { status: 'DECIDED', decision, decisionNote: note, deciderId: ctx.me.id, decidedAt: ctx.now, changedResultsRating: predikat ? results : null, changedBehaviourRating: predikat ? behaviour : null, changedPredikat: predikat },
      }),
    );
    ctx.work.change(`evaluation.decided ${objection.evaluationId}`, (tx) => tx.evaluation.update({ where: { id: objection.evaluationId }, data: { status: 'DECIDED' } }));
    ctx.work.audit({ agencyId: ctx.me.agencyId, actorId: ctx.me.id, action: 'objection.decided', entityType: 'Objection', entityId: objectionId, details: { decision, results, behaviour, predikat } });
    for (const person of [objection.evaluation.employee, objection.evaluation.rater]) {
      const p = objectionText[person.locale];
      const params = { employee: objection.evaluation.employee.name, period: periodKeyLabel(objection.evaluation.periodKey, person.locale), decider: ctx.me.name };
      const blocks: Block[] = [paragraph(bold(decision === 'CHANGED' ? p.decidedChanged(params) : p.decidedUpheld(params)))];
      if (predikat && results && behaviour) {
        blocks.push(paragraph(p.newResult({ results: ratingLabel(results, person.locale), behaviour: ratingLabel(behaviour, person.locale), predikat: predikatLabel(predikat, person.locale) })));
      }
      blocks.push(paragraph(p.decisionNote), quote(note));
      await ctx.outbox.toPerson(person.id, [reply(blocks)]);
    }
    return [say(t(ctx).decisionSaved)];
  },
};

/**
 * /keberatan – the keberatan waiting for my decision: sent to me, or to someone I act for (Plt/Plh)
 * today, with the same buttons as when it arrived (the message may be long gone).
 */
export async function pendingObjections(ctx: BotContext): Promise<Reply[]> {
  const replies = await objectionReplies(ctx);
  return replies.length > 0 ? replies : [say(t(ctx).noneWaiting)];
}

/** The keberatan waiting for my decision (for the dashboard); none → no reply at all. */
export async function objectionReplies(ctx: BotContext): Promise<Reply[]> {
  const today = new Date(`${todayFor(ctx.me, ctx.now)}T00:00:00Z`);
  const actingFor = await ctx.db.actingAssignment.findMany({ where: { employeeId: ctx.me.id, startsOn: { lte: today }, endsOn: { gte: today } }, select: { actingForId: true } });
  const objections = await ctx.db.objection.findMany({
    // Never one about my own evaluation, or about one I gave (as a Plt/Plh for my own superior).
    where: {
      status: { not: 'DECIDED' },
      deciderId: { in: [ctx.me.id, ...actingFor.map((a) => a.actingForId)] },
      evaluation: { employeeId: { not: ctx.me.id }, raterId: { not: ctx.me.id } },
    },
    include: { evaluation: { include: { employee: true, rater: true } } },
    orderBy: { filedAt: 'asc' },
  });
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
        await deciderButtons(ctx, ctx.me.id, objection.id, ctx.me.locale),
      ),
    );
  }
  return replies;
}
