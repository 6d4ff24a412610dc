/**
 * Evaluations: the one place their life is decided. The rater (the supervisor, or a Plt/Plh)
 * drafts an evaluation while the period's window is open – as often as needed until it is final;
 * a report who leads a unit gets the results rating the unit's predikat sets. Once the whole team
 * is rated, the rater finalises the drafts they confirmed (a set that breaks the curve, or cannot
 * be checked against it, only with a written reason); each employee receives the result now, or
 * when they can next be reached – their objection period starts then – and may accept it. Every
 * status write is guarded, so a second device, a stale button or two instances cannot move an
 * evaluation backwards.
 */
import type { CivilDate } from '../domain/civil-date.js';
import { finalisableFrom, objectionLastDay, windowSettingOf, windowState } from '../domain/evaluation-window.js';
import { isEvaluatedPeriod, type FinalEvaluation } from '../domain/final-evaluation.js';
import { compareCivilDates } from '../domain/civil-date.js';
import type { Period, PeriodCadence } from '../domain/periods.js';
import { formatCivilDate } from '../domain/civil-date.js';
import type { ExternalOfficialRef } from './skp-service.js';
import { predikatFor, resultsRatingForUnitLeader, type EmployeePredikat, type Rating, type UnitPredikat } from '../domain/rating-matrix.js';
import { localDate } from '../domain/time-zones.js';
import type { EvaluationStatus } from '../generated/prisma/enums.js';
import { authorise, type Access, type Denied } from './access.js';
import type { DomainEvent, PersonRef } from './events.js';
import { kindOf, teamStatusFrom, type PendingEvaluation, type TeamReads, type TeamStatus } from './evaluations.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import { partWithin, skpPartsOf, type SkpPart } from '../domain/skp-period.js';
import type { StoredSkpPeriod } from './skp-periods.js';
import { ok, refused, type Done, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** An agency's evaluation settings. */
export interface EvaluationSettings {
  periodCadence: PeriodCadence;
  evaluationOpensDays: number;
  evaluationClosesDays: number;
  /** Whether the year has its own evaluation, or the last periodic one closes it (domain/final-evaluation.ts). */
  finalEvaluation: FinalEvaluation;
}

/** The ratings, predikat and words of an evaluation. */
export interface Ratings {
  resultsRating: Rating | null;
  behaviourRating: Rating | null;
  predikat: EmployeePredikat | null;
  notes: string | null;
  feedback: string | null;
}

/** A finalised evaluation as its employee receives it. */
export interface EvaluationResult extends Ratings {
  id: string;
  periodKey: string;
  /** The days evaluated, when a move this year split the period between two SKP periods; null otherwise. */
  skp: SkpPart | null;
  employee: PersonRef;
  rater: PersonRef;
  /** Who hears a keberatan; null when nobody above the rater is in the bot. */
  decider: PersonRef | null;
  /** The Atasan PPK outside the bot who hears it then (a Gubernur); HR records their decision. */
  deciderOutside: { name: string; title: string } | null;
  /** Set when HR recorded the evaluation of a PPK outside the bot (`rater` is then that HR officer). */
  recordedFor: RecordedEvaluation | null;
  /** The last day a keberatan is accepted: counted from this delivery, in the employee's time zone. */
  lastDay: CivilDate;
}

/** What the store reads for a result message. */
export interface ResultSource extends Omit<EvaluationResult, 'lastDay'> {
  employeeTimeZone: string;
  employeeAgencyId: string;
}

/** An evaluation as accepting it needs it. */
export interface EvaluationRef {
  id: string;
  status: EvaluationStatus;
  periodKey: string;
  employee: PersonRef;
  rater: PersonRef;
}

/** The evaluation an official outside the bot decided, as HR recorded it. */
export interface RecordedEvaluation {
  name: string;
  title: string;
  documentNumber: string;
  /** "YYYY-MM-DD". */
  decidedOn: string;
}

/** A draft's fields, as written. */
export interface DraftFields {
  raterId: string;
  resultsRating: Rating;
  behaviourRating: Rating;
  predikat: EmployeePredikat;
  notes: string | null;
  feedback: string | null;
}

/** Where evaluations are kept. Writes take effect when the unit of work commits. */
export interface EvaluationStore extends TeamReads {
  settings(agencyId: string): Promise<EvaluationSettings>;
  find(id: string): Promise<EvaluationRef | null>;
  /** The evaluation of one employee for one period and SKP period (its natural key), if any. */
  ofPeriod(employeeId: string, period: Period, skpPart: string): Promise<{ id: string; status: EvaluationStatus } | null>;
  /** The employee's closed SKP periods in `year` (moves; domain/skp-period.ts). */
  closedPeriodsOf(employeeId: string, year: number): Promise<StoredSkpPeriod[]>;
  /** Whether `actor` rates a closed SKP period: its PPK then (or their Plt/Plh), else the employee's PPK today. */
  ratesClosedPeriod(actor: Member, period: StoredSkpPeriod): Promise<boolean>;
  person(id: string): Promise<(PersonRef & { supervisorId: string | null; timeZone: string }) | null>;
  result(id: string): Promise<ResultSource | null>;
  /** Final results not delivered yet, oldest first. */
  waiting(employeeId: string): Promise<string[]>;
  /** Guarded: a draft made meanwhile for the same employee and period (another device) takes the key first. */
  insertDraft(row: DraftFields & { id: string; employeeId: string; kind: 'PERIODIC' | 'ANNUAL'; year: number; periodKey: string; skpPart: string }): void;
  /** Guarded: only a draft. */
  redraft(id: string, fields: DraftFields): void;
  /** The officials outside the bot in the employee's rating line today (PPK, Atasan PPK). */
  officialsOutside(employeeId: string): Promise<{ ppk: ExternalOfficialRef | null; atasanPpk: ExternalOfficialRef | null }>;
  /** A final evaluation HR recorded for an official outside the bot. Guarded: the period's key must be free. */
  insertRecorded(row: DraftFields & { id: string; employeeId: string; kind: 'PERIODIC' | 'ANNUAL'; year: number; periodKey: string; at: Date; delivered: boolean; officialId: string; documentNumber: string; decidedOn: string }): void;
  /** Guarded: only a draft of `raterId`; it becomes a proposal the organisation's leader establishes. */
  propose(id: string, change: { raterId: string; at: Date }): void;
  /** Guarded: only a final evaluation nobody answered yet. */
  acknowledge(id: string, at: Date): void;
  /** Guarded: only a result not delivered yet. */
  markDelivered(id: string, at: Date): void;
}

/** Whether a person can be reached in chat now: a result is delivered – and its objection period starts – only then. */
export interface Reachability {
  reachable(employeeId: string): Promise<boolean>;
}

/** Why an evaluation could not be drafted, finalised or accepted. */
export type EvaluationRefusal =
  | Denied
  | { code: 'NOT_OPEN'; period: Period }
  /** Drafts may be written, but results are established only after the period's last day. */
  | { code: 'NOT_ENDED'; period: Period; from: CivilDate }
  /** The employee's SKP period (in force, or the closed one named) shares no day with the evaluation period. */
  | { code: 'OUTSIDE_SKP_PERIOD'; name: string; period: Period }
  | { code: 'ALREADY_FINAL'; name: string; period: Period }
  | { code: 'NOT_ALL_RATED'; names: string[] }
  | { code: 'STALE_LEADERS'; names: string[] }
  | { code: 'NOTHING_TO_FINALIZE'; period: Period }
  /** The drafts changed since the rater confirmed them, or a reason is now needed. */
  | { code: 'TEAM_CHANGED' }
  | { code: 'NOT_YOURS' }
  | { code: 'ALREADY_ANSWERED' }
  /** HR records an evaluation only for a PPK outside the bot; this one rates in chat. */
  | { code: 'PPK_IN_BOT' }
  /** The period's evaluation window has not opened yet. */
  | { code: 'NOT_YET'; period: Period }
  /** The document is dated in the future. */
  | { code: 'DECIDED_LATER' };

/** A saved draft, and the team as it will be once it is stored. */
export interface Drafted {
  id: string;
  employee: { id: string; name: string };
  /** The days evaluated when a move split the period; null otherwise. */
  skp: SkpPart | null;
  results: Rating;
  behaviour: Rating;
  predikat: EmployeePredikat;
  /** Whose team it belongs to: the employee's supervisor. */
  leaderId: string;
  pending: PendingEvaluation;
}

/** A team ready to be proposed: where it stands, and what the rater confirms. */
export interface Finalizing {
  status: TeamStatus;
  /** The drafts as confirmed (id and last change): a draft changed before the end stops proposing. */
  snapshot: string;
  draftIds: string[];
}

export interface EvaluationDependencies {
  evaluations: EvaluationStore;
  access: Access;
  reach: Reachability;
  work: UnitOfWork;
  newId: () => string;
}

export class EvaluationService {
  constructor(private readonly deps: EvaluationDependencies) {}

  /** Whether `period` may be evaluated today in `actor`'s agency. */
  async isOpen(actor: Member, period: Period): Promise<boolean> {
    const settings = await this.deps.evaluations.settings(actor.agencyId);
    return isEvaluatedPeriod(period, settings.finalEvaluation) && windowState(period, localDate(this.deps.work.now, actor.timeZone), windowSettingOf(settings)) === 'OPEN';
  }

  /** The rating and unit a report's results rating follows when they lead a unit whose predikat is set; null otherwise. */
  async leaderRule(employeeId: string, period: Period): Promise<{ unit: string; predikat: UnitPredikat; rating: Rating } | null> {
    const led = await this.deps.evaluations.ledUnitPredikat(employeeId, period.key);
    return led ? { ...led, rating: resultsRatingForUnitLeader(led.predikat) } : null;
  }

  /** Null when the report's evaluation for the period (and SKP period) may still be written; otherwise why not. */
  async alreadyFinal(employeeId: string, period: Period, skpPart = ''): Promise<Extract<EvaluationRefusal, { code: 'ALREADY_FINAL' }> | null> {
    const existing = await this.deps.evaluations.ofPeriod(employeeId, period, skpPart);
    if (!existing || existing.status === 'DRAFT') return null;
    return { code: 'ALREADY_FINAL', name: (await this.deps.evaluations.person(employeeId))?.name ?? '', period };
  }

  /**
   * Who may rate which days of `period` for an employee: the SKP period in force goes to today's PPK
   * (access rules), a closed one to its PPK then (domain/skp-period.ts). Null when `actor` may not.
   */
  private async partToRate(actor: Member, employeeId: string, period: Period, skpPart: string): Promise<Result<{ skp: SkpPart | null; leaderId: string | null }, EvaluationRefusal>> {
    const { evaluations, work } = this.deps;
    const closed = await evaluations.closedPeriodsOf(employeeId, period.year);
    const outside = async () => refused<EvaluationRefusal>({ code: 'OUTSIDE_SKP_PERIOD', name: (await evaluations.person(employeeId))?.name ?? '', period });
    if (!skpPart) {
      const denied = await authorise(this.deps.access, work, actor, 'EVALUATE', employeeId);
      if (denied) return refused(denied);
      const part = skpPartsOf(period, closed).find((p) => p.part === '');
      return part ? ok({ skp: closed.length > 0 ? part : null, leaderId: null }) : outside();
    }
    const stored = closed.find((c) => c.id === skpPart);
    if (!stored || !(await evaluations.ratesClosedPeriod(actor, stored))) {
      work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'access.denied', entityType: 'Employee', entityId: employeeId, details: { attempted: 'EVALUATE', skpPart } });
      return refused({ code: 'DENIED', action: 'EVALUATE', reason: 'NOT_PERMITTED' });
    }
    const part = partWithin(period, { part: stored.id, from: stored.startsOn, to: stored.endsOn });
    return part ? ok({ skp: part, leaderId: stored.supervisorId }) : outside();
  }

  /**
   * The rater saves a draft (again, as often as needed, until it is final). `results` is ignored
   * when the report leads a unit whose predikat is set: it decides their results rating. `skpPart`
   * names a closed SKP period when a move split the year ("" or absent: the period in force).
   */
  async draft(
    actor: Member,
    input: { employeeId: string; period: Period; skpPart?: string; results: Rating | null; behaviour: Rating | null; notes: string | null; feedback: string | null },
  ): Promise<Result<Drafted, EvaluationRefusal>> {
    const { evaluations, work } = this.deps;
    const { employeeId, period } = input;
    const skpPart = input.skpPart ?? '';
    const rated = await this.partToRate(actor, employeeId, period, skpPart);
    if (!rated.ok) return rated;
    if (!(await this.isOpen(actor, period))) return refused({ code: 'NOT_OPEN', period });
    const employee = await evaluations.person(employeeId);
    const existing = await evaluations.ofPeriod(employeeId, period, skpPart);
    if (existing && existing.status !== 'DRAFT') return refused({ code: 'ALREADY_FINAL', name: employee?.name ?? '', period });
    // The unit-leader rule is applied again here: the unit's predikat may have been set meanwhile.
    const results = (await this.leaderRule(employeeId, period))?.rating ?? input.results ?? 'SESUAI';
    const behaviour = input.behaviour ?? 'SESUAI';
    const predikat = predikatFor(results, behaviour);
    const fields: DraftFields = { raterId: actor.id, resultsRating: results, behaviourRating: behaviour, predikat, notes: input.notes, feedback: input.feedback };
    const id = existing?.id ?? this.deps.newId();
    // Only a draft may change: an evaluation finalised meanwhile (another device) stays as sent.
    if (existing) evaluations.redraft(id, fields);
    else evaluations.insertDraft({ id, employeeId, kind: kindOf(period), year: period.year, periodKey: period.key, skpPart, ...fields });
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'evaluation.drafted', entityType: 'Evaluation', entityId: id, details: { employeeId, periodKey: period.key, skpPart, results, behaviour, predikat } });
    const pending: PendingEvaluation = { id, employeeId, skpPart, status: 'DRAFT', updatedAt: work.now, rater: { name: actor.name }, ...fields };
    // A closed SKP period is finalised with the team the employee was in then.
    const leaderId = rated.value.leaderId ?? (skpPart ? actor.id : (employee?.supervisorId ?? actor.id));
    return ok({ id, employee: { id: employeeId, name: employee?.name ?? '' }, skp: rated.value.skp, results, behaviour, predikat, leaderId, pending });
  }

  /** Where `leaderId`'s team stands for the period, as `actor` rates it. */
  teamStatus(actor: Member, period: Period, leaderId: string, pending: PendingEvaluation[] = []): Promise<TeamStatus> {
    return teamStatusFrom(this.deps.evaluations, actor, period, leaderId, pending);
  }

  /** Null once the period is over (results may be established); otherwise the first day they may. */
  notEndedFor(actor: Member, period: Period): CivilDate | null {
    const from = finalisableFrom(period);
    return compareCivilDates(localDate(this.deps.work.now, actor.timeZone), from) < 0 ? from : null;
  }

  /** Whether `actor` may finalise `leaderId`'s team now: the period is over and its window open, everyone rated, no unit head's draft to redo, a draft left. */
  async openForFinalizing(actor: Member, period: Period, leaderId: string): Promise<Result<Finalizing, EvaluationRefusal>> {
    if (!(await this.isOpen(actor, period))) return refused({ code: 'NOT_OPEN', period });
    const from = this.notEndedFor(actor, period);
    if (from) return refused({ code: 'NOT_ENDED', period, from });
    const status = await this.teamStatus(actor, period, leaderId);
    if (status.unrated.length > 0) return refused({ code: 'NOT_ALL_RATED', names: status.unrated.map((u) => u.name) });
    if (status.staleLeaders.length > 0) return refused({ code: 'STALE_LEADERS', names: status.staleLeaders.map((u) => u.name) });
    const drafts = status.team.filter((m) => m.evaluation?.status === 'DRAFT');
    if (drafts.length === 0) return refused({ code: 'NOTHING_TO_FINALIZE', period });
    const snapshot = drafts
      .map((m) => `${m.evaluation?.id}@${m.evaluation?.updatedAt.toISOString()}`)
      .sort()
      .join(',');
    const draftIds = drafts.map((m) => m.evaluation?.id ?? '').sort();
    return ok({ status, snapshot, draftIds });
  }

  /**
   * Proposes the drafts the rater confirmed (`confirmed`: the snapshot they saw) to the leader of
   * their organisation, who establishes the whole distribution (services/penetapan-service.ts):
   * nothing reaches the employees yet, and the curve on the team alone is only advice.
   */
  async propose(actor: Member, input: { period: Period; leaderId: string; confirmed: string }): Promise<Result<{ count: number }, EvaluationRefusal>> {
    const { evaluations, work } = this.deps;
    // Checked again at the end: a draft may have changed, or the window closed, meanwhile.
    const open = await this.openForFinalizing(actor, input.period, input.leaderId);
    if (!open.ok) return open;
    const { status, snapshot, draftIds } = open.value;
    if (snapshot !== input.confirmed) return refused({ code: 'TEAM_CHANGED' });
    // Guarded by status: a second proposal (another device) makes this one decide again, and it finds nothing to propose.
    for (const id of draftIds) evaluations.propose(id, { raterId: actor.id, at: work.now });
    work.audit({
      agencyId: actor.agencyId,
      actorId: actor.id,
      action: 'evaluation.proposed',
      entityType: 'Unit',
      entityId: status.unit.id,
      details: { periodKey: input.period.key, count: draftIds.length, unitPredikat: status.unitPredikat, teamViolations: status.curve?.violations.map((v) => v.ruleId) ?? [] },
    });
    return ok({ count: draftIds.length });
  }

  /**
   * Results finalised while the employee could not be reached, delivered now; their objection
   * period starts with this delivery. `present`: the person is in this chat right now (they just
   * linked), so they are reached whatever their accounts say. Each is marked delivered – guarded,
   * so two accounts of the same person talking at once deliver it once (the second decides again
   * and finds nothing waiting).
   */
  async deliverWaiting(employeeId: string, options: { present?: boolean } = {}): Promise<Done<{ count: number }>> {
    const { evaluations, work } = this.deps;
    const waiting = await evaluations.waiting(employeeId);
    if (waiting.length === 0 || !(options.present || (await this.deps.reach.reachable(employeeId)))) return ok({ count: 0 });
    const events: DomainEvent[] = [];
    for (const id of waiting) {
      const result = await this.resultOf(id);
      if (!result) continue;
      evaluations.markDelivered(id, work.now);
      events.push({ type: 'evaluation.resultSent', result });
    }
    return ok({ count: events.length }, events);
  }

  /** Null when `actor` may record evaluations for officials outside the bot about the employee (HR covering them); otherwise why not. */
  recordingDenied(actor: Member, employeeId: string): Promise<Denied | null> {
    return authorise(this.deps.access, this.deps.work, actor, 'RECORD_FOR_OFFICIAL', employeeId);
  }

  /**
   * HR (the pengelola kinerja covering the employee) records the evaluation an official outside the
   * bot decided – the head of the agency's, by the Gubernur – with the document's number and date. It
   * is final at once (the official signed it) and goes to the employee like any result: a keberatan
   * then goes to the Atasan PPK, who is usually the same official, and HR records that decision too.
   * Audited as recorded by HR for that official.
   */
  async recordForOfficial(
    actor: Member,
    input: { employeeId: string; period: Period; results: Rating; behaviour: Rating; notes: string | null; feedback: string | null; documentNumber: string; decidedOn: string },
  ): Promise<Result<{ delivered: boolean; official: ExternalOfficialRef; predikat: EmployeePredikat }, EvaluationRefusal>> {
    const { evaluations, work } = this.deps;
    const { employeeId, period } = input;
    const denied = await this.recordingDenied(actor, employeeId);
    if (denied) return refused(denied);
    const officials = await evaluations.officialsOutside(employeeId);
    if (!officials.ppk) return refused({ code: 'PPK_IN_BOT' });
    const today = localDate(work.now, actor.timeZone);
    if (windowState(period, today, windowSettingOf(await evaluations.settings(actor.agencyId))) === 'NOT_YET') return refused({ code: 'NOT_YET', period });
    if (input.decidedOn > formatCivilDate(today)) return refused({ code: 'DECIDED_LATER' });
    const employee = await evaluations.person(employeeId);
    // Recorded once: any evaluation of the period already there (an official's result is never a draft) stands.
    if (await evaluations.ofPeriod(employeeId, period, '')) return refused({ code: 'ALREADY_FINAL', name: employee?.name ?? '', period });
    const results = (await this.leaderRule(employeeId, period))?.rating ?? input.results;
    const predikat = predikatFor(results, input.behaviour);
    const fields: DraftFields = { raterId: actor.id, resultsRating: results, behaviourRating: input.behaviour, predikat, notes: input.notes, feedback: input.feedback };
    const id = this.deps.newId();
    const delivered = await this.deps.reach.reachable(employeeId);
    const official = officials.ppk;
    const decision = { documentNumber: input.documentNumber, decidedOn: input.decidedOn };
    evaluations.insertRecorded({ id, employeeId, kind: kindOf(period), year: period.year, periodKey: period.key, ...fields, at: work.now, delivered, officialId: official.id, ...decision });
    work.audit({
      agencyId: actor.agencyId,
      actorId: actor.id,
      action: 'evaluation.recorded',
      entityType: 'Evaluation',
      entityId: id,
      details: { employeeId, periodKey: period.key, predikat, recordedByHrFor: `${official.name}, ${official.title}`, ...decision },
    });
    if (!delivered) return ok({ delivered, official, predikat });
    const result: EvaluationResult = {
      id,
      periodKey: period.key,
      skp: null,
      ...fields,
      resultsRating: results,
      employee: employee ? { id: employee.id, name: employee.name, locale: employee.locale } : { id: employeeId, name: '', locale: 'id' },
      rater: personOf(actor),
      decider: null,
      deciderOutside: officials.atasanPpk,
      recordedFor: { name: official.name, title: official.title, ...decision },
      lastDay: objectionLastDay(work.now, employee?.timeZone ?? actor.timeZone),
    };
    return ok({ delivered, official, predikat }, [{ type: 'evaluation.resultSent', result }]);
  }

  /** The employee accepts a final result; the rater is told. Once: a result accepted or objected to stays so. */
  async acknowledge(actor: Member, evaluationId: string): Promise<Result<EvaluationRef, EvaluationRefusal>> {
    const { evaluations, work } = this.deps;
    const evaluation = await evaluations.find(evaluationId);
    if (!evaluation || evaluation.employee.id !== actor.id) return refused({ code: 'NOT_YOURS' });
    if (evaluation.status !== 'FINAL') return refused({ code: 'ALREADY_ANSWERED' });
    evaluations.acknowledge(evaluation.id, work.now);
    work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'evaluation.acknowledged', entityType: 'Evaluation', entityId: evaluation.id });
    const acknowledged: EvaluationRef = { ...evaluation, status: 'ACKNOWLEDGED', employee: personOf(actor) };
    return ok(acknowledged, [{ type: 'evaluation.acknowledged', evaluation: acknowledged }]);
  }

  /** The result of an evaluation as received now (the last day to object counts from now). */
  private resultOf(id: string): Promise<EvaluationResult | null> {
    return resultNow(this.deps.evaluations, id, this.deps.work.now);
  }
}

/** The result of an evaluation as received at `now` (the last day to object counts from then). */
export async function resultNow(store: Pick<EvaluationStore, 'result'>, id: string, now: Date): Promise<EvaluationResult | null> {
  const source = await store.result(id);
  if (!source) return null;
  const { employeeTimeZone, employeeAgencyId: _agency, ...result } = source;
  return { ...result, lastDay: objectionLastDay(now, employeeTimeZone) };
}
