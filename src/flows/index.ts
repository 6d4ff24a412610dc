/** Every flow the bot runs, for the engine. */
import type { FlowContext } from '../bot/context.js';
import type { FlowDefinition } from '../conversation/flow.js';
import { checkinFlow } from './checkin.js';
import { clarifyAnswerFlow, clarifyFlow } from './clarification.js';
import { expectationsFlow } from './expectations.js';
import { feedbackFlow, feedbackReplyFlow, feedbackRequestFlow } from './feedback.js';
import { leaveFlow } from './leave.js';
import { obstacleFlow, obstacleResponseFlow } from './obstacles.js';
import { progressFlow } from './progress.js';
import { scheduleFlow } from './schedule.js';
import { unitPredikatFlow } from './unit-predikat.js';
import { competencyEvaluationFlow, developmentFlow, developmentRatingFlow } from './development.js';
import { evaluationFlow } from './evaluation.js';
import { exportFlow } from './export.js';
import { periodSettingsFlow } from './period-settings.js';
import { actingFlow } from './acting.js';
import { evaluationFinalizeFlow } from './evaluation-finalize.js';
import { followUpDecisionFlow, followUpFlow } from './follow-up.js';
import { creditPointsFlow } from './credit-points.js';
import { objectionDecisionFlow, objectionExplanationFlow, objectionFlow } from './objection.js';
import { ownSkpFlow } from './own-skp.js';
import { skpRecordFlow, skpReturnFlow } from './skp-penetapan.js';
import { evaluationRecordFlow } from './evaluation-record.js';
import { penetapanFlow } from './penetapan.js';

export const FLOWS: FlowDefinition<FlowContext>[] = [
  expectationsFlow,
  clarifyFlow,
  clarifyAnswerFlow,
  feedbackFlow,
  feedbackReplyFlow,
  feedbackRequestFlow,
  progressFlow,
  obstacleFlow,
  obstacleResponseFlow,
  checkinFlow,
  leaveFlow,
  scheduleFlow,
  unitPredikatFlow,
  developmentFlow,
  developmentRatingFlow,
  competencyEvaluationFlow,
  evaluationFlow,
  evaluationFinalizeFlow,
  penetapanFlow,
  objectionFlow,
  objectionExplanationFlow,
  objectionDecisionFlow,
  followUpFlow,
  followUpDecisionFlow,
  creditPointsFlow,
  exportFlow,
  periodSettingsFlow,
  ownSkpFlow,
  skpReturnFlow,
  skpRecordFlow,
  evaluationRecordFlow,
  actingFlow,
];
