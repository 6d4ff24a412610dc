/** Who hears about a follow-up proposal, its decision and a Penetapan Angka Kredit, and what. */
import { bold, paragraph, quote, reply } from '../conversation/reply.js';
import { parseCivilDate } from '../domain/civil-date.js';
import { civilDayLabel, periodKeyLabel } from '../domain/periods.js';
import { formatNumber, type Locale } from '../i18n/catalogue.js';
import { followUpText } from '../i18n/follow-up.js';
import type { DomainEvent } from '../services/events.js';
import type { FollowUpView } from '../services/follow-up-service.js';
import type { Notice } from './notice.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** "15 Jan 2027" for a stored "YYYY-MM-DD". */
export function documentDateLabel(date: string, locale: Locale): string {
  const parsed = parseCivilDate(date);
  return parsed ? civilDayLabel(parsed, locale) : date;
}

/** A proposal's status in one line: waiting, or what was decided, by whom, with which document. */
export function followUpStatusLine(followUp: Pick<FollowUpView, 'kind' | 'decided' | 'legacyDecision'>, locale: Locale): string {
  const m = followUpText[locale];
  const kind = m[`kind${followUp.kind}`];
  const d = followUp.decided;
  if (!d && followUp.legacyDecision !== null && followUp.legacyDecision !== undefined) return m.statusLegacy({ kind, decision: followUp.legacyDecision });
  if (!d) return m.statusPending({ kind });
  return m.statusDecided({ kind, outcome: m[`outcome${d.outcome}`], official: d.officialName, document: d.documentNumber, date: documentDateLabel(d.decidedOn, locale) });
}

/** HR covering the employee gets the proposal, with *Catat keputusan*, to record the official's decision. */
export function followUpRecommended({ followUp, recorders, by }: Of<'followUp.recommended'>): Notice[] {
  const { evaluation } = followUp;
  return recorders.map((recorder) => ({
    to: recorder,
    message(button) {
      const d = followUpText[recorder.locale];
      return reply(
        [paragraph(bold(d.toRecorder({ rater: by.name, kind: d[`kind${followUp.kind}`], name: evaluation.employee.name, period: periodKeyLabel(evaluation.periodKey, recorder.locale) }))), quote(followUp.recommendation)],
        [[button(d.decideButton, { kind: 'start', flow: 'follow-up-decision', context: { followUpId: followUp.id } })]],
      );
    },
  }));
}

/** The rater and the employee read the decision. */
export function followUpDecided({ followUp }: Of<'followUp.decided'>): Notice[] {
  const { evaluation } = followUp;
  const d = followUp.decided;
  if (!d) return [];
  return [evaluation.rater, evaluation.employee].map((person) => ({
    to: person,
    message: () => {
      const p = followUpText[person.locale];
      const text = p.decisionToOthers({
        kind: p[`kind${followUp.kind}`],
        name: evaluation.employee.name,
        outcome: p[`outcome${d.outcome}`],
        official: d.officialName,
        document: d.documentNumber,
        date: documentDateLabel(d.decidedOn, person.locale),
      });
      return reply([paragraph(text), ...(d.note ? [quote(d.note)] : [])]);
    },
  }));
}

/** The employee reads their Penetapan Angka Kredit. */
export function creditPointsRecorded({ assessment }: Of<'creditPoints.recorded'>): Notice[] {
  const { employee } = assessment;
  return [
    {
      to: employee,
      message: () =>
        reply([
          paragraph(
            followUpText[employee.locale].pakToEmployee({
              number: assessment.number,
              date: documentDateLabel(assessment.issuedOn, employee.locale),
              points: formatNumber(assessment.creditPoints, employee.locale, 3),
              period: periodKeyLabel(assessment.periodKey, employee.locale),
            }),
          ),
        ]),
    },
  ];
}
