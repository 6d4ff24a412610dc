/**
 * Capaian (Predikat) Kinerja Organisasi: the one place a unit's predikat for a period is set. The
 * leader one level up (or whoever acts for them) decides it – never the unit's own leader, whose
 * results rating it becomes. HR covering the unit only records that leader's decision, with the
 * document's number and date (domain/organisation-performance.ts). The rule is asked again when it
 * is saved, since roles and acting assignments may change while the person answers. Setting it again
 * replaces it. The unit's leader is told.
 */
import { canSetUnitPredikat, type AccessContext, type DenialReason, type UnitForPredikat, type UnitPredikatDecision } from '../domain/access.js';
import type { UnitPredikat } from '../domain/rating-matrix.js';
import { capaianBasisOf, type CapaianBasis } from '../domain/organisation-performance.js';
import { parsePeriodKey } from '../domain/periods.js';
import type { PersonRef } from './events.js';
import { personOf } from './obstacles.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** A unit as the rule and the messages need it. */
export interface UnitRecord extends UnitForPredikat {
  name: string;
  leader: PersonRef | null;
}

/** Where unit predikat are kept. Writes take effect when the unit of work commits. */
export interface UnitPredikatStore {
  /** Every unit of the agency, by name. */
  units(agencyId: string): Promise<UnitRecord[]>;
  /** The actor's acting assignments and HR roles, for today in their time zone. */
  accessContext(actor: Member): Promise<AccessContext>;
  current(unitId: string, periodKey: string): Promise<{ id: string; predikat: UnitPredikat; note: string | null } | null>;
  /** Sets or replaces the unit's predikat for the period (one per unit and period). */
  set(row: {
    id: string;
    unitId: string;
    periodKey: string;
    predikat: UnitPredikat;
    note: string | null;
    setById: string;
    decidedById: string | null;
    basis: CapaianBasis;
    documentNumber: string | null;
    decidedOn: string | null;
  }): void;
}

/** A refusal by the rule of who sets a unit's predikat. */
export type UnitPredikatRefusal =
  | { code: 'DENIED'; reason: DenialReason }
  /** HR records the leader's decision only with its document. */
  | { code: 'DOCUMENT_REQUIRED' }
  | { code: 'BAD_PERIOD' };

/** The document of the leader's decision, when HR records it. */
export interface UnitPredikatDocument {
  documentNumber: string;
  /** "YYYY-MM-DD". */
  decidedOn: string;
}

/** A unit's predikat as set. */
export interface UnitPredikatSet {
  id: string;
  unit: { id: string; name: string };
  periodKey: string;
  predikat: UnitPredikat;
  note: string | null;
}

export class UnitPredikatService {
  constructor(private readonly deps: { unitPredikats: UnitPredikatStore; work: UnitOfWork; newId: () => string }) {}

  /** The units whose predikat `actor` may set, by name. */
  async settableUnits(actor: Member): Promise<{ id: string; name: string }[]> {
    const ctx = await this.deps.unitPredikats.accessContext(actor);
    return (await this.deps.unitPredikats.units(actor.agencyId)).filter((unit) => canSetUnitPredikat(actor, unit, ctx).allowed).map(({ id, name }) => ({ id, name }));
  }

  /** How `actor` may set a unit's predikat: deciding it (the leader one level up or their Plt/Plh), recording it (HR), or not at all. */
  async authority(actor: Member, unitId: string): Promise<'DECIDES' | 'RECORDS' | null> {
    const { decision } = await this.decisionFor(actor, unitId);
    return decision.allowed ? (decision.as === 'HR' ? 'RECORDS' : 'DECIDES') : null;
  }

  /** The unit and the rule's answer for `actor`; a unit outside the actor's agency is not among its units – the rule's answer for another agency. */
  private async decisionFor(actor: Member, unitId: string): Promise<{ unit: UnitRecord | undefined; decision: UnitPredikatDecision }> {
    const unit = (await this.deps.unitPredikats.units(actor.agencyId)).find((candidate) => candidate.id === unitId);
    const decision = unit ? canSetUnitPredikat(actor, unit, await this.deps.unitPredikats.accessContext(actor)) : ({ allowed: false, reason: 'OTHER_AGENCY' } as const);
    return { unit, decision };
  }

  /** The unit's predikat for the period, if set. */
  async current(unitId: string, periodKey: string): Promise<UnitPredikat | null> {
    return (await this.deps.unitPredikats.current(unitId, periodKey))?.predikat ?? null;
  }

  /** Sets (or replaces) a unit's predikat for a period; refused – and the attempt audited – to whoever may not. */
  async set(
    actor: Member,
    input: { unitId: string; periodKey: string; predikat: UnitPredikat; note: string | null; document?: UnitPredikatDocument },
  ): Promise<Result<UnitPredikatSet, UnitPredikatRefusal>> {
    const { unitPredikats, work } = this.deps;
    const { unitId, periodKey, predikat, note } = input;
    const period = parsePeriodKey(periodKey);
    if (!period) return refused({ code: 'BAD_PERIOD' });
    const { unit, decision } = await this.decisionFor(actor, unitId);
    if (!unit || !decision.allowed) {
      const reason = decision.allowed ? 'OTHER_AGENCY' : decision.reason;
      work.audit({ agencyId: actor.agencyId, actorId: actor.id, action: 'access.denied', entityType: 'Unit', entityId: unitId, details: { attempted: 'SET_UNIT_PREDIKAT', reason } });
      return refused({ code: 'DENIED', reason });
    }
    // HR records the decision of the leader one level up, never its own: the document says whose.
    const records = decision.as === 'HR';
    const document = records ? input.document : undefined;
    if (records && !document?.documentNumber.trim()) return refused({ code: 'DOCUMENT_REQUIRED' });
    const decidedById = records ? unit.leaderSupervisorId : actor.id;
    const basis = capaianBasisOf(period);
    const id = (await unitPredikats.current(unitId, periodKey))?.id ?? this.deps.newId();
    unitPredikats.set({ id, unitId, periodKey, predikat, note, setById: actor.id, decidedById, basis, documentNumber: document?.documentNumber.trim() ?? null, decidedOn: document?.decidedOn ?? null });
    work.audit({
      agencyId: actor.agencyId,
      actorId: actor.id,
      action: 'unitPredikat.set',
      entityType: 'UnitPredikat',
      entityId: id,
      details: { unitId, periodKey, predikat, as: decision.as, basis, decidedById, ...(document ? { recordedByHr: true, ...document } : {}) },
    });
    const set: UnitPredikatSet = { id, unit: { id: unit.id, name: unit.name }, periodKey, predikat, note };
    // The unit's leader is told: the predikat becomes their own results rating.
    const leader = unit.leader && unit.leader.id !== actor.id ? unit.leader : null;
    return ok(set, [{ type: 'unitPredikat.set', set, by: personOf(actor), leader }]);
  }
}
