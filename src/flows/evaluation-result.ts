/**
 * A finalised evaluation as its employee receives it: the result and why, notes and feedback, the
 * last day to object, and the Terima / Ajukan keberatan buttons. Sent on finalising, or – to someone
 * who could not be reached then – to their private chat when they next talk to the bot or link.
 */
import { bold, paragraph, quote, reply, type Block, type Reply } from '../conversation/reply.js';
import { objectionLastDay, objectionOpen } from '../domain/evaluation-window.js';
import { localDate } from '../domain/time-zones.js';
import type { BotContext } from '../bot/context.js';
import { civilDayLabel, periodKeyLabel } from '../domain/periods.js';
import { explainPredikat, predikatLabel, ratingLabel, type EmployeePredikat, type Rating } from '../domain/rating-matrix.js';
import type { Locale } from '../i18n/catalogue.js';
import { appraisalText } from '../i18n/appraisal.js';
import type { ActionPayload } from '../conversation/flow.js';
import type { Reader } from '../services/db.js';
import type { UnitOfWork } from '../services/work.js';
import { agencySettings, deciderFor, finalResult } from '../services/evaluations.js';
import { say } from './common.js';

/** The result as a person reads it: ratings, predikat and why, notes and feedback. */
export function resultBlocks(
  evaluation: { resultsRating: Rating | null; behaviourRating: Rating | null; predikat: EmployeePredikat | null; notes: string | null; feedback: string | null },
  locale: Locale,
): Block[] {
  const m = appraisalText[locale];
  const { resultsRating, behaviourRating, predikat } = evaluation;
  if (!resultsRating || !behaviourRating || !predikat) return [];
  const blocks: Block[] = [
    paragraph(bold(m.resultLine({ results: ratingLabel(resultsRating, locale), behaviour: ratingLabel(behaviourRating, locale), predikat: predikatLabel(predikat, locale) }))),
    paragraph(explainPredikat(resultsRating, behaviourRating, locale)),
  ];
  if (evaluation.notes) blocks.push(paragraph(m.notesLine), quote(evaluation.notes));
  if (evaluation.feedback) blocks.push(paragraph(m.feedbackLine), quote(evaluation.feedback));
  return blocks;
}

/**
 * The message carrying a finalised evaluation to its employee, as if received `now` (the last day
 * to object counts from then).
 */
export async function resultMessage(db: Reader, work: UnitOfWork, evaluationId: string, now: Date): Promise<{ message: Reply; employee: { id: string; name: string } }> {
  const evaluation = await db.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, include: { employee: true, rater: true } });
  const decider = await deciderFor(db, evaluationId);
  const { employee } = evaluation;
  const m = appraisalText[employee.locale];
  const agency = await agencySettings(db, employee.agencyId);
  const lastDay = objectionLastDay(now, employee.timeZone, agency.objectionDays);
  const button = (label: string, payload: ActionPayload) => work.button(employee.id, label, payload);
  const message = reply(
    [
      paragraph(
        m.toEmployee({
          rater: evaluation.rater.name,
          period: periodKeyLabel(evaluation.periodKey, employee.locale),
          decider: decider?.name ?? m.ratersSuperior,
          lastDay: civilDayLabel(lastDay, employee.locale),
        }),
      ),
      ...resultBlocks(evaluation, employee.locale),
    ],
    [
      [
        button(m.acceptButton, { kind: 'action', name: 'evaluation.acknowledge', args: { evaluationId } }),
        button(m.objectButton, { kind: 'start', flow: 'objection', context: { evaluationId } }),
      ],
    ],
  );
  return { message, employee };
}

/**
 * Results finalised while the employee could not be reached, handed to `send` now; their objection
 * period starts with this delivery. Each is marked delivered when `send` could deliver it – guarded,
 * so two accounts of the same person talking at once send it once (the second decides again and
 * finds nothing waiting).
 */
export async function deliverWaitingResults(db: Reader, work: UnitOfWork, employeeId: string, send: (message: Reply) => Promise<boolean>): Promise<void> {
  const waiting = await db.evaluation.findMany({ where: { employeeId, status: 'FINAL', deliveredAt: null }, orderBy: { finalizedAt: 'asc' }, select: { id: true } });
  for (const { id } of waiting) {
    if (!(await send((await resultMessage(db, work, id, work.now)).message))) continue;
    work.guarded(`evaluation.delivered ${id}`, (tx) => tx.evaluation.updateMany({ where: { id, deliveredAt: null }, data: { deliveredAt: work.now } }));
  }
}

/** /hasil – my finalised evaluations of this year and last, with Terima / Ajukan keberatan again while that is still possible. */
export async function myResults(ctx: BotContext): Promise<Reply[]> {
  const replies = await resultReplies(ctx, false);
  return replies.length > 0 ? replies : [say(appraisalText[ctx.me.locale].noResults)];
}

/** The results still waiting for my answer (for the dashboard); none → no reply at all. */
export function resultsWaitingForMe(ctx: BotContext): Promise<Reply[]> {
  return resultReplies(ctx, true);
}

async function resultReplies(ctx: BotContext, waitingOnly: boolean): Promise<Reply[]> {
  const m = appraisalText[ctx.me.locale];
  const year = localDate(ctx.now, ctx.me.timeZone).year;
  const evaluations = await ctx.db.evaluation.findMany({
    where: { employeeId: ctx.me.id, status: waitingOnly ? 'FINAL' : { not: 'DRAFT' }, year: { gte: year - 1 } },
    orderBy: [{ year: 'desc' }, { kind: 'asc' }, { periodKey: 'desc' }],
    include: { objection: true, rater: true },
  });
  const { objectionDays } = await agencySettings(ctx.db, ctx.me.agencyId);
  const replies: Reply[] = [];
  for (const evaluation of evaluations) {
    const blocks: Block[] = [
      paragraph(bold(m.resultHeading({ period: periodKeyLabel(evaluation.periodKey, ctx.me.locale), rater: evaluation.rater.name, status: m[`status${evaluation.status}`] }))),
      ...resultBlocks({ ...evaluation, ...finalResult(evaluation) }, ctx.me.locale),
    ];
    // Not delivered yet (the dashboard may show it first): the objection period starts on delivery.
    const received = evaluation.deliveredAt ?? ctx.now;
    const open = evaluation.status === 'FINAL' && objectionOpen(received, ctx.now, ctx.me.timeZone, objectionDays);
    if (!open) {
      if (!waitingOnly) replies.push(reply(blocks));
      continue;
    }
    blocks.push(paragraph(m.answerBy({ lastDay: civilDayLabel(objectionLastDay(received, ctx.me.timeZone, objectionDays), ctx.me.locale) })));
    replies.push(
      reply(blocks, [
        [
          await ctx.button(m.acceptButton, { kind: 'action', name: 'evaluation.acknowledge', args: { evaluationId: evaluation.id } }),
          await ctx.button(m.objectButton, { kind: 'start', flow: 'objection', context: { evaluationId: evaluation.id } }),
        ],
      ]),
    );
  }
  return replies;
}
