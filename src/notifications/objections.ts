/** Who hears about a keberatan, and what. */
import { bold, paragraph, quote, reply, type Block, type Button } from '../conversation/reply.js';
import { periodKeyLabel } from '../domain/periods.js';
import { predikatLabel, ratingLabel } from '../domain/rating-matrix.js';
import type { Locale } from '../i18n/catalogue.js';
import { objectionText } from '../i18n/objection.js';
import type { DomainEvent } from '../services/events.js';
import { resultBlocks } from './evaluations.js';
import type { ButtonFor, Notice } from './notice.js';
import { evaluationDocumentNotice } from './documents.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** The superior's buttons on a keberatan: ask either side to explain, or decide. */
export function deciderButtons(button: ButtonFor, objectionId: string, locale: Locale): Button[][] {
  const d = objectionText[locale];
  return [
    [
      button(d.askEmployeeButton, { kind: 'action', name: 'objection.ask', args: { objectionId, party: 'employee' } }),
      button(d.askRaterButton, { kind: 'action', name: 'objection.ask', args: { objectionId, party: 'rater' } }),
    ],
    [button(d.decideButton, { kind: 'abandon-and-start', flow: 'objection-decision', context: { objectionId } })],
  ];
}

/** The superior gets both sides – the rater's result and the employee's reasons – with the buttons; the rater hears who decides. */
export function objectionFiled({ objection }: Of<'objection.filed'>): Notice[] {
  const { evaluation, decider } = objection;
  const { employee, rater } = evaluation;
  const notices: Notice[] = [];
  // An official outside the bot decides: the pengelola kinerja covering the employee pass it on and record the decision.
  for (const recorder of objection.external ? (objection.recorders ?? []) : []) {
    const official = objection.external ? `${objection.external.name}, ${objection.external.title}` : '';
    notices.push({
      to: recorder,
      message(button) {
        const d = objectionText[recorder.locale];
        return reply(
          [
            paragraph(bold(d.toRecorder({ employee: employee.name, rater: rater.name, period: periodKeyLabel(evaluation.periodKey, recorder.locale), official }))),
            ...resultBlocks(evaluation.result, recorder.locale),
            paragraph(bold(d.reasonsHeading)),
            quote(objection.reasons),
          ],
          deciderButtons(button, objection.id, recorder.locale),
        );
      },
    });
  }
  if (decider) {
    notices.push({
      to: decider,
      message(button) {
        const d = objectionText[decider.locale];
        return reply(
          [
            paragraph(bold(d.toDecider({ employee: employee.name, rater: rater.name, period: periodKeyLabel(evaluation.periodKey, decider.locale) }))),
            paragraph(bold(d.raterSide({ rater: rater.name }))),
            ...resultBlocks(evaluation.result, decider.locale),
            paragraph(bold(d.reasonsHeading)),
            quote(objection.reasons),
          ],
          deciderButtons(button, objection.id, decider.locale),
        );
      },
    });
  }
  notices.push({
    to: rater,
    message: () => {
      const r = objectionText[rater.locale];
      const official = objection.external ? `${objection.external.name}, ${objection.external.title}` : '';
      return reply([paragraph(r.toRater({ employee: employee.name, period: periodKeyLabel(evaluation.periodKey, rater.locale), decider: decider?.name ?? official })), quote(objection.reasons)]);
    },
  });
  return notices;
}

/** The side asked gets the request with *Beri penjelasan*; the rater also reads the reasons. */
export function objectionExplanationRequested({ objection, party, by }: Of<'objection.explanationRequested'>): Notice[] {
  const { evaluation } = objection;
  return [
    {
      to: party,
      message(button) {
        const p = objectionText[party.locale];
        const blocks: Block[] = [paragraph(p.explanationRequest({ decider: by.name, employee: evaluation.employee.name, period: periodKeyLabel(evaluation.periodKey, party.locale) }))];
        if (party.id === evaluation.rater.id) blocks.push(paragraph(bold(p.reasonsHeading)), quote(objection.reasons));
        return reply(blocks, [[button(p.explainButton, { kind: 'start', flow: 'objection-explanation', context: { objectionId: objection.id } })]]);
      },
    },
  ];
}

/** The superior reads the explanation, with the buttons again. */
export function objectionExplained({ objection, explanation, by }: Of<'objection.explained'>): Notice[] {
  // To the superior who decides, or – when an official outside the bot decides – to the pengelola kinerja recording it.
  const readers = objection.decider ? [objection.decider] : (objection.recorders ?? []);
  return readers.map((reader) => ({
    to: reader,
    message: (button) => reply([paragraph(bold(objectionText[reader.locale].explanationToDecider({ name: by.name }))), quote(explanation)], deciderButtons(button, objection.id, reader.locale)),
  }));
}

/** The employee and the rater hear the final decision, and the new result when it changed. */
export function objectionDecided({ objection, by }: Of<'objection.decided'>): Notice[] {
  const { evaluation, changed } = objection;
  const decision = [evaluation.employee, evaluation.rater].map((person): Notice => ({
    to: person,
    message: () => {
      const p = objectionText[person.locale];
      const decider = objection.external ? `${objection.external.name}, ${objection.external.title}` : by.name;
      const params = { employee: evaluation.employee.name, period: periodKeyLabel(evaluation.periodKey, person.locale), decider };
      const blocks: Block[] = [paragraph(bold(objection.decision === 'CHANGED' ? p.decidedChanged(params) : p.decidedUpheld(params)))];
      if (changed) {
        blocks.push(paragraph(p.newResult({ results: ratingLabel(changed.resultsRating, person.locale), behaviour: ratingLabel(changed.behaviourRating, person.locale), predikat: predikatLabel(changed.predikat, person.locale) })));
      }
      blocks.push(paragraph(p.decisionNote), quote(objection.decisionNote ?? ''));
      return reply(blocks);
    },
  }));
  // The employee's Dokumen Evaluasi again, now with the keberatan, the PPK's explanation and the decision.
  return [...decision, evaluationDocumentNotice(evaluation.employee, evaluation.id, true)];
}
