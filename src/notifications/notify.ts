/**
 * Who hears what: one table from each domain event to its notices (recipient and message in the
 * recipient's language). Flows and services never build other people's messages; they return
 * events, and `notify` queues the notices in the decision's unit of work, to each recipient's most
 * recently used reachable chat.
 */
import type { Reader } from '../services/db.js';
import type { DomainEvent, PersonRef } from '../services/events.js';
import { reachableChatOf } from '../services/outbox.js';
import type { UnitOfWork } from '../services/work.js';
import type { Notice } from './notice.js';
import { feedbackGiven, feedbackReplied, feedbackRequested } from './feedback.js';
import { leaveRecorded } from './leave.js';
import { obstacleReported, obstacleResolved, obstacleResponded } from './obstacles.js';
import { clarificationAnswered, clarificationRequested, planAgreed, planProposed } from './plans.js';
import { planEstablished, planReturned, planSubmitted } from './own-skp.js';
import { evaluationAcknowledged, evaluationResultSent, unitPredikatSet } from './evaluations.js';
import { objectionDecided, objectionExplained, objectionExplanationRequested, objectionFiled } from './objections.js';
import { creditPointsRecorded, followUpDecided, followUpRecommended } from './follow-up.js';
import { developmentCompetenciesEvaluated, developmentRated, developmentRecorded } from './development.js';
import { actingEnded, actingRecorded } from './acting.js';
import { evaluationReturned, penetapanEstablished } from './penetapan.js';
import { penetapanDocumentNotice } from './documents.js';

type NoticesOf = { [K in DomainEvent['type']]: (event: Extract<DomainEvent, { type: K }>) => Notice[] };

/** Adding an event type without saying who hears about it does not compile. */
const NOTICES: NoticesOf = {
  'obstacle.reported': obstacleReported,
  'obstacle.responded': obstacleResponded,
  'obstacle.resolved': obstacleResolved,
  'plan.proposed': planProposed,
  'plan.agreed': planAgreed,
  'plan.submitted': planSubmitted,
  'plan.established': planEstablished,
  'plan.returned': planReturned,
  'plan.clarificationRequested': clarificationRequested,
  'plan.clarificationAnswered': clarificationAnswered,
  'feedback.given': feedbackGiven,
  'feedback.replied': feedbackReplied,
  'feedback.requested': feedbackRequested,
  'leave.recorded': leaveRecorded,
  'evaluation.resultSent': evaluationResultSent,
  'evaluation.acknowledged': evaluationAcknowledged,
  'evaluation.returned': evaluationReturned,
  'penetapan.established': penetapanEstablished,
  'penetapan.document': ({ to, penetapanId }) => [penetapanDocumentNotice(to, penetapanId)],
  'unitPredikat.set': unitPredikatSet,
  'objection.filed': objectionFiled,
  'objection.explanationRequested': objectionExplanationRequested,
  'objection.explained': objectionExplained,
  'objection.decided': objectionDecided,
  'followUp.recommended': followUpRecommended,
  'followUp.decided': followUpDecided,
  'creditPoints.recorded': creditPointsRecorded,
  'development.recorded': developmentRecorded,
  'development.rated': developmentRated,
  'development.competenciesEvaluated': developmentCompetenciesEvaluated,
  'acting.recorded': actingRecorded,
  'acting.ended': actingEnded,
};

/** The notices an event causes. */
export function noticesOf(event: DomainEvent): Notice[] {
  const build = NOTICES[event.type] as (event: DomainEvent) => Notice[];
  return build(event);
}

/** Sends the events' notices; returns the recipients the bot cannot reach (not linked, or every account unreachable). */
export async function notify(db: Reader, work: UnitOfWork, events: DomainEvent[]): Promise<PersonRef[]> {
  const unreachable: PersonRef[] = [];
  for (const notice of events.flatMap(noticesOf)) {
    const address = await reachableChatOf(db, notice.to.id);
    if (!address) {
      // Once per person, though they may have several notices (a result and its document).
      if (!unreachable.some((person) => person.id === notice.to.id)) unreachable.push(notice.to);
      continue;
    }
    const message = notice.message((label, payload) => work.button(notice.to.id, label, payload));
    work.send(address, [message], notice.dedupeKey ? { dedupeKey: notice.dedupeKey } : {});
  }
  return unreachable;
}
