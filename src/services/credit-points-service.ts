/**
 * Penetapan Angka Kredit (PAK): one record per evaluated SKP period of an employee in a functional
 * position. The AK "dituangkan dalam Penetapan Angka Kredit" set by the Pejabat Penilai Kinerja
 * (SE on the AK konversi, scribd 700254464; regulation-audit §1.10); HR records it in the bot from the
 * document – its number and date – and the bot keeps the conversion it rests on (months/12 × the
 * predikat's share × the level's annual coefficient, src/domain/follow-up.ts). The PAK covers the
 * annual evaluation of each SKP period (a move mid-year gives two); the employee is told and sees it
 * under /hasil.
 */
import { compareCivilDates, parseCivilDate } from '../domain/civil-date.js';
import { creditConversion } from '../domain/follow-up.js';
import type { EmployeePredikat } from '../domain/rating-matrix.js';
import { creditMonths, type SkpPart } from '../domain/skp-period.js';
import { localDate } from '../domain/time-zones.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** A PAK as recorded. */
export interface CreditPointView {
  id: string;
  evaluationId: string;
  periodKey: string;
  employee: PersonRef;
  number: string;
  /** The PAK's date, "YYYY-MM-DD". */
  issuedOn: string;
  predikat: EmployeePredikat;
  positionLevel: string;
  coefficient: number;
  share: number;
  months: number;
  creditPoints: number;
}

/** An evaluation as the PAK needs it. */
export interface PakEvaluation {
  id: string;
  periodKey: string;
  kind: string;
  /** The final predikat (after a keberatan decision); null when none. */
  predikat: EmployeePredikat | null;
  /** The SKP period's days when the year was split; null for the whole year. */
  skp: SkpPart | null;
  employee: PersonRef & { positionType: string; positionLevel: string | null };
  /** True when a PAK is recorded for it already. */
  hasPak: boolean;
  /** True when it closes the year: the annual evaluation, or the last periodic one under PERIODE_AKHIR (domain/final-evaluation.ts). */
  closesYear: boolean;
}

export interface CreditPointStore {
  /** The employee's evaluation past the draft stage; null otherwise. */
  evaluation(evaluationId: string, employeeId: string): Promise<PakEvaluation | null>;
  /** The ids of the employee's established evaluations that close a year (see PakEvaluation.closesYear) without a PAK, oldest first. */
  annualWithoutPak(employeeId: string): Promise<string[]>;
  /** Guarded: fails when the evaluation has a PAK already. */
  insert(row: Omit<CreditPointView, 'employee' | 'periodKey' | 'issuedOn'> & { employeeId: string; issuedOn: Date; recordedById: string | null }): void;
}

export type CreditPointRefusal =
  | { code: 'NO_EVALUATION' }
  /** Only an annual evaluation (of each SKP period) is converted. */
  | { code: 'NOT_ANNUAL' }
  | { code: 'NOT_FUNCTIONAL' }
  | { code: 'NO_PREDIKAT' }
  | { code: 'RECORDED' }
  | { code: 'INCOMPLETE' }
  | { code: 'DATE_IN_FUTURE' }
  | Denied;

export interface CreditPointDependencies {
  pak: CreditPointStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

export class CreditPointService {
  constructor(private readonly deps: CreditPointDependencies) {}

  /** The conversion a PAK for this evaluation would state, or why there is none. */
  async conversion(evaluationId: string, employeeId: string): Promise<Result<{ evaluation: PakEvaluation; conversion: NonNullable<ReturnType<typeof creditConversion>> }, CreditPointRefusal>> {
    const evaluation = await this.deps.pak.evaluation(evaluationId, employeeId);
    if (!evaluation) return refused({ code: 'NO_EVALUATION' });
    if (!evaluation.closesYear) return refused({ code: 'NOT_ANNUAL' });
    if (evaluation.hasPak) return refused({ code: 'RECORDED' });
    if (!evaluation.predikat) return refused({ code: 'NO_PREDIKAT' });
    const conversion = creditConversion(evaluation.employee, evaluation.predikat, evaluation.skp ? creditMonths(evaluation.skp) : 12);
    return conversion ? ok({ evaluation, conversion }) : refused({ code: 'NOT_FUNCTIONAL' });
  }

  /** The evaluations HR may record a PAK for, each with its conversion; refused for anyone but HR covering the employee (audited). */
  async candidates(actor: Member, employeeId: string): Promise<Result<{ evaluation: PakEvaluation; points: number }[], CreditPointRefusal>> {
    const denied = await authorise(this.deps.access, this.deps.work, actor, 'RECORD_FOR_OFFICIAL', employeeId);
    if (denied) return refused(denied);
    const found: { evaluation: PakEvaluation; points: number }[] = [];
    for (const id of await this.deps.pak.annualWithoutPak(employeeId)) {
      const conversion = await this.conversion(id, employeeId);
      if (conversion.ok) found.push({ evaluation: conversion.value.evaluation, points: conversion.value.conversion.points });
    }
    return ok(found);
  }

  /**
   * HR (or the CLI) records the PAK from its document: number, date and – when the document states
   * another figure – its credit points; otherwise the conversion's. Once per evaluation.
   */
  async record(
    actor: Member | 'cli',
    input: { employeeId: string; evaluationId: string; number: string; issuedOn: string; creditPoints?: number | null },
  ): Promise<Result<CreditPointView, CreditPointRefusal>> {
    const { work } = this.deps;
    const number = input.number.trim();
    const date = parseCivilDate(input.issuedOn);
    const points = input.creditPoints ?? null;
    if (!number || !date || (points !== null && (!Number.isFinite(points) || points < 0))) return refused({ code: 'INCOMPLETE' });
    if (actor !== 'cli') {
      if (compareCivilDates(date, localDate(work.now, actor.timeZone)) > 0) return refused({ code: 'DATE_IN_FUTURE' });
      const denied = await authorise(this.deps.access, work, actor, 'RECORD_FOR_OFFICIAL', input.employeeId);
      if (denied) return refused(denied);
    }
    const found = await this.conversion(input.evaluationId, input.employeeId);
    if (!found.ok) return found;
    const { evaluation, conversion } = found.value;
    const id = this.deps.newId();
    const view: CreditPointView = {
      id,
      evaluationId: evaluation.id,
      periodKey: evaluation.periodKey,
      employee: { id: evaluation.employee.id, name: evaluation.employee.name, locale: evaluation.employee.locale },
      number,
      issuedOn: input.issuedOn,
      predikat: evaluation.predikat!,
      positionLevel: conversion.level,
      coefficient: conversion.coefficient,
      share: conversion.share,
      months: conversion.months,
      creditPoints: points ?? conversion.points,
    };
    const { employee: _employee, periodKey: _periodKey, issuedOn: _issuedOn, ...row } = view;
    this.deps.pak.insert({ ...row, employeeId: evaluation.employee.id, issuedOn: new Date(`${input.issuedOn}T00:00:00Z`), recordedById: actor === 'cli' ? null : actor.id });
    work.audit({
      agencyId: actor === 'cli' ? null : actor.agencyId,
      ...(actor === 'cli' ? { actorLabel: 'cli' } : { actorId: actor.id }),
      action: 'creditPoints.recorded',
      entityType: 'CreditPointAssessment',
      entityId: id,
      details: { evaluationId: evaluation.id, number, issuedOn: input.issuedOn, creditPoints: view.creditPoints, conversion: conversion.points },
    });
    return ok(view, [{ type: 'creditPoints.recorded', assessment: view }]);
  }
}
