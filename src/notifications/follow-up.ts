/** Who hears about a follow-up recommendation, and what. */
import { bold, paragraph, quote, reply } from '../conversation/reply.js';
import { periodKeyLabel } from '../domain/periods.js';
import { followUpText } from '../i18n/appraisal.js';
import type { DomainEvent } from '../services/events.js';
import type { Notice } from './notice.js';

type Of<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** The superior who decides gets the recommendation, with *Catat keputusan*. */
export function followUpRecommended({ followUp, decider, by }: Of<'followUp.recommended'>): Notice[] {
  if (!decider) return [];
  const { evaluation } = followUp;
  return [
    {
      to: decider,
      message(button) {
        const d = followUpText[decider.locale];
        return reply(
          [paragraph(bold(d.toDecider({ rater: by.name, kind: d[`kind${followUp.kind}`], name: evaluation.employee.name, period: periodKeyLabel(evaluation.periodKey, decider.locale) }))), quote(followUp.recommendation)],
          [[button(d.decideButton, { kind: 'start', flow: 'follow-up-decision', context: { followUpId: followUp.id } })]],
        );
      },
    },
  ];
}

/** The rater and the employee read the decision. */
export function followUpDecided({ followUp, by }: Of<'followUp.decided'>): Notice[] {
  const { evaluation } = followUp;
  return [evaluation.rater, evaluation.employee].map((person) => ({
    to: person,
    message: () => {
      const p = followUpText[person.locale];
      return reply([paragraph(p.decisionToOthers({ by: by.name, kind: p[`kind${followUp.kind}`], name: evaluation.employee.name })), quote(followUp.decision ?? '')]);
    },
  }));
}
