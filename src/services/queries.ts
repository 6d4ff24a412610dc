/**
 * What a conversation may read, as named questions over the decision's read-only view. Flows get
 * these (`ctx.read`) instead of a database handle: a flow asks "the plan this person works
 * against", never how it is stored, so the rules of reading stay here next to the services and a
 * flow cannot write by accident. Writes go through the services (registry.ts).
 */
import { parsePeriodKey } from '../domain/periods.js';
import { closesYear } from '../domain/final-evaluation.js';
import { ESTABLISHED_STATUSES } from './penetapan-service.js';
import { ownSchedule } from '../checkins/schedule-admin.js';
import { scheduleOfUnit, type ScheduleSettings } from '../checkins/schedules.js';
import type { Action } from '../domain/access.js';
import type { Period } from '../domain/periods.js';
import type { Locale } from '../i18n/catalogue.js';
import type { Block } from '../conversation/reply.js';
import type { Reader } from './db.js';
import { recordBlocks } from './evaluation-record.js';
import { closedPeriodsRatedBy } from './skp-periods.js';
import { agencySettings, evaluatedDays, evaluationPeriods, withEvaluatedDays, teamEvaluations, type PendingEvaluation } from './evaluations.js';
import { loadPeriodSettings } from './period-settings.js';
import { accessContextOf, decide, reportsOf, type Member } from './people.js';
import { agreedPlan, latestPlan, workingPlan } from './plans.js';
import { predikatPeriods } from './unit-predikat.js';
import { actingProblemNow, assignmentsInScope, hrRolesOf, peopleInScope } from './acting-store.js';
import type { ActingPeriod } from '../domain/acting.js';

/** The read-only questions of one decision, bound to its database view and clock. */
export function queriesFor(db: Reader, now: Date) {
  return {
    // People and the organisation.
    /** An employee's name ('' when unknown). */
    employeeName: async (id: string) => (await db.employee.findUnique({ where: { id }, select: { name: true } }))?.name ?? '',
    /** A unit's name ('' when unknown). */
    unitName: async (id: string) => (await db.unit.findUnique({ where: { id }, select: { name: true } }))?.name ?? '',
    /** The name of the leader one level up from a unit's leader (who decides its Capaian Kinerja Organisasi); null when outside the bot. */
    unitLeaderSuperiorName: async (unitId: string) =>
      (await db.unit.findUnique({ where: { id: unitId }, select: { leader: { select: { supervisor: { select: { name: true } } } } } }))?.leader?.supervisor?.name ?? null,
    /** An employee's jenis jabatan (JPT, ADMINISTRATOR, …), or null when unknown. */
    positionTypeOf: async (id: string) => (await db.employee.findUnique({ where: { id }, select: { positionType: true } }))?.positionType ?? null,
    /** The unit `employeeId` leads, if any. */
    unitLedBy: (employeeId: string) => db.unit.findFirst({ where: { leaderId: employeeId }, select: { name: true } }),
    /** Every unit of an agency, by name. */
    unitsOf: (agencyId: string) => db.unit.findMany({ where: { agencyId }, select: { id: true, name: true, parentId: true }, orderBy: { name: 'asc' } }),
    /** The people `me` supervises today, directly or as Plt/Plh. */
    reportsOf: (me: Member) => reportsOf(db, me, now),
    /** Whether `me` may do `action` to `targetId`, and why not. */
    decide: (me: Member, action: Action, targetId: string) => decide(db, me, action, targetId, now),
    /** Who `me` is in the organisation today: reports, acting roles, HR roles. */
    accessContextOf: (me: Member) => accessContextOf(db, me, now),
    /** True when `employeeId` is HR for the whole agency. */
    isAgencyWideHr: async (employeeId: string, agencyId: string) => (await db.hrRole.count({ where: { employeeId, agencyId, unitId: null } })) > 0,

    /** The HR roles `me` holds in their own agency (empty: not HR there). */
    hrRolesOf: (me: Member) => hrRolesOf(db, me),
    /** People in `me`'s HR scope by name or NIP (at most `limit` + 1). */
    peopleInScope: (me: Member, query: string, options: { activeOnly: boolean; limit: number }) => peopleInScope(db, me, query, options),

    // Plt/Plh.
    /** Current and upcoming assignments for officials in `me`'s HR scope. */
    actingInScope: (me: Member) => assignmentsInScope(db, me, now),
    /** Why an assignment could not be recorded next to those stored now (the acting service decides). */
    actingProblem: (candidate: ActingPeriod) => actingProblemNow(db, candidate),

    // Plans.
    latestPlan: (employeeId: string, year: number) => latestPlan(db, employeeId, year),
    agreedPlan: (employeeId: string, year: number) => agreedPlan(db, employeeId, year),
    /** The plan people work against: the agreed one if any, otherwise the newest. */
    workingPlan: (employeeId: string, year: number) => workingPlan(db, employeeId, year),
    /**
     * Submitted SKPs of `agencyId` that no PPK in the bot can establish (submitted with no rater: the
     * PPK is an official outside the bot), oldest first, with the official HR records for.
     */
    /** Active people whose PPK HR recorded as an official outside the bot (the top of the tree). */
    ratedByOfficialOutside: (agencyId: string) =>
      db.employee.findMany({
        where: { agencyId, active: true, externalPpkId: { not: null } },
        select: { id: true, name: true, externalPpk: { select: { name: true, title: true } } },
        orderBy: { name: 'asc' },
        take: 50,
      }),
    plansAwaitingOfficial: (agencyId: string) =>
      db.plan.findMany({
        where: { status: 'SUBMITTED', supersededAt: null, raterId: null, employee: { agencyId } },
        select: { id: true, year: true, version: true, employee: { select: { id: true, name: true, externalPpk: { select: { name: true, title: true } } } } },
        orderBy: { proposedAt: 'asc' },
        take: 50,
      }),
    /** An RHK's text ('' when unknown). */
    rhkText: async (id: string) => (await db.resultExpectation.findUnique({ where: { id }, select: { text: true } }))?.text ?? '',

    // Evaluations.
    agencySettings: (agencyId: string) => agencySettings(db, agencyId),
    periodSettings: (agencyId: string) => loadPeriodSettings(db, agencyId),
    evaluationPeriods: (me: Member) => evaluationPeriods(db, me, now),
    /** The closed SKP periods of `year` that `me` rates (people who moved away after `me` was their PPK). */
    closedPeriodsRatedBy: (me: Member, year: number) => closedPeriodsRatedBy(db, me, year, now),
    teamEvaluations: (me: Member, period: Period, leaderId?: string, pending?: PendingEvaluation[]) => teamEvaluations(db, me, period, now, leaderId, pending),
    /** The record an evaluation is prepared from (check-ins, progress, feedback, obstacles), as blocks. */
    recordBlocks: (employeeId: string, period: Period, locale: Locale, skpPart = ''): Promise<Block[]> => recordBlocks(db, employeeId, period, locale, skpPart),
    predikatPeriods: (me: Member) => predikatPeriods(db, me, now),
    /** An employee's evaluations that left the draft, newest first, with keberatan, people and – after a move – the SKP period's days. */
    evaluationsOf: async (employeeId: string, options: { finalOnly?: boolean; sinceYear?: number } = {}) => {
      const rows = await db.evaluation.findMany({
        where: { employeeId, status: options.finalOnly ? 'FINAL' : { in: [...ESTABLISHED_STATUSES] }, ...(options.sinceYear !== undefined ? { year: { gte: options.sinceYear } } : {}) },
        orderBy: [{ year: 'desc' }, { kind: 'asc' }, { periodKey: 'desc' }, { createdAt: 'asc' }],
        include: { objection: true, employee: true, rater: true, recordedForOfficial: { select: { name: true, title: true } }, followUps: { orderBy: { createdAt: 'asc' } }, creditPointAssessment: true },
      });
      return withEvaluatedDays(db, employeeId, rows);
    },
    evaluation: async (id: string) => {
      const row = await db.evaluation.findUnique({ where: { id }, include: { objection: true, employee: { include: { agency: { select: { finalEvaluation: true } } } }, followUps: { orderBy: { createdAt: 'asc' } } } });
      if (!row) return null;
      const period = parsePeriodKey(row.periodKey);
      // Whether it closes the year (the annual evaluation, or the last periodic one under PERIODE_AKHIR): credit points follow it.
      return { ...row, skp: await evaluatedDays(db, row), closesYear: !!period && closesYear(period, row.employee.agency.finalEvaluation) };
    },
    /**
     * Keberatan waiting for `meId`'s decision, or for someone `meId` stands in for on `today`
     * (Plt/Plh) – never one about their own evaluation, or about one they gave.
     */
    objectionsToDecide: async (meId: string, today: Date) => {
      const actingFor = await db.actingAssignment.findMany({ where: { employeeId: meId, startsOn: { lte: today }, endsOn: { gte: today } }, select: { actingForId: true } });
      return db.objection.findMany({
        where: { status: { not: 'DECIDED' }, deciderId: { in: [meId, ...actingFor.map((a) => a.actingForId)] }, evaluation: { employeeId: { not: meId }, raterId: { not: meId } } },
        include: { evaluation: { include: { employee: true, rater: true } } },
        orderBy: { filedAt: 'asc' },
      });
    },

    // Check-in schedules.
    /** A unit's own schedule, or null when it inherits. */
    ownSchedule: (unitId: string): Promise<ScheduleSettings | null> => ownSchedule(db, unitId),
    scheduleOfUnit: (unitId: string) => scheduleOfUnit(db, unitId),
  };
}

/** The read-only questions a flow may ask. */
export type Queries = ReturnType<typeof queriesFor>;
