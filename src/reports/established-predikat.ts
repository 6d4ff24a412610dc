/**
 * The predikat an export gives as established (ditetapkan), in one place so the organisation-level
 * penetapan can replace the rule. Until then: an evaluation is established once finalised (FINAL,
 * ACKNOWLEDGED, OBJECTED, DECIDED); after a keberatan decision that changed the result, the decided
 * predikat stands (PP 30/2019 Pasal 59: the Atasan PPK decides the keberatan, and the decision is final).
 */
import type { EmployeePredikat, EvaluationStatus, ObjectionStatus } from '../generated/prisma/client.js';

const ESTABLISHED: ReadonlySet<EvaluationStatus> = new Set(['FINAL', 'ACKNOWLEDGED', 'OBJECTED', 'DECIDED']);

/** The parts of an evaluation the rule reads. */
export interface PredikatSource {
  status: EvaluationStatus;
  predikat: EmployeePredikat | null;
  objection: { status: ObjectionStatus; changedPredikat: EmployeePredikat | null } | null;
}

/** The established predikat of an evaluation, or null while it is a draft (or there is none). */
export function establishedPredikat(evaluation: PredikatSource | null): EmployeePredikat | null {
  if (!evaluation || !ESTABLISHED.has(evaluation.status)) return null;
  const decided = evaluation.objection?.status === 'DECIDED' ? evaluation.objection.changedPredikat : null;
  return decided ?? evaluation.predikat;
}
