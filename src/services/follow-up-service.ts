/**
 * Follow-up (tindak lanjut): the one place its life is decided. The rater (or their Plt/Plh) only
 * proposes (usulan) a penghargaan, pengembangan or penempatan (mutasi/promosi/demosi) on an evaluation
 * past the draft stage. The decision is the authorised official's – the Pejabat Pembina Kepegawaian or
 * the pejabat yang berwenang – on the consideration of the Tim Penilai Kinerja PNS, usually outside
 * the bot; HR covering the employee records it with the decision document's number and date (in chat
 * or at the CLI), once: the write is guarded. Neither the rater nor the rater's superior decides
 * (regulation-audit §1.9). A free-text "sanksi" is no longer proposed: a Kurang/Misconduct result
 * points to the disciplinary route (src/domain/follow-up.ts).
 */
import { compareCivilDates, formatCivilDate, parseCivilDate } from '../domain/civil-date.js';
import { isProposable } from '../domain/follow-up.js';
import { localDate } from '../domain/time-zones.js';
import type { FollowUpKind, FollowUpOutcome } from '../generated/prisma/enums.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** The authorised official's decision as HR records it from the document. */
export interface FollowUpDecision {
  outcome: FollowUpOutcome;
  /** The official who decided, as the document names them (name and title). */
  officialName: string;
  /** The Tim Penilai Kinerja PNS's consideration (e.g. its berita acara's number); optional. */
  considerationRef: string | null;
  documentNumber: string;
  /** The document's date, "YYYY-MM-DD". */
  decidedOn: string;
  note: string | null;
}

/** A proposal as the rules and the messages about it need it. */
export interface FollowUpView {
  id: string;
  kind: FollowUpKind;
  recommendation: string;
  /** When HR recorded the decision; null while it waits for one. */
  decidedAt: Date | null;
  decided: FollowUpDecision | null;
  /** A decision recorded before decisions carried a document (free text by the rater's superior); null otherwise. */
  legacyDecision?: string | null;
  evaluation: { id: string; periodKey: string; employee: PersonRef; rater: PersonRef };
}

/** Where follow-ups are kept. Writes take effect when the unit of work commits. */
export interface FollowUpStore {
  find(id: string): Promise<FollowUpView | null>;
  /** The employee's evaluation past the draft stage (finalised, accepted, objected to or decided); null otherwise. */
  finalEvaluation(id: string, employeeId: string): Promise<FollowUpView['evaluation'] | null>;
  /** HR covering the employee: who records the official's decision. */
  recordersFor(employeeId: string): Promise<PersonRef[]>;
  insert(row: { id: string; evaluationId: string; kind: FollowUpKind; recommendation: string }): void;
  /** Guarded: only a proposal not decided yet. */
  decide(id: string, decision: FollowUpDecision & { decidedById: string | null; decidedAt: Date }): void;
}

/** Why a follow-up could not be proposed or its decision recorded. */
export type FollowUpRefusal =
  | { code: 'NO_EVALUATION' }
  | { code: 'NOT_FOUND' }
  | { code: 'DECIDED' }
  | { code: 'NOT_RECORDER' }
  /** "SANKSI": a Kurang/Misconduct result goes to the disciplinary route instead. */
  | { code: 'DISCIPLINARY_ROUTE' }
  /** The official's name or the document's number is missing, or the date is not a date. */
  | { code: 'INCOMPLETE' }
  | { code: 'DATE_IN_FUTURE' }
  | Denied;

export interface FollowUpDependencies {
  followUps: FollowUpStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

/** Who records: HR in chat, or 'cli'. */
export type Recorder = Member | 'cli';

export class FollowUpService {
  constructor(private readonly deps: FollowUpDependencies) {}

  /** The rater (or Plt/Plh) proposes a follow-up; HR covering the employee gets it to record the official's decision. */
  async recommend(
    actor: Member,
    input: { employeeId: string; evaluationId: string; kind: FollowUpKind; recommendation: string },
  ): Promise<Result<{ followUp: FollowUpView; recorders: PersonRef[] }, FollowUpRefusal>> {
    const { followUps, work } = this.deps;
    if (!isProposable(input.kind)) return refused({ code: 'DISCIPLINARY_ROUTE' });
    const denied = await authorise(this.deps.access, work, actor, 'EVALUATE', input.employeeId);
    if (denied) return refused(denied);
    const evaluation = await followUps.finalEvaluation(input.evaluationId, input.employeeId);
    if (!evaluation) return refused({ code: 'NO_EVALUATION' });
    const id = this.deps.newId();
    followUps.insert({ id, evaluationId: evaluation.id, kind: input.kind, recommendation: input.recommendation });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'followUp.recommended', entityType: 'EvaluationFollowUp', entityId: id, details: { evaluationId: evaluation.id, kind: input.kind } });
    const recorders = (await followUps.recordersFor(evaluation.employee.id)).filter((p) => p.id !== actor.id);
    const followUp: FollowUpView = { id, kind: input.kind, recommendation: input.recommendation, decidedAt: null, decided: null, evaluation };
    return ok({ followUp, recorders }, [{ type: 'followUp.recommended', followUp, recorders, by: personOf(actor) }]);
  }

  /** Whether `actor` may (still) record the decision: HR covering the employee (or the CLI) – never the rater or the employee. */
  async openForDecision(actor: Recorder, followUpId: string): Promise<Result<FollowUpView, FollowUpRefusal>> {
    const followUp = await this.deps.followUps.find(followUpId);
    if (!followUp) return refused({ code: 'NOT_FOUND' });
    if (followUp.decidedAt) return refused({ code: 'DECIDED' });
    if (actor === 'cli') return ok(followUp);
    const { employee, rater } = followUp.evaluation;
    if (actor.id === rater.id || actor.id === employee.id) return refused({ code: 'NOT_RECORDER' });
    const decision = await this.deps.access.decide(actor, 'RECORD_FOR_OFFICIAL', employee.id);
    return decision.allowed ? ok(followUp) : refused({ code: 'NOT_RECORDER' });
  }

  /** Records the official's decision from its document, once; the rater and the employee are told. */
  async decide(actor: Recorder, followUpId: string, input: FollowUpDecision): Promise<Result<FollowUpView, FollowUpRefusal>> {
    const decision: FollowUpDecision = {
      ...input,
      officialName: input.officialName.trim(),
      documentNumber: input.documentNumber.trim(),
      considerationRef: input.considerationRef?.trim() || null,
      note: input.note?.trim() || null,
    };
    const date = parseCivilDate(decision.decidedOn);
    if (!decision.officialName || !decision.documentNumber || !date) return refused({ code: 'INCOMPLETE' });
    const { work } = this.deps;
    // The CLI checks the date against the agency's calendar itself (cli/commands/follow-up.ts).
    if (actor !== 'cli' && compareCivilDates(date, localDate(work.now, actor.timeZone)) > 0) return refused({ code: 'DATE_IN_FUTURE' });
    const open = await this.openForDecision(actor, followUpId);
    if (!open.ok) return open;
    const byId = actor === 'cli' ? null : actor.id;
    this.deps.followUps.decide(followUpId, { ...decision, decidedById: byId, decidedAt: work.now });
    work.audit({
      agencyId: actor === 'cli' ? null : actor.agencyId,
      ...(actor === 'cli' ? { actorLabel: 'cli' } : { actorId: actor.id }),
      action: 'followUp.decided',
      entityType: 'EvaluationFollowUp',
      entityId: followUpId,
      details: { outcome: decision.outcome, official: decision.officialName, documentNumber: decision.documentNumber, decidedOn: decision.decidedOn, considerationRef: decision.considerationRef },
    });
    const followUp: FollowUpView = { ...open.value, decidedAt: work.now, decided: decision };
    return ok(followUp, [{ type: 'followUp.decided', followUp, by: actor === 'cli' ? null : personOf(actor) }]);
  }
}

/** A follow-up row as stored. */
export interface FollowUpRow {
  id: string;
  kind: FollowUpView['kind'];
  recommendation: string;
  decision: string | null;
  decidedAt: Date | null;
  outcome: FollowUpOutcome | null;
  officialName: string | null;
  considerationRef: string | null;
  documentNumber: string | null;
  decidedOn: Date | null;
}

/** What a stored row says was decided: the official's decision with its document, or an older free-text one. */
export function decisionOfRow(row: FollowUpRow): Pick<FollowUpView, 'decided' | 'legacyDecision'> {
  const decided =
    row.outcome && row.decidedAt
      ? {
          outcome: row.outcome,
          officialName: row.officialName ?? '',
          considerationRef: row.considerationRef,
          documentNumber: row.documentNumber ?? '',
          decidedOn: row.decidedOn ? formatCivilDate({ year: row.decidedOn.getUTCFullYear(), month: row.decidedOn.getUTCMonth() + 1, day: row.decidedOn.getUTCDate() }) : '',
          note: row.decision,
        }
      : null;
  return { decided, legacyDecision: !decided && row.decidedAt ? (row.decision ?? '') : null };
}

/** A stored follow-up row as the service reads it. */
export function followUpViewOf(row: FollowUpRow & { evaluation: FollowUpView['evaluation'] }): FollowUpView {
  return { id: row.id, kind: row.kind, recommendation: row.recommendation, decidedAt: row.decidedAt, ...decisionOfRow(row), evaluation: row.evaluation };
}
