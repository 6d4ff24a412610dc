/** Who hears about a guidance session, and what. */
import { bold, list, paragraph, reply, type Block } from '../conversation/reply.js';
import { GUIDANCE_GROUPS, statementsOf, type GuidanceRating } from '../domain/guidance-forms.js';
import { formatDate, formatNumber, type Locale } from '../i18n/catalogue.js';
import { evaluationText } from '../i18n/evaluation.js';
import { guidanceText } from '../i18n/guidance.js';
import { GUIDANCE_STATEMENTS } from '../services/development-service.js';
import type { DomainEvent } from '../services/events.js';
import type { Notice } from './notice.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** A session's date (a civil date stored as midnight UTC) in words. */
export function sessionDateLabel(date: Date, locale: Locale): string {
  return formatDate(date, locale, 'UTC');
}

/** The employee reads what was recorded and who will read their feedback, with *Beri umpan balik*. */
export function developmentRecorded({ session, recipient }: Of<'development.recorded'>): Notice[] {
  const { employee } = session;
  return [
    {
      to: employee,
      message(button) {
        const g = guidanceText[employee.locale];
        const text = g.toEmployee({
          kind: evaluationText[employee.locale][`kind${session.kind}`],
          leader: session.leader.name,
          date: sessionDateLabel(session.heldAt, employee.locale),
          topic: session.topic,
          followUp: session.followUp ?? '',
          recipient: recipient?.name ?? g.noRecipient,
        });
        return reply([paragraph(text)], [[button(g.feedbackButton, { kind: 'start', flow: 'development-rating', context: { sessionId: session.id } })]]);
      },
    },
  ];
}

/** The answers of Format B.1.8 as the form groups them. */
export function feedbackBlocks(rating: GuidanceRating, locale: Locale): Block[] {
  const g = guidanceText[locale];
  return GUIDANCE_GROUPS.flatMap((group) => [paragraph(bold(g[`group${group}`])), list(statementsOf(group).map((code) => [`${g[`statement${code}`]} `, bold(`${rating[code]}/5`)]))]);
}

/**
 * The leader's own superior reads the feedback, grouped as the form groups it (Format B.1.8 goes to
 * the "atasan dari Pimpinan"); the leader hears nothing. With no superior in the bot nobody is told.
 */
export function developmentRated({ session, rating, recipient }: Of<'development.rated'>): Notice[] {
  if (!recipient) return [];
  return [
    {
      to: recipient,
      message: () => {
        const g = guidanceText[recipient.locale];
        const values = GUIDANCE_STATEMENTS.map((code) => rating[code]);
        const average = formatNumber(values.reduce((a, b) => a + b, 0) / values.length, recipient.locale);
        return reply([
          paragraph(g.feedbackToSuperior({ employee: session.employee.name, leader: session.leader.name, date: sessionDateLabel(session.heldAt, recipient.locale), average })),
          ...feedbackBlocks(rating, recipient.locale),
        ]);
      },
    },
  ];
}

/** The employee reads the leader's Format B.1.9 competency evaluation. */
export function developmentCompetenciesEvaluated({ session, rows }: Of<'development.competenciesEvaluated'>): Notice[] {
  const { employee } = session;
  return [
    {
      to: employee,
      message: () => {
        const g = guidanceText[employee.locale];
        return reply([
          paragraph(g.competencyToEmployee({ leader: session.leader.name, date: sessionDateLabel(session.heldAt, employee.locale) })),
          list(rows.map((row) => [bold(`${row.competency}: ${row.score}/5`), ` – ${row.reason}`])),
        ]);
      },
    },
  ];
}
