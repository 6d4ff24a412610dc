/**
 * Domain events: what a service's change means for other people. Services return them; the
 * notifications module (src/notifications) decides who hears about each and in which words, in
 * the recipient's own language. Events carry what those messages need, so notifying reads little.
 */
import type { Locale } from '../i18n/catalogue.js';
import type { ObstacleView } from './obstacles.js';
import type { ClarificationRecord, PlanRecord } from './plan-service.js';
import type { ExternalOfficialRef } from './skp-service.js';
import type { FeedbackView } from './feedback-service.js';
import type { EvaluationRef, EvaluationResult } from './evaluation-service.js';
import type { UnitPredikatSet } from './unit-predikat-service.js';
import type { ObjectionView } from './objection-service.js';
import type { FollowUpView } from './follow-up-service.js';
import type { FeedbackOpen, GuidanceRating, SessionView } from './development-service.js';
import type { CompetencyRow } from '../domain/guidance-forms.js';
import type { CreditPointView } from './credit-points-service.js';
import type { ActingView } from './acting-service.js';

/** A person as a message to or about them needs them. */
export interface PersonRef {
  id: string;
  name: string;
  locale: Locale;
}

export type DomainEvent =
  | { type: 'obstacle.reported'; obstacle: ObstacleView }
  | { type: 'obstacle.responded'; obstacle: ObstacleView; response: string; by: PersonRef }
  | { type: 'obstacle.resolved'; obstacle: ObstacleView; by: PersonRef }
  | { type: 'plan.proposed'; plan: PlanRecord }
  | { type: 'plan.agreed'; plan: PlanRecord }
  /** The employee submitted their own SKP; `ppk` establishes it, or HR for the `external` official. */
  | { type: 'plan.submitted'; plan: PlanRecord; ppk: PersonRef | null; external: ExternalOfficialRef | null }
  /** `recordedFor`: the official outside the bot HR recorded the penetapan for; null when the PPK pressed *Tetapkan*. `by` null: HR at the CLI. */
  | { type: 'plan.established'; plan: PlanRecord; by: PersonRef | null; recordedFor: ExternalOfficialRef | null }
  | { type: 'plan.returned'; plan: PlanRecord; note: string; by: PersonRef }
  | { type: 'plan.clarificationRequested'; plan: PlanRecord; clarificationId: string; question: string; askedBy: PersonRef }
  | { type: 'plan.clarificationAnswered'; clarification: ClarificationRecord; answer: string; by: PersonRef; stillOpen: boolean }
  | { type: 'feedback.given'; feedback: FeedbackView }
  | { type: 'feedback.replied'; feedback: FeedbackView }
  /** `by`: the name of who recorded it; null for HR (at the CLI). */
  | { type: 'leave.recorded'; employee: PersonRef; by: string | null; start: string; end: string }
  | { type: 'feedback.requested'; requestId: string; requester: PersonRef; supervisor: PersonRef; rhk: { id: string; text: string } | null; topic: string }
  /** A final result reaches its employee now (on finalising, or when they can next be reached): their objection period starts. */
  | { type: 'evaluation.resultSent'; result: EvaluationResult }
  | { type: 'evaluation.acknowledged'; evaluation: EvaluationRef }
  /** The organisation's leader sent a proposal back to its rater with a note. */
  | { type: 'evaluation.returned'; rater: PersonRef; employee: string; periodKey: string; note: string; by: PersonRef }
  /** The organisation's leader established the distribution: `count` of the rater's proposals are final and sent. */
  | { type: 'penetapan.established'; rater: PersonRef; count: number; organisation: string; periodKey: string; by: PersonRef }
  /** The penetapan's document (Format Penetapan Predikat Kinerja) goes to whoever established or recorded it, to sign and file. */
  | { type: 'penetapan.document'; to: PersonRef; penetapanId: string }
  /** `leader`: the unit's leader to tell, unless they set it themselves (as HR). */
  | { type: 'unitPredikat.set'; set: UnitPredikatSet; by: PersonRef; leader: PersonRef | null }
  | { type: 'objection.filed'; objection: ObjectionView }
  | { type: 'objection.explanationRequested'; objection: ObjectionView; party: PersonRef; by: PersonRef }
  | { type: 'objection.explained'; objection: ObjectionView; explanation: string; by: PersonRef }
  | { type: 'objection.decided'; objection: ObjectionView; by: PersonRef }
  /** `decider`: who gets it to decide (the superior who hears keberatan); null when there is none. */
  | { type: 'followUp.recommended'; followUp: FollowUpView; recorders: PersonRef[]; by: PersonRef }
  | { type: 'followUp.decided'; followUp: FollowUpView; by: PersonRef | null }
  | { type: 'creditPoints.recorded'; assessment: CreditPointView }
  | { type: 'development.recorded'; session: SessionView; recipient: PersonRef | null }
  | { type: 'development.rated'; session: FeedbackOpen; rating: GuidanceRating; recipient: PersonRef | null }
  | { type: 'development.competenciesEvaluated'; session: SessionView; rows: CompetencyRow[] }
  /** A Plt/Plh recorded (`by`: the HR officer; null at the CLI). */
  | { type: 'acting.recorded'; assignment: ActingView; by: { id: string; name: string } | null }
  /** A Plt/Plh ended early: `assignment.end` is its new last day. */
  | { type: 'acting.ended'; assignment: ActingView; by: { id: string; name: string } | null };
