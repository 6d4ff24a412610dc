import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ACTIONS,
  PERMISSIONS,
  RELATIONSHIPS,
  can,
  canSetUnitPredikat,
  denialMessage,
  relationshipLabel,
  type AccessContext,
  type AccessDecision,
  type AccessTarget,
  type Action,
  type ActingAssignment,
  type HrRole,
  type Person,
  type UnitForPredikat,
} from '../../../src/domain/access.js';
import { addDays, formatCivilDate } from '../../../src/domain/civil-date.js';
import { employeeIdOf, raterChainOf, ratingLineOf, type ChainPerson } from '../../../src/domain/ppk.js';

/** The PPK and Atasan PPK (domain/ppk.ts) of `id` among `staff`, everyone a pejabat pengawas unless `positionTypes` says otherwise. */
function ratingIds(staff: readonly Person[], id: string, date: string, acting: readonly ActingAssignment[], positionTypes: Record<string, string> = {}) {
  const chainPerson = (personId: string): ChainPerson | undefined => {
    const p = staff.find((s) => s.id === personId);
    return p && { ...p, positionType: positionTypes[p.id] ?? 'PENGAWAS', ppkDelegateId: null, externalPpkId: null, externalAtasanPpkId: null };
  };
  const employee = chainPerson(id);
  if (!employee) return { ppkId: null, atasanPpkId: null };
  const covered = (personId: string) => acting.some((a) => a.actingForId === personId && a.startsOn <= date && date <= a.endsOn);
  const line = ratingLineOf(raterChainOf(employee, chainPerson, covered));
  return { ppkId: employeeIdOf(line.ppk), atasanPpkId: employeeIdOf(line.atasanPpk) };
}

// A small agency A:            root (head)
//                         ┌──────┼────────┐
//                      unit-a (supA)   unit-b (supB)   unit-hr (hr)
//                         │
//                      unit-a1
const UNIT_PARENT: Record<string, string | null> = { root: null, 'unit-a': 'root', 'unit-a1': 'unit-a', 'unit-b': 'root', 'unit-hr': 'root', 'b-root': null };

function unitPath(unitId: string): string[] {
  const path: string[] = [];
  for (let u: string | null | undefined = unitId; u; u = UNIT_PARENT[u]) path.unshift(u);
  return path;
}

const people: Record<string, Person> = {};
function person(id: string, unitId: string, supervisorId: string | null, extra: Partial<Person> = {}): Person {
  const p: Person = { id, agencyId: 'A', unitId, supervisorId, active: true, ...extra };
  people[id] = p;
  return p;
}

const head = person('head', 'root', null);
const supA = person('supA', 'unit-a', 'head');
const supB = person('supB', 'unit-b', 'head');
const staffA = person('staffA', 'unit-a', 'supA');
const staffA1 = person('staffA1', 'unit-a1', 'supA');
const staffB = person('staffB', 'unit-b', 'supB');
const plt = person('plt', 'unit-b', 'supB'); // acts for supA in March 2026
const pltHead = person('pltHead', 'root', 'head'); // acts for head on 2026-06-01 only
const hr = person('hr', 'unit-hr', 'head');
const retired = person('retired', 'unit-a', 'head', { active: false });
const outsider = person('outsider', 'b-root', null, { agencyId: 'B' });

const HR_ROLES: Record<string, HrRole[]> = { hr: [{ agencyId: 'A', unitId: 'unit-a' }], head: [] };
const ACTING: ActingAssignment[] = [
  { actingEmployeeId: 'plt', actingForId: 'supA', startsOn: '2026-03-01', endsOn: '2026-03-31' },
  { actingEmployeeId: 'pltHead', actingForId: 'head', startsOn: '2026-06-01', endsOn: '2026-06-01' },
];

function target(p: Person, date = '2026-03-15'): AccessTarget {
  return { ...p, unitPath: unitPath(p.unitId), ...ratingIds(Object.values(people), p.id, date, ACTING) };
}

function ctx(actor: Person, date = '2026-03-15', roles: HrRole[] = HR_ROLES[actor.id] ?? []): AccessContext {
  return { date, actingAssignments: ACTING, hrRoles: roles };
}

/** The relationship that grants the action, or the reason it is refused. */
function outcome(actor: Person, action: Action, t: Person, date?: string): string {
  const d: AccessDecision = can(actor, action, target(t, date), ctx(actor, date));
  return d.allowed ? d.as : d.reason;
}

// [actor, action, target, relationship granted or reason refused] on 2026-03-15, while plt acts for supA.
const EXAMPLES: [Person, Action, Person, string][] = [
    [staffA, 'VIEW_PLAN', staffA, 'SELF'],
    [supA, 'VIEW_PLAN', staffA, 'PPK'],
    [head, 'VIEW_PLAN', staffA, 'ATASAN_PPK'],
    [hr, 'VIEW_PLAN', staffA, 'HR'],
    [supB, 'VIEW_PLAN', staffA, 'NOT_PERMITTED'],
    [staffA1, 'VIEW_PLAN', staffA, 'NOT_PERMITTED'],
    [supA, 'SET_EXPECTATIONS', staffA, 'PPK'],
    [head, 'SET_EXPECTATIONS', staffA, 'NOT_PERMITTED'],
    [hr, 'SET_EXPECTATIONS', staffA, 'NOT_PERMITTED'],
    [staffA, 'SET_EXPECTATIONS', staffA, 'NOT_PERMITTED'],
    [staffA, 'RESPOND_TO_PLAN', staffA, 'SELF'],
    [supA, 'RESPOND_TO_PLAN', staffA, 'NOT_PERMITTED'],
    [supA, 'ANSWER_CLARIFICATION', staffA, 'PPK'],
    [plt, 'ANSWER_CLARIFICATION', staffA, 'ACTING_PPK'],
    [staffA, 'ANSWER_CLARIFICATION', staffA, 'NOT_PERMITTED'],
    [supA, 'GIVE_FEEDBACK', staffA1, 'PPK'],
    [hr, 'GIVE_FEEDBACK', staffA1, 'NOT_PERMITTED'],
    [staffA, 'REQUEST_FEEDBACK', staffA, 'SELF'],
    [supA, 'REQUEST_FEEDBACK', staffA, 'NOT_PERMITTED'],
    [head, 'VIEW_FEEDBACK', staffA, 'ATASAN_PPK'],
    [hr, 'VIEW_FEEDBACK', staffA, 'NOT_PERMITTED'],
    [staffA, 'LOG_PROGRESS', staffA, 'SELF'],
    [supA, 'LOG_PROGRESS', staffA, 'NOT_PERMITTED'],
    [staffA, 'REPORT_OBSTACLE', staffA, 'SELF'],
    [supA, 'ANSWER_OBSTACLE', staffA, 'PPK'],
    [staffA, 'ANSWER_OBSTACLE', staffA, 'NOT_PERMITTED'],
    [staffA, 'ANSWER_CHECKIN', staffA, 'SELF'],
    [supA, 'ANSWER_CHECKIN', staffA, 'NOT_PERMITTED'],
    [supA, 'VIEW_CHECKINS', staffA, 'PPK'],
    [head, 'VIEW_CHECKINS', staffA, 'NOT_PERMITTED'],
    [hr, 'VIEW_CHECKINS', staffA, 'NOT_PERMITTED'],
    [staffA, 'RECORD_LEAVE', staffA, 'SELF'],
    [supA, 'RECORD_LEAVE', staffA, 'PPK'],
    [plt, 'RECORD_LEAVE', staffA, 'ACTING_PPK'],
    [hr, 'RECORD_LEAVE', staffA, 'HR'],
    [supB, 'RECORD_LEAVE', staffA, 'NOT_PERMITTED'],
    [supA, 'EVALUATE', staffA, 'PPK'],
    [plt, 'EVALUATE', staffA, 'ACTING_PPK'],
    [hr, 'EVALUATE', staffA, 'NOT_PERMITTED'],
    [head, 'EVALUATE', staffA, 'NOT_PERMITTED'],
    [staffA, 'EVALUATE', staffA, 'SELF_NOT_ALLOWED'],
    [staffA, 'VIEW_EVALUATION', staffA, 'SELF'],
    [head, 'VIEW_EVALUATION', staffA, 'ATASAN_PPK'],
    [hr, 'VIEW_EVALUATION', staffA, 'HR'],
    [staffA1, 'VIEW_EVALUATION', staffA, 'NOT_PERMITTED'],
    [staffA, 'ACKNOWLEDGE_OR_OBJECT', staffA, 'SELF'],
    [supA, 'ACKNOWLEDGE_OR_OBJECT', staffA, 'NOT_PERMITTED'],
    [head, 'DECIDE_OBJECTION', staffA, 'ATASAN_PPK'],
    [supA, 'DECIDE_OBJECTION', staffA, 'NOT_PERMITTED'],
    [hr, 'DECIDE_OBJECTION', staffA, 'NOT_PERMITTED'],
    [staffA, 'DECIDE_OBJECTION', staffA, 'SELF_NOT_ALLOWED'],
    [supA, 'RECORD_DEVELOPMENT', staffA, 'PPK'],
    [plt, 'RECORD_DEVELOPMENT', staffA, 'ACTING_PPK'],
    [hr, 'RECORD_DEVELOPMENT', staffA, 'NOT_PERMITTED'],
    [hr, 'EXPORT', staffA, 'HR'],
    [hr, 'VIEW_REPORTS', staffA1, 'HR'],
    [hr, 'MANAGE_ORGANISATION', staffA, 'HR'],
    [hr, 'ISSUE_LINK_CODES', staffA, 'HR'],
    [supA, 'EXPORT', staffA, 'NOT_PERMITTED'],
    [head, 'MANAGE_ORGANISATION', staffA, 'NOT_PERMITTED'],
    [supA, 'REPORT_OBSTACLE', staffA, 'NOT_PERMITTED'],
    [supA, 'VIEW_REPORTS', staffA, 'NOT_PERMITTED'],
    [hr, 'ISSUE_LINK_CODES', staffB, 'NOT_PERMITTED'],
    [staffA, 'DRAFT_OWN_PLAN', staffA, 'SELF'],
    [supA, 'DRAFT_OWN_PLAN', staffA, 'NOT_PERMITTED'],
    [supA, 'ESTABLISH_PLAN', staffA, 'PPK'],
    [plt, 'ESTABLISH_PLAN', staffA, 'ACTING_PPK'],
    [hr, 'ESTABLISH_PLAN', staffA, 'NOT_PERMITTED'],
    [staffA, 'ESTABLISH_PLAN', staffA, 'NOT_PERMITTED'],
    [hr, 'RECORD_FOR_OFFICIAL', staffA, 'HR'],
    [supA, 'RECORD_FOR_OFFICIAL', staffA, 'NOT_PERMITTED'],
];

describe('access in a small agency', () => {
  it.each(EXAMPLES.map(([a, action, t, expected]) => [a.id, action, t.id, expected, a, t] as const))(
    '%s asking to %s for %s gets %s',
    (_a, action, _t, expected, actor, t) => {
      expect(outcome(actor, action, t)).toBe(expected);
    },
  );

  it('has an allowed and a refused example for every action', () => {
    const allowed = new Set(EXAMPLES.filter(([, , , e]) => (RELATIONSHIPS as readonly string[]).includes(e)).map(([, a]) => a));
    const refused = new Set(EXAMPLES.filter(([, , , e]) => !(RELATIONSHIPS as readonly string[]).includes(e)).map(([, a]) => a));
    expect([...allowed].sort()).toEqual([...ACTIONS].sort());
    expect([...refused].sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
  });

  it('lets only the rater and the acting rater evaluate', () => {
    expect(PERMISSIONS.EVALUATE).toEqual(['PPK', 'ACTING_PPK']);
  });

  it('honours an acting assignment from its first to its last day, inclusive, and not outside', () => {
    expect(outcome(plt, 'EVALUATE', staffA, '2026-02-28')).toBe('NOT_PERMITTED');
    expect(outcome(plt, 'EVALUATE', staffA, '2026-03-01')).toBe('ACTING_PPK');
    expect(outcome(plt, 'EVALUATE', staffA, '2026-03-31')).toBe('ACTING_PPK');
    expect(outcome(plt, 'EVALUATE', staffA, '2026-04-01')).toBe('NOT_PERMITTED');
  });

  it('makes whoever acts for the superior the Atasan Pejabat Penilai Kinerja for that day', () => {
    expect(outcome(pltHead, 'DECIDE_OBJECTION', staffA, '2026-06-01')).toBe('ATASAN_PPK');
    expect(outcome(pltHead, 'DECIDE_OBJECTION', staffA, '2026-06-02')).toBe('NOT_PERMITTED');
    // Acting for the head makes pltHead the rater of the head's direct reports.
    expect(outcome(pltHead, 'EVALUATE', supA, '2026-06-01')).toBe('ACTING_PPK');
  });

  it('never lets HR evaluate, even with an agency-wide role', () => {
    const decision = can(hr, 'EVALUATE', target(staffB), ctx(hr, '2026-03-15', [{ agencyId: 'A', unitId: null }]));
    expect(decision).toEqual({ allowed: false, reason: 'NOT_PERMITTED' });
    expect(can(hr, 'VIEW_PLAN', target(staffB), ctx(hr, '2026-03-15', [{ agencyId: 'A', unitId: null }]))).toEqual({ allowed: true, as: 'HR' });
  });

  it('keeps HR scoped to a unit inside that unit and its descendants', () => {
    expect(outcome(hr, 'VIEW_PLAN', staffA1, undefined)).toBe('HR'); // unit-a1 is below unit-a
    expect(outcome(hr, 'VIEW_PLAN', staffB, undefined)).toBe('NOT_PERMITTED'); // sibling unit
    expect(outcome(hr, 'VIEW_PLAN', head, undefined)).toBe('NOT_PERMITTED'); // the root above unit-a
  });

  it('ignores an HR role for another agency', () => {
    expect(can(hr, 'VIEW_PLAN', target(staffA), ctx(hr, '2026-03-15', [{ agencyId: 'B', unitId: null }]))).toEqual({
      allowed: false,
      reason: 'NOT_PERMITTED',
    });
  });

  it('lets an inactive person do nothing, not even about themselves', () => {
    expect(outcome(retired, 'VIEW_PLAN', retired)).toBe('INACTIVE');
    expect(outcome({ ...supA, active: false }, 'EVALUATE', staffA)).toBe('INACTIVE');
  });

  it('still lets the rater see the plan of an employee who has become inactive', () => {
    expect(outcome(head, 'VIEW_PLAN', retired)).toBe('PPK');
  });

  it('refuses anything across agencies, even when the supervisor data points there', () => {
    expect(outcome(outsider, 'VIEW_PLAN', staffA)).toBe('OTHER_AGENCY');
    const misfiled = person('misfiled', 'unit-a', 'outsider');
    expect(outcome(outsider, 'EVALUATE', misfiled)).toBe('OTHER_AGENCY');
  });

  it('grants no authority over oneself from a supervisor id that points at oneself', () => {
    const loop = person('loop', 'unit-a', 'loop');
    expect(outcome(loop, 'EVALUATE', loop)).toBe('SELF_NOT_ALLOWED');
    expect(outcome(loop, 'SET_EXPECTATIONS', loop)).toBe('NOT_PERMITTED');
    expect(outcome(loop, 'LOG_PROGRESS', loop)).toBe('SELF');
  });

  it('lets HR use HR actions about themselves when their role covers their own unit', () => {
    expect(can(hr, 'EXPORT', target(hr), ctx(hr, '2026-03-15', [{ agencyId: 'A', unitId: null }]))).toEqual({ allowed: true, as: 'HR' });
  });
});

describe('setting a unit predikat', () => {
  const unitA: UnitForPredikat = { id: 'unit-a', agencyId: 'A', leaderId: 'supA', leaderSupervisorId: 'head', unitPath: unitPath('unit-a') };
  const unitB: UnitForPredikat = { id: 'unit-b', agencyId: 'A', leaderId: 'supB', leaderSupervisorId: 'head', unitPath: unitPath('unit-b') };
  const vacant: UnitForPredikat = { id: 'unit-a1', agencyId: 'A', leaderId: null, leaderSupervisorId: null, unitPath: unitPath('unit-a1') };

  it('is for the leader one level up', () => {
    expect(canSetUnitPredikat(head, unitA, ctx(head))).toEqual({ allowed: true, as: 'SUPERVISOR' });
  });

  it('is for whoever acts for the leader one level up, on the days of the assignment', () => {
    expect(canSetUnitPredikat(pltHead, unitA, ctx(pltHead, '2026-06-01'))).toEqual({ allowed: true, as: 'ACTING_SUPERVISOR' });
    expect(canSetUnitPredikat(pltHead, unitA, ctx(pltHead, '2026-05-31'))).toEqual({ allowed: false, reason: 'NOT_PERMITTED' });
  });

  it('is for HR covering the unit, and not for HR scoped to another unit', () => {
    expect(canSetUnitPredikat(hr, unitA, ctx(hr))).toEqual({ allowed: true, as: 'HR' });
    expect(canSetUnitPredikat(hr, vacant, ctx(hr))).toEqual({ allowed: true, as: 'HR' });
    expect(canSetUnitPredikat(hr, unitB, ctx(hr))).toEqual({ allowed: false, reason: 'NOT_PERMITTED' });
  });

  it('is never for the unit leader, whose results rating it sets', () => {
    expect(canSetUnitPredikat(supA, unitA, ctx(supA, '2026-03-15', [{ agencyId: 'A', unitId: null }]))).toEqual({
      allowed: false,
      reason: 'SELF_NOT_ALLOWED',
    });
  });

  it('is not for a peer, an inactive person, or anyone from another agency', () => {
    expect(canSetUnitPredikat(supB, unitA, ctx(supB))).toEqual({ allowed: false, reason: 'NOT_PERMITTED' });
    expect(canSetUnitPredikat({ ...head, active: false }, unitA, ctx(head))).toEqual({ allowed: false, reason: 'INACTIVE' });
    expect(canSetUnitPredikat(outsider, unitA, ctx(outsider, '2026-03-15', [{ agencyId: 'A', unitId: null }]))).toEqual({
      allowed: false,
      reason: 'OTHER_AGENCY',
    });
  });
});

describe('refusal messages', () => {
  it('tells a non-rater they are not the PPK, and who may be one', () => {
    expect(denialMessage('NOT_PERMITTED', 'EVALUATE', 'id')).toBe('Anda bukan Pejabat Penilai Kinerja pegawai ini. Pejabat Penilai Kinerja paling rendah pejabat pengawas, atau pejabat yang diberi pendelegasian kewenangan.');
    expect(denialMessage('NOT_PERMITTED', 'EVALUATE', 'en')).toContain("You are not this employee's rater (Pejabat Penilai Kinerja).");
    expect(denialMessage('NOT_PERMITTED', 'GIVE_FEEDBACK', 'id')).toBe('Anda bukan atasan langsung atau Pejabat Penilai Kinerja pegawai ini.');
  });

  it('names who may act instead', () => {
    expect(denialMessage('NOT_PERMITTED', 'LOG_PROGRESS', 'id')).toBe('Hanya pegawai yang bersangkutan yang dapat melakukan ini.');
    expect(denialMessage('NOT_PERMITTED', 'DECIDE_OBJECTION', 'id')).toContain('Atasan Pejabat Penilai Kinerja');
    expect(denialMessage('NOT_PERMITTED', 'EXPORT', 'id')).toContain('Pengelola Kinerja');
    expect(denialMessage('SELF_NOT_ALLOWED', 'EVALUATE', 'id')).toBe('Anda tidak dapat menilai kinerja Anda sendiri.');
    expect(denialMessage('SELF_NOT_ALLOWED', 'SET_UNIT_PREDIKAT', 'id')).toContain('pimpinan satu tingkat di atas');
    expect(denialMessage('OTHER_AGENCY', 'VIEW_PLAN', 'id')).toBe('Pegawai ini berada di instansi lain.');
  });

  it('has a sentence in both languages for every reason and action', () => {
    for (const reason of ['INACTIVE', 'OTHER_AGENCY', 'NOT_PERMITTED', 'SELF_NOT_ALLOWED'] as const) {
      for (const action of [...ACTIONS, 'SET_UNIT_PREDIKAT'] as const) {
        expect(denialMessage(reason, action, 'id').length).toBeGreaterThan(10);
        expect(denialMessage(reason, action, 'en').length).toBeGreaterThan(10);
      }
    }
    for (const r of RELATIONSHIPS) expect(relationshipLabel(r, 'id')).not.toBe(relationshipLabel(r, 'en'));
  });
});

describe('access properties over random organisations', () => {
  const SELF_ONLY: Action[] = ['RESPOND_TO_PLAN', 'REQUEST_FEEDBACK', 'LOG_PROGRESS', 'REPORT_OBSTACLE', 'ANSWER_CHECKIN', 'ACKNOWLEDGE_OR_OBJECT'];
  const HR_ONLY: Action[] = ['EXPORT', 'VIEW_REPORTS', 'MANAGE_ORGANISATION', 'ISSUE_LINK_CODES'];
  const day = (offset: number) => formatCivilDate(addDays({ year: 2026, month: 1, day: 1 }, offset));

  /** Random units in two agencies (each a forest), people with random (even cross-agency) supervisors, assignments and roles. */
  const org = fc
    .record({
      units: fc.array(fc.record({ agency: fc.constantFrom('A', 'B'), parent: fc.option(fc.nat(), { nil: null }) }), { minLength: 1, maxLength: 6 }),
      people: fc.array(fc.record({ unit: fc.nat(), supervisor: fc.option(fc.nat(), { nil: null }), active: fc.boolean() }), { minLength: 1, maxLength: 8 }),
      acting: fc.array(fc.record({ who: fc.nat(), forWhom: fc.nat(), start: fc.nat(60), length: fc.nat(30) }), { maxLength: 4 }),
      roles: fc.array(fc.record({ who: fc.nat(), agency: fc.constantFrom('A', 'B'), unit: fc.option(fc.nat(), { nil: null }) }), { maxLength: 3 }),
      today: fc.nat(90),
    })
    .map((g) => {
      const units = g.units.map((u, i) => {
        const earlier = g.units.slice(0, i).flatMap((v, j) => (v.agency === u.agency ? [j] : []));
        const parent = u.parent === null || earlier.length === 0 ? null : (earlier[u.parent % earlier.length] as number);
        return { id: `u${i}`, agency: u.agency, parent };
      });
      const path = (i: number): string[] => {
        const unit = units[i];
        return unit === undefined ? [] : [...(unit.parent === null ? [] : path(unit.parent)), unit.id];
      };
      const staff: Person[] = g.people.map((p, i) => {
        const u = p.unit % units.length;
        return {
          id: `p${i}`,
          agencyId: units[u]?.agency ?? 'A',
          unitId: `u${u}`,
          supervisorId: p.supervisor === null ? null : `p${p.supervisor % g.people.length}`,
          active: p.active,
        };
      });
      const acting: ActingAssignment[] = g.acting.map((a) => ({
        actingEmployeeId: `p${a.who % staff.length}`,
        actingForId: `p${a.forWhom % staff.length}`,
        startsOn: day(a.start),
        endsOn: day(a.start + a.length),
      }));
      const targets: AccessTarget[] = staff.map((p) => ({ ...p, unitPath: path(Number(p.unitId.slice(1))), ...ratingIds(staff, p.id, day(g.today), acting) }));
      const roles = g.roles.map((r) => ({
        who: `p${r.who % staff.length}`,
        role: { agencyId: r.agency, unitId: r.unit === null ? null : `u${r.unit % units.length}` },
      }));
      const context = (actor: Person): AccessContext => ({
        date: day(g.today),
        actingAssignments: acting,
        hrRoles: roles.filter((r) => r.who === actor.id).map((r) => r.role),
      });
      return { staff, targets, acting, context, today: day(g.today) };
    });

  type Org = typeof org extends fc.Arbitrary<infer T> ? T : never;

  /** Every decision in the organisation: each actor, each target, each action. */
  function everyDecision(o: Org) {
    return o.staff.flatMap((actor) =>
      o.targets.flatMap((t) => ACTIONS.map((action) => ({ actor, t, action, decision: can(actor, action, t, o.context(actor)) }))),
    );
  }

  /** True when `actorId` is `personId` or acts for them today (computed here without the module). */
  function isOrActsFor(o: Org, actorId: string, personId: string | null): boolean {
    if (personId === null) return false;
    return actorId === personId || o.acting.some((a) => a.actingEmployeeId === actorId && a.actingForId === personId && a.startsOn <= o.today && o.today <= a.endsOn);
  }

  it('never grants anything across agencies', () => {
    fc.assert(
      fc.property(org, (o) => {
        for (const { actor, t, decision } of everyDecision(o)) if (actor.agencyId !== t.agencyId) expect(decision.allowed).toBe(false);
      }),
    );
  });

  it('never grants anything to an inactive actor', () => {
    fc.assert(
      fc.property(org, (o) => {
        for (const { actor, decision } of everyDecision(o)) if (!actor.active) expect(decision).toEqual({ allowed: false, reason: 'INACTIVE' });
      }),
    );
  });

  it('grants actions only the person can take to that person alone', () => {
    fc.assert(
      fc.property(org, (o) => {
        for (const { actor, t, action, decision } of everyDecision(o)) {
          if (SELF_ONLY.includes(action) && decision.allowed) expect(actor.id).toBe(t.id);
        }
      }),
    );
  });

  it('grants EVALUATE only to the (acting) PPK, never about oneself', () => {
    fc.assert(
      fc.property(org, (o) => {
        for (const { actor, t, action, decision } of everyDecision(o)) {
          if (action !== 'EVALUATE' || !decision.allowed) continue;
          expect(actor.id).not.toBe(t.id);
          expect(isOrActsFor(o, actor.id, t.ppkId)).toBe(true);
        }
      }),
    );
  });

  it('grants DECIDE_OBJECTION only to the (acting) Atasan PPK, never about oneself', () => {
    fc.assert(
      fc.property(org, (o) => {
        for (const { actor, t, action, decision } of everyDecision(o)) {
          if (action !== 'DECIDE_OBJECTION' || !decision.allowed) continue;
          expect(actor.id).not.toBe(t.id);
          expect(isOrActsFor(o, actor.id, t.atasanPpkId)).toBe(true);
        }
      }),
    );
  });

  it("grants HR actions only through a role covering the target's agency and unit", () => {
    fc.assert(
      fc.property(org, (o) => {
        for (const { actor, t, action, decision } of everyDecision(o)) {
          if (!HR_ONLY.includes(action) || !decision.allowed) continue;
          const roles = o.context(actor).hrRoles;
          expect(roles.some((r) => r.agencyId === t.agencyId && (r.unitId === null || t.unitPath.includes(r.unitId)))).toBe(true);
        }
      }),
    );
  });

  it('lets an active person take every action meant for them alone', () => {
    fc.assert(
      fc.property(org, (o) => {
        for (const t of o.targets) {
          if (!t.active) continue;
          for (const action of SELF_ONLY) expect(can(t, action, t, o.context(t))).toEqual({ allowed: true, as: 'SELF' });
        }
      }),
    );
  });
});
