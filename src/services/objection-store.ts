/** Keberatan in PostgreSQL: reads for deciding, guarded writes applied when the unit of work commits. */
import type { Reader } from './db.js';
import { deciderFor, externalDeciderFor } from './evaluations.js';
import type { AppraisedEvaluation, ObjectionStore, ObjectionView } from './objection-service.js';
import { hrCovering, standsFor } from './people.js';
import type { UnitOfWork } from './work.js';

const person = { select: { id: true, name: true, locale: true } } as const;

const evaluationSelect = {
  id: true,
  periodKey: true,
  status: true,
  resultsRating: true,
  behaviourRating: true,
  predikat: true,
  notes: true,
  feedback: true,
  deliveredAt: true,
  finalizedAt: true,
  employee: person,
  rater: { select: { id: true, name: true, locale: true, active: true } },
  recordedForOfficialId: true,
  objection: { select: { id: true } },
} as const;

type EvaluationRow = {
  id: string;
  periodKey: string;
  status: AppraisedEvaluation['status'];
  resultsRating: AppraisedEvaluation['result']['resultsRating'];
  behaviourRating: AppraisedEvaluation['result']['behaviourRating'];
  predikat: AppraisedEvaluation['result']['predikat'];
  notes: string | null;
  feedback: string | null;
  deliveredAt: Date | null;
  finalizedAt: Date | null;
  employee: AppraisedEvaluation['employee'];
  rater: AppraisedEvaluation['rater'] & { active: boolean };
  recordedForOfficialId: string | null;
  objection: { id: string } | null;
};

function appraised(row: EvaluationRow): AppraisedEvaluation {
  const { resultsRating, behaviourRating, predikat, notes, feedback, objection, rater, recordedForOfficialId, ...rest } = row;
  const { active, ...raterRef } = rater;
  return {
    ...rest,
    rater: raterRef,
    result: { resultsRating, behaviourRating, predikat, notes, feedback },
    objected: objection !== null,
    raterCanExplain: active && recordedForOfficialId === null,
  };
}

export function objectionStore(db: Reader, work: UnitOfWork): ObjectionStore {
  return {
    async evaluation(id) {
      const row = await db.evaluation.findUnique({ where: { id }, select: evaluationSelect });
      return row ? appraised(row) : null;
    },
    decider: (evaluationId) => deciderFor(db, evaluationId, work.now),
    externalDecider: (evaluationId) => externalDeciderFor(db, evaluationId, work.now),
    recordersFor: (employeeId) => hrCovering(db, employeeId),
    async find(id) {
      const row = await db.objection.findUnique({
        where: { id },
        select: {
          id: true,
          status: true,
          reasons: true,
          employeeExplanation: true,
          raterExplanation: true,
          decision: true,
          decisionNote: true,
          changedResultsRating: true,
          changedBehaviourRating: true,
          changedPredikat: true,
          decider: person,
          externalDecider: { select: { id: true, name: true, title: true } },
          evaluation: { select: evaluationSelect },
        },
      });
      if (!row) return null;
      const { changedResultsRating, changedBehaviourRating, changedPredikat, evaluation, externalDecider, ...rest } = row;
      const changed = changedResultsRating && changedBehaviourRating && changedPredikat ? { resultsRating: changedResultsRating, behaviourRating: changedBehaviourRating, predikat: changedPredikat } : null;
      return { ...rest, changed, evaluation: appraised(evaluation), external: externalDecider } satisfies ObjectionView;
    },
    actsFor: (actor, personId) => standsFor(db, actor, personId, work.now),
    file(row) {
      // Guarded by status: an evaluation accepted or objected to meanwhile (another device) cannot be objected to.
      work.guarded(`evaluation.object ${row.evaluationId}`, (tx) => tx.evaluation.updateMany({ where: { id: row.evaluationId, status: 'FINAL' }, data: { status: 'OBJECTED' } }));
      work.change(`objection.insert ${row.id}`, (tx) => tx.objection.create({ data: row }));
    },
    review(id) {
      work.guarded(`objection.review ${id}`, (tx) => tx.objection.updateMany({ where: { id, status: { not: 'DECIDED' } }, data: { status: 'UNDER_REVIEW' } }));
    },
    explain(id, field, text) {
      work.guarded(`objection.explain ${id}`, (tx) => tx.objection.updateMany({ where: { id, status: { not: 'DECIDED' } }, data: { [field]: text } }));
    },
    decide(id, evaluationId, decision) {
      work.guarded(`objection.decide ${id}`, (tx) => tx.objection.updateMany({ where: { id, status: { not: 'DECIDED' } }, data: { status: 'DECIDED', ...decision } }));
      work.change(`evaluation.decided ${evaluationId}`, (tx) => tx.evaluation.update({ where: { id: evaluationId }, data: { status: 'DECIDED' } }));
    },
  };
}
