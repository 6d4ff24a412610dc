/**
 * An evaluation's result as a person reads it – in the messages about a keberatan and in the
 * superior's view of it. (The same blocks as flows/evaluation-result.ts's resultBlocks, here so
 * notifications, which may not import flows, can build them.)
 */
import { bold, paragraph, quote, type Block } from '../conversation/reply.js';
import { explainPredikat, predikatLabel, ratingLabel } from '../domain/rating-matrix.js';
import type { Locale } from '../i18n/catalogue.js';
import { appraisalText } from '../i18n/appraisal.js';
import type { ResultView } from '../services/objection-service.js';

/** The result: ratings, predikat and why, notes and feedback; nothing while it is incomplete. */
export function resultBlocks(evaluation: ResultView, locale: Locale): Block[] {
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
