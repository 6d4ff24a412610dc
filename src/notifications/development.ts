/** Who hears about a guidance session, and what. */
import { bold, list, paragraph, reply } from '../conversation/reply.js';
import { formatDate, formatNumber, type Locale } from '../i18n/catalogue.js';
import { evaluationText } from '../i18n/evaluation.js';
import { GUIDANCE_STATEMENTS } from '../services/development-service.js';
import type { DomainEvent } from '../services/events.js';
import type { Notice } from './notice.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** A session's date (a civil date stored as midnight UTC) in words. */
export function sessionDateLabel(date: Date, locale: Locale): string {
  return formatDate(date, locale, 'UTC');
}

/** The employee reads what was recorded, with *Nilai sesi ini*. */
export function developmentRecorded({ session }: Of<'development.recorded'>): Notice[] {
  const { employee } = session;
  return [
    {
      to: employee,
      message(button) {
        const theirs = evaluationText[employee.locale];
        const text = theirs.developmentToEmployee({
          kind: theirs[`kind${session.kind}`],
          leader: session.leader.name,
          date: sessionDateLabel(session.heldAt, employee.locale),
          topic: session.topic,
          followUp: session.followUp ?? '',
        });
        return reply([paragraph(text)], [[button(theirs.rateButton, { kind: 'start', flow: 'development-rating', context: { sessionId: session.id } })]]);
      },
    },
  ];
}

/** The leader reads the rating: the average, and each statement's score. */
export function developmentRated({ session, rating }: Of<'development.rated'>): Notice[] {
  const { leader } = session;
  return [
    {
      to: leader,
      message: () => {
        const theirs = evaluationText[leader.locale];
        const values = GUIDANCE_STATEMENTS.map((code) => rating[code]);
        const average = formatNumber(values.reduce((a, b) => a + b, 0) / values.length, leader.locale);
        return reply([
          paragraph(theirs.ratingToLeader({ name: session.employee.name, date: sessionDateLabel(session.heldAt, leader.locale), average })),
          list(GUIDANCE_STATEMENTS.map((code) => [`${theirs[`statement${code}`]} `, bold(`${rating[code]}/5`)])),
        ]);
      },
    },
  ];
}
