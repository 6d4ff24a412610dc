/**
 * /hasil – one's finalised evaluations of this year and last, and the results still waiting for an
 * answer (the dashboard). The result sent on finalising – or, to someone who could not be reached
 * then, when they next talk to the bot or link – is a notice (notifications/evaluations.ts); its
 * delivery is decided by the evaluation service.
 */
import { bold, paragraph, reply, type Block, type Reply } from '../conversation/reply.js';
import { objectionLastDay, objectionOpen } from '../domain/evaluation-window.js';
import { localDate } from '../domain/time-zones.js';
import type { FlowContext } from '../bot/context.js';
import { civilDayLabel } from '../domain/periods.js';
import { appraisalText } from '../i18n/appraisal.js';
import { evaluationPeriodName, officialName, resultBlocks } from '../notifications/evaluations.js';
import {finalResult } from '../services/evaluations.js';
import { say } from './common.js';
import { followUpStatusLine, documentDateLabel } from '../notifications/follow-up.js';
import { decisionOfRow, type FollowUpRow } from '../services/follow-up-service.js';
import { followUpText } from '../i18n/follow-up.js';
import { formatNumber, type Locale } from '../i18n/catalogue.js';
import { formatCivilDate } from '../domain/civil-date.js';

/** Who rated: the official outside the bot when HR recorded their evaluation, else the rater. */
export function raterName(evaluation: { rater: { name: string }; recordedForOfficial?: { name: string; title: string } | null }): string {
  return evaluation.recordedForOfficial ? officialName(evaluation.recordedForOfficial) : evaluation.rater.name;
}

// The result's blocks moved to the notices; flows that quote a result (the keberatan) keep importing them from here.
export { resultBlocks } from '../notifications/evaluations.js';

/** /hasil – my finalised evaluations of this year and last, with Terima / Ajukan keberatan again while that is still possible. */
export async function myResults(ctx: FlowContext): Promise<Reply[]> {
  const replies = await resultReplies(ctx, false);
  return replies.length > 0 ? replies : [say(appraisalText[ctx.me.locale].noResults)];
}

/** The results still waiting for my answer (for the dashboard); none → no reply at all. */
export function resultsWaitingForMe(ctx: FlowContext): Promise<Reply[]> {
  return resultReplies(ctx, true);
}

async function resultReplies(ctx: FlowContext, waitingOnly: boolean): Promise<Reply[]> {
  const m = appraisalText[ctx.me.locale];
  const year = localDate(ctx.now, ctx.me.timeZone).year;
  const evaluations = await ctx.read.evaluationsOf(ctx.me.id, { finalOnly: waitingOnly, sinceYear: year - 1 });
  const replies: Reply[] = [];
  for (const evaluation of evaluations) {
    const blocks: Block[] = [
      paragraph(bold(m.resultHeading({ period: evaluationPeriodName(evaluation, ctx.me.locale), rater: raterName(evaluation), status: m[`status${evaluation.status}`] }))),
      ...resultBlocks({ ...evaluation, ...finalResult(evaluation) }, ctx.me.locale),
      ...followUpBlocks(evaluation, ctx.me.locale),
    ];
    // Not delivered yet (the dashboard may show it first): the objection period starts on delivery.
    const received = evaluation.deliveredAt ?? ctx.now;
    const open = evaluation.status === 'FINAL' && objectionOpen(received, ctx.now, ctx.me.timeZone);
    if (!open) {
      if (!waitingOnly) replies.push(reply(blocks));
      continue;
    }
    blocks.push(paragraph(m.answerBy({ lastDay: civilDayLabel(objectionLastDay(received, ctx.me.timeZone), ctx.me.locale) })));
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

/** The follow-ups proposed on an evaluation with their status, and its Penetapan Angka Kredit when recorded. */
function followUpBlocks(
  evaluation: {
    followUps: FollowUpRow[];
    creditPointAssessment: { number: string; issuedOn: Date; creditPoints: number; months: number; positionLevel: string } | null;
  },
  locale: Locale,
): Block[] {
  const blocks: Block[] = [];
  for (const row of evaluation.followUps) blocks.push(paragraph(followUpStatusLine({ kind: row.kind, ...decisionOfRow(row) }, locale)));
  const pak = evaluation.creditPointAssessment;
  if (pak) {
    const issued = formatCivilDate({ year: pak.issuedOn.getUTCFullYear(), month: pak.issuedOn.getUTCMonth() + 1, day: pak.issuedOn.getUTCDate() });
    blocks.push(
      paragraph(
        followUpText[locale].pakLine({ number: pak.number, date: documentDateLabel(issued, locale), points: formatNumber(pak.creditPoints, locale, 3), months: pak.months, level: pak.positionLevel }),
      ),
    );
  }
  return blocks;
}
