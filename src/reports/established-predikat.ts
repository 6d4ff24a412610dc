/**
 * The predikat an export gives as established (ditetapkan): an evaluation is established once the
 * organisation's leader made it final (ESTABLISHED_STATUSES, services/penetapan-service.ts – a
 * proposal is not); after a keberatan decision that changed the result, the decided predikat stands
 * (PP 30/2019 Pasal 59: the Atasan PPK decides the keberatan, and the decision is final).
 */
import type { EmployeePredikat, EvaluationStatus, ObjectionStatus } from '../generated/prisma/client.js';
import { ESTABLISHED_STATUSES } from '../services/penetapan-service.js';

const ESTABLISHED: ReadonlySet<EvaluationStatus> = new Set(ESTABLISHED_STATUSES);

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
