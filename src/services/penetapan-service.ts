/**
 * Penetapan Predikat Kinerja (SE MenPANRB 3/2023): raters propose their people's results; the
 * leader of the organisation (domain/distribution-scope.ts: each OPD / unit kerja by default) sees
 * the whole distribution against its Capaian Kinerja Organisasi, with every broken rule explained,
 * and establishes it – or sends named proposals back to their raters with a note. Only then are the
 * results final and sent, and each employee's 14 days of keberatan start when theirs reaches them.
 * A distribution that breaks the curve needs the leader's written reason (never the rater's). The
 * leader's Plt/Plh acts for them; when the leader is outside the bot (or has left without a
 * Plt/Plh), HR covering the organisation records the penetapan with the document's number and date.
 */
import { createHash } from 'node:crypto';
import { hrCovers, isActingOn, unitPathsOf } from '../domain/access.js';
import type { CivilDate } from '../domain/civil-date.js';
import { checkCurve, countPredikats, type CurveResult } from '../domain/distribution-curve.js';
import { finalisableFrom } from '../domain/evaluation-window.js';
import { compareCivilDates, formatCivilDate } from '../domain/civil-date.js';
import { membershipOf, organisationFinder, organisationOf } from '../domain/distribution-scope.js';
import type { Period } from '../domain/periods.js';
import type { EmployeePredikat, UnitPredikat } from '../domain/rating-matrix.js';
import { localDate } from '../domain/time-zones.js';
import type { AccessContext } from '../domain/access.js';
import { resultNow, type EvaluationStore, type Reachability } from './evaluation-service.js';
import type { DomainEvent, PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** Statuses of an evaluation the penetapan made final (or that was final at once, recorded by HR). */
export const ESTABLISHED_STATUSES = ['FINAL', 'ACKNOWLEDGED', 'OBJECTED', 'DECIDED'] as const;

const isEstablished = (status: string) => (ESTABLISHED_STATUSES as readonly string[]).includes(status);

/** A unit as the tree and the authority need it. */
export interface OrgUnit {
  id: string;
  name: string;
  parentId: string | null;
  leader: (PersonRef & { active: boolean }) | null;
}

/** One person (one SKP part) expected in the organisation's distribution, with their evaluation. */
export interface OrgEntry {
  employeeId: string;
  name: string;
  skpPart: string;
  evaluation: {
    id: string;
    status: string;
    predikat: EmployeePredikat | null;
    rater: PersonRef;
    updatedAt: Date;
  } | null;
}

/** Where the penetapan reads and writes. Writes take effect when the unit of work commits. */
export interface PenetapanStore {
  units(agencyId: string): Promise<OrgUnit[]>;
  distributionLevel(agencyId: string): Promise<number>;
  accessContext(actor: Member): Promise<AccessContext>;
  /** Whoever acts for `personId` today (a Plt/Plh), if anyone. */
  hasActing(personId: string, date: string): Promise<boolean>;
  unitPredikat(unitId: string, periodKey: string): Promise<UnitPredikat | null>;
  /** Everyone in these units – and the people `alsoIds` – expected in the period's distribution (one entry per SKP part), except `leaderId`. */
  entries(unitIds: string[], period: Period, leaderId: string | null, alsoIds: string[]): Promise<OrgEntry[]>;
  insert(row: {
    id: string;
    agencyId: string;
    unitId: string;
    periodKey: string;
    unitPredikat: UnitPredikat;
    establishedById: string | null;
    recordedById: string | null;
    documentNumber: string | null;
    decidedOn: string | null;
    deviationReason: string | null;
    counts: Record<EmployeePredikat, number>;
    violations: string[];
  }): void;
  /** Guarded: only a proposal. */
  establish(evaluationId: string, change: { penetapanId: string; at: Date; reason: string | null; delivered: boolean }): void;
  /** Guarded: only a proposal; it becomes the rater's draft again, with the note. */
  sendBack(evaluationId: string, note: string): void;
}

/** How the actor stands to an organisation's penetapan. */
export type PenetapanAuthority = 'LEADER' | 'ACTING' | 'HR';

/** An organisation the actor may establish, or record the penetapan of. */
export interface OrganisationChoice {
  id: string;
  name: string;
  authority: PenetapanAuthority;
}

/** The organisation's distribution for a period, as its leader sees it. */
export interface OrganisationStatus {
  organisation: { id: string; name: string };
  leader: PersonRef | null;
  authority: PenetapanAuthority;
  unitPredikat: UnitPredikat | null;
  entries: OrgEntry[];
  /** Not proposed yet: no evaluation, or still the rater's draft. */
  waiting: OrgEntry[];
  proposed: OrgEntry[];
  established: OrgEntry[];
  /** Over the proposed and established results; null when the Capaian Kinerja Organisasi is not set. */
  curve: CurveResult | null;
  counts: Record<EmployeePredikat, number>;
  /** What the leader confirms: the proposals as seen (a change meanwhile stops the penetapan). */
  snapshot: string;
  /** The curve is broken (or cannot be met at this size): the leader writes a reason. */
  needsReason: boolean;
}

export type PenetapanRefusal =
  | { code: 'DENIED' }
  | { code: 'NO_CAPAIAN'; organisation: string; period: Period }
  | { code: 'NOT_ENDED'; period: Period; from: CivilDate }
  | { code: 'NOT_ALL_PROPOSED'; names: string[] }
  | { code: 'NOTHING_PROPOSED'; period: Period }
  | { code: 'CHANGED' }
  | { code: 'REASON_REQUIRED' }
  | { code: 'DOCUMENT_REQUIRED' }
  | { code: 'DECIDED_LATER' }
  | { code: 'NOT_PROPOSED' };

export interface PenetapanDependencies {
  penetapan: PenetapanStore;
  evaluations: EvaluationStore;
  reach: Reachability;
  work: UnitOfWork;
  newId: () => string;
}

export class PenetapanService {
  constructor(private readonly deps: PenetapanDependencies) {}

  /** The organisations whose penetapan `actor` establishes (their leader or Plt/Plh) or records (HR, when the leader is outside the bot). */
  async organisations(actor: Member): Promise<OrganisationChoice[]> {
    const { penetapan } = this.deps;
    const units = await penetapan.units(actor.agencyId);
    const level = await penetapan.distributionLevel(actor.agencyId);
    const ctx = await penetapan.accessContext(actor);
    const organisationOf = organisationFinder(units, level);
    const choices: OrganisationChoice[] = [];
    for (const unit of units) {
      if (organisationOf(unit.id) !== unit.id) continue;
      const authority = await this.authorityOver(actor, unit, units, ctx);
      if (authority) choices.push({ id: unit.id, name: unit.name, authority });
    }
    return choices;
  }

  /** The organisation whose leader establishes the results of people in `unitId`, with that leader. */
  async organisationOfUnit(agencyId: string, unitId: string): Promise<{ id: string; name: string; leader: PersonRef | null } | null> {
    const units = await this.deps.penetapan.units(agencyId);
    const level = await this.deps.penetapan.distributionLevel(agencyId);
    const org = units.find((unit) => unit.id === organisationOf(unitId, units, level));
    return org ? { id: org.id, name: org.name, leader: org.leader?.active ? org.leader : null } : null;
  }

  private async authorityOver(actor: Member, unit: OrgUnit, units: OrgUnit[], ctx: AccessContext): Promise<PenetapanAuthority | null> {
    const leader = unit.leader;
    if (leader?.id === actor.id && actor.active) return 'LEADER';
    if (leader && ctx.actingAssignments.some((a) => a.actingEmployeeId === actor.id && a.actingForId === leader.id && isActingOn(a, ctx.date))) return 'ACTING';
    // HR records only for a leader outside the bot, or one who left with nobody acting for them.
    const leaderAbsent = !leader || (!leader.active && !(await this.deps.penetapan.hasActing(leader.id, ctx.date)));
    if (leaderAbsent && hrCovers(ctx.hrRoles, actor.agencyId, unitPathsOf(units).get(unit.id) ?? [])) return 'HR';
    return null;
  }

  /** The organisation's distribution for the period, for whoever establishes it. */
  async status(actor: Member, organisationId: string, period: Period): Promise<Result<OrganisationStatus, PenetapanRefusal>> {
    const { penetapan } = this.deps;
    const units = await penetapan.units(actor.agencyId);
    const unit = units.find((candidate) => candidate.id === organisationId);
    const authority = unit ? await this.authorityOver(actor, unit, units, await penetapan.accessContext(actor)) : null;
    if (!unit || !authority) return refused({ code: 'DENIED' });
    const level = await penetapan.distributionLevel(actor.agencyId);
    const members = membershipOf(unit.id, units.map((u) => ({ id: u.id, parentId: u.parentId, leaderId: u.leader?.id ?? null })), level);
    const entries = await penetapan.entries(members.unitIds, period, members.leaderId, members.alsoIds);
    const unitPredikat = await penetapan.unitPredikat(unit.id, period.key);
    const proposed = entries.filter((e) => e.evaluation?.status === 'PROPOSED');
    const established = entries.filter((e) => e.evaluation && isEstablished(e.evaluation.status));
    const waiting = entries.filter((e) => !e.evaluation || e.evaluation.status === 'DRAFT');
    const predikats = [...proposed, ...established].map((e) => e.evaluation?.predikat).filter((p): p is EmployeePredikat => !!p);
    const curve = unitPredikat ? checkCurve(unitPredikat, predikats) : null;
    const snapshot = createHash('sha256')
      .update(proposed.map((e) => `${e.evaluation?.id}@${e.evaluation?.updatedAt.toISOString()}`).sort().join(','))
      .digest('hex')
      .slice(0, 16);
    return ok({
      organisation: { id: unit.id, name: unit.name },
      leader: unit.leader,
      authority,
      unitPredikat,
      entries,
      waiting,
      proposed,
      established,
      curve,
      counts: countPredikats(predikats),
      snapshot,
      needsReason: !!curve && (!curve.ok || curve.unsatisfiable),
    });
  }

  /** Null when the penetapan may be made now; otherwise why not (the period is over, the capaian is set, everyone is proposed, something to establish). */
  establishRefusal(actor: Member, status: OrganisationStatus, period: Period): PenetapanRefusal | null {
    const from = finalisableFrom(period);
    if (compareCivilDates(localDate(this.deps.work.now, actor.timeZone), from) < 0) return { code: 'NOT_ENDED', period, from };
    if (!status.unitPredikat) return { code: 'NO_CAPAIAN', organisation: status.organisation.name, period };
    if (status.waiting.length > 0) return { code: 'NOT_ALL_PROPOSED', names: status.waiting.map((e) => e.name) };
    if (status.proposed.length === 0) return { code: 'NOTHING_PROPOSED', period };
    return null;
  }

  /**
   * Establishes the organisation's distribution as the leader saw it (`confirmed`: the snapshot):
   * every proposal becomes final and goes to its employee (someone not reachable now receives it
   * when they next can – their keberatan period starts then). HR records it with the document.
   */
  async establish(
    actor: Member,
    input: { organisationId: string; period: Period; confirmed: string; reason: string | null; document?: { documentNumber: string; decidedOn: string } },
  ): Promise<Result<{ count: number; unreachable: PersonRef[]; notified: PersonRef[] }, PenetapanRefusal>> {
    const { penetapan, work } = this.deps;
    const read = await this.status(actor, input.organisationId, input.period);
    if (!read.ok) return read;
    const status = read.value;
    const refusal = this.establishRefusal(actor, status, input.period);
    if (refusal) return refused(refusal);
    if (status.snapshot !== input.confirmed) return refused({ code: 'CHANGED' });
    const reason = input.reason?.trim() || null;
    if (status.needsReason && !reason) return refused({ code: 'REASON_REQUIRED' });
    const records = status.authority === 'HR';
    const document = records ? input.document : undefined;
    if (records && !document?.documentNumber.trim()) return refused({ code: 'DOCUMENT_REQUIRED' });
    if (document && document.decidedOn > formatCivilDate(localDate(work.now, actor.timeZone))) return refused({ code: 'DECIDED_LATER' });
    const id = this.deps.newId();
    const violations = status.curve?.violations.map((v) => v.ruleId) ?? [];
    penetapan.insert({
      id,
      agencyId: actor.agencyId,
      unitId: status.organisation.id,
      periodKey: input.period.key,
      unitPredikat: status.unitPredikat ?? 'BAIK',
      establishedById: records ? null : actor.id,
      recordedById: records ? actor.id : null,
      documentNumber: document?.documentNumber.trim() ?? null,
      decidedOn: document?.decidedOn ?? null,
      deviationReason: status.needsReason ? reason : null,
      counts: status.counts,
      violations,
    });
    const events: DomainEvent[] = [];
    const unreachable: PersonRef[] = [];
    const raters = new Map<string, PersonRef & { count: number }>();
    for (const entry of status.proposed) {
      const evaluation = entry.evaluation;
      if (!evaluation) continue;
      const result = await resultNow(this.deps.evaluations, evaluation.id, work.now);
      const delivered = !!result && (await this.deps.reach.reachable(entry.employeeId));
      if (result && delivered) events.push({ type: 'evaluation.resultSent', result });
      else if (result) unreachable.push(result.employee);
      // Guarded by status: a second penetapan (another device) decides again and finds nothing proposed.
      penetapan.establish(evaluation.id, { penetapanId: id, at: work.now, reason: status.needsReason ? reason : null, delivered });
      const rater = raters.get(evaluation.rater.id) ?? { ...evaluation.rater, count: 0 };
      raters.set(rater.id, { ...rater, count: rater.count + 1 });
    }
    const by = personOf(actor);
    events.push({ type: 'penetapan.document', to: by, penetapanId: id });
    // The raters hear that what they proposed is established (not the actor, who knows).
    const notified = [...raters.values()].filter((rater) => rater.id !== actor.id);
    for (const rater of notified) {
      events.push({ type: 'penetapan.established', rater, count: rater.count, organisation: status.organisation.name, periodKey: input.period.key, by });
    }
    work.audit({
      agencyId: actor.agencyId,
      actorId: actor.id,
      action: 'penetapan.established',
      entityType: 'PredikatPenetapan',
      entityId: id,
      details: {
        unitId: status.organisation.id,
        periodKey: input.period.key,
        as: status.authority,
        count: status.proposed.length,
        unitPredikat: status.unitPredikat,
        counts: status.counts,
        violations,
        reason: status.needsReason ? reason : null,
        ...(document ? { recordedByHr: true, ...document } : {}),
      },
    });
    return ok({ count: status.proposed.length, unreachable, notified }, events);
  }

  /** Sends one proposal back to its rater with the leader's note; it is their draft again. */
  async sendBack(
    actor: Member,
    input: { organisationId: string; period: Period; evaluationId: string; note: string },
  ): Promise<Result<{ employee: string; rater: PersonRef }, PenetapanRefusal>> {
    const { penetapan, work } = this.deps;
    const read = await this.status(actor, input.organisationId, input.period);
    if (!read.ok) return read;
    const entry = read.value.proposed.find((e) => e.evaluation?.id === input.evaluationId);
    if (!entry?.evaluation) return refused({ code: 'NOT_PROPOSED' });
    const note = input.note.trim();
    penetapan.sendBack(entry.evaluation.id, note);
    work.audit({
      agencyId: actor.agencyId,
      actorId: actor.id,
      action: 'evaluation.returned',
      entityType: 'Evaluation',
      entityId: entry.evaluation.id,
      details: { employeeId: entry.employeeId, periodKey: input.period.key, organisation: read.value.organisation.id, note },
    });
    const rater = entry.evaluation.rater;
    const event: DomainEvent = { type: 'evaluation.returned', rater, employee: entry.name, periodKey: input.period.key, note, by: personOf(actor) };
    return ok({ employee: entry.name, rater }, rater.id === actor.id ? [] : [event]);
  }
}

