/** Who hears about an evaluation or a unit's predikat, and what. */
import { bold, paragraph, quote, reply, type Block, type Reply } from '../conversation/reply.js';
import { skpPartLabel, type SkpPart } from '../domain/skp-period.js';
import { civilDayLabel, parseCivilDate, periodKeyLabel } from '../domain/periods.js';
import { explainPredikat, predikatLabel, ratingLabel, unitPredikatLabel, type EmployeePredikat, type Rating } from '../domain/rating-matrix.js';
import { appraisalText } from '../i18n/appraisal.js';
import type { Locale } from '../i18n/catalogue.js';
import { evaluationText } from '../i18n/evaluation.js';
import type { EvaluationResult } from '../services/evaluation-service.js';
import type { DomainEvent } from '../services/events.js';
import type { ButtonFor, Notice } from './notice.js';
import { evaluationDocumentNotice } from './documents.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

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

/** An official outside the bot as messages name them: "Dr. H. Bambang Hartono M.Si. (Gubernur Contoh)". */
export function officialName(official: { name: string; title: string }): string {
  return `${official.name} (${official.title})`;
}

/** An evaluation's period by name, with the SKP period's days when a move split it ("Tahun 2026, periode SKP 1 Jan 2026 – 30 Sep 2026"). */
export function evaluationPeriodName(evaluation: { periodKey: string; skp: SkpPart | null }, locale: Locale): string {
  const period = periodKeyLabel(evaluation.periodKey, locale);
  return evaluation.skp ? appraisalText[locale].periodPart({ period, days: skpPartLabel(evaluation.skp, locale) }) : period;
}

/** A final result as its employee receives it: who rated, who hears a keberatan and until when, the result, and *Terima hasil* / *Ajukan keberatan*. */
export function resultReply(result: EvaluationResult, button: ButtonFor): Reply {
  const { employee, recordedFor, deciderOutside } = result;
  const m = appraisalText[employee.locale];
  return reply(
    [
      paragraph(
        m.toEmployee({
          // Recorded by HR for an official outside the bot: the official rated, HR wrote it down.
          rater: recordedFor ? officialName(recordedFor) : result.rater.name,
          // A move split the period: the employee reads which SKP period's days this result covers.
          period: evaluationPeriodName(result, employee.locale),
          decider: result.decider?.name ?? (deciderOutside ? officialName(deciderOutside) : m.ratersSuperior),
          lastDay: civilDayLabel(result.lastDay, employee.locale),
        }),
      ),
      ...(recordedFor
        ? [paragraph(m.recordedByHr({ by: result.rater.name, number: recordedFor.documentNumber, date: civilDayLabel(parseCivilDate(recordedFor.decidedOn) ?? result.lastDay, employee.locale) }))]
        : []),
      ...resultBlocks(result, employee.locale),
    ],
    [
      [
        button(m.acceptButton, { kind: 'action', name: 'evaluation.acknowledge', args: { evaluationId: result.id } }),
        button(m.objectButton, { kind: 'start', flow: 'objection', context: { evaluationId: result.id } }),
      ],
    ],
  );
}

/**
 * The employee gets their Dokumen Evaluasi Kinerja Pegawai as PDF, then the result with the buttons
 * to accept or object – last, so its buttons are those a channel without message-bound buttons (the console) answers.
 */
export function evaluationResultSent({ result }: Of<'evaluation.resultSent'>): Notice[] {
  return [evaluationDocumentNotice(result.employee, result.id), { to: result.employee, message: (button) => resultReply(result, button) }];
}

/** The rater hears the result was accepted. */
export function evaluationAcknowledged({ evaluation }: Of<'evaluation.acknowledged'>): Notice[] {
  const rater = evaluation.rater;
  const text = appraisalText[rater.locale].acknowledgedToRater({ name: evaluation.employee.name, period: periodKeyLabel(evaluation.periodKey, rater.locale) });
  return [{ to: rater, message: () => reply([paragraph(text)]) }];
}

/** The unit's leader hears their unit's predikat: it becomes their own results rating. */
export function unitPredikatSet({ set, by, leader }: Of<'unitPredikat.set'>): Notice[] {
  if (!leader) return [];
  const text = evaluationText[leader.locale].toLeader({
    by: by.name,
    unit: set.unit.name,
    period: periodKeyLabel(set.periodKey, leader.locale),
    predikat: unitPredikatLabel(set.predikat, leader.locale),
    note: set.note ?? '',
  });
  return [{ to: leader, message: () => reply([paragraph(text)]) }];
}
