/** What raters hear of the organisation leader's penetapan: a proposal sent back with a note, or their proposals established. */
import { paragraph, reply } from '../conversation/reply.js';
import { periodKeyLabel } from '../domain/periods.js';
import { penetapanText } from '../i18n/penetapan.js';
import type { DomainEvent } from '../services/events.js';
import type { Notice } from './notice.js';

type Of<K extends DomainEvent['type']> = Extract<DomainEvent, { type: K }>;

/** The rater gets the proposal back, with the leader's note, to evaluate again. */
export function evaluationReturned({ rater, employee, periodKey, note, by }: Of<'evaluation.returned'>): Notice[] {
  const text = penetapanText[rater.locale].toRaterReturned({ by: by.name, name: employee, period: periodKeyLabel(periodKey, rater.locale), note });
  return [{ to: rater, message: () => reply([paragraph(text)]) }];
}

/** The rater hears their proposals are established and sent. */
export function penetapanEstablished({ rater, count, organisation, periodKey, by }: Of<'penetapan.established'>): Notice[] {
  const text = penetapanText[rater.locale].toRaterEstablished({ by: by.name, organisation, period: periodKeyLabel(periodKey, rater.locale), count });
  return [{ to: rater, message: () => reply([paragraph(text)]) }];
}
