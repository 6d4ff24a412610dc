/**
 * An in-memory organisation for testing services without PostgreSQL (as immich's newTestService):
 * people, units, acting assignments and HR roles, with the real access rules of domain/access.ts
 * over them, and in-memory stores for each aggregate whose writes – like the real stores' – take
 * effect only when the unit of work is committed, guards included. So a test can decide twice
 * from the same state (two actors, two devices) and commit both, as two instances would.
 */
import { can, isActingOn, type ActingAssignment, type HrRole } from '../../src/domain/access.js';
import { employeeIdOf, raterChainOf, ratingLineOf, type ChainPerson } from '../../src/domain/ppk.js';
import type { Access } from '../../src/services/access.js';
import type { Member } from '../../src/services/people.js';
import { Conflict, UnitOfWork } from '../../src/services/work.js';

/** A small agency: Kepala Bidang Rina; Kepala Seksi Sri under her; Andi and Budi under Sri; Dewi elsewhere; Hana in HR. */
export class MemoryWorld {
  readonly units = new Map<string, { id: string; parentId: string | null }>([
    ['root', { id: 'root', parentId: null }],
    ['seksi', { id: 'seksi', parentId: 'root' }],
    ['other', { id: 'other', parentId: 'root' }],
  ]);
  readonly people = new Map<string, Member>();
  readonly acting: ActingAssignment[] = [];
  readonly hrRoles: (HrRole & { employeeId: string })[] = [];
  /** Jenis jabatan by person; everyone not named is a pejabat pengawas (and so may be PPK). */
  readonly positionTypes = new Map<string, string>();
  /** Officials outside the bot who are the PPK of the top of the tree: employee → official. */
  readonly externalPpks = new Map<string, { id: string; name: string; title: string }>();
  /** Atasan PPK outside the bot, for people whose line inside it has none: employee → official. */
  readonly externalAtasanPpks = new Map<string, { id: string; name: string; title: string }>();
  /** PPK delegations: employee → delegate. */
  readonly delegations = new Map<string, string>();
  private sequence = 0;

  constructor(readonly now: Date = new Date('2026-11-27T03:00:00Z')) {
    this.person('rina', 'Rina Kusuma', null, 'root');
    this.person('sri', 'Sri Wahyuni', 'rina', 'seksi');
    this.person('andi', 'Andi Pratama', 'sri', 'seksi');
    this.person('budi', 'Budi Santoso', 'sri', 'seksi');
    this.person('dewi', 'Dewi Lestari', 'rina', 'other');
    this.person('hana', 'Hana Putri', 'rina', 'root');
    this.hrRoles.push({ employeeId: 'hana', agencyId: 'agency', unitId: null });
  }

  person(id: string, name: string, supervisorId: string | null, unitId: string): Member {
    const member: Member = {
      id,
      name,
      nip: `1990000000000000${String(this.people.size).padStart(2, '0')}`,
      position: 'Analis',
      agencyId: 'agency',
      unitId,
      supervisorId,
      active: true,
      locale: 'id',
      timeZone: 'Asia/Jakarta',
      agencyName: 'Dinas Contoh',
      unitName: unitId,
    };
    this.people.set(id, member);
    return member;
  }

  /** The person with this id. */
  member(id: string): Member {
    const member = this.people.get(id);
    if (!member) throw new Error(`no person ${id}`);
    return member;
  }

  /** A fresh id, as the services' newId. */
  newId = (): string => `id-${++this.sequence}`;

  /** The access rules of domain/access.ts over this world. */
  access(): Access {
    return {
      decide: (actor, action, targetId) => {
        const target = this.people.get(targetId);
        if (!target) return Promise.resolve({ allowed: false, reason: 'NOT_PERMITTED' });
        const unitPath: string[] = [];
        for (let unit = this.units.get(target.unitId); unit; unit = unit.parentId ? this.units.get(unit.parentId) : undefined) unitPath.unshift(unit.id);
        return Promise.resolve(
          can(actor, action, { ...target, unitPath, ...this.ratingIds(targetId) }, {
            date: this.now.toISOString().slice(0, 10),
            actingAssignments: this.acting.filter((a) => a.actingEmployeeId === actor.id),
            hrRoles: this.hrRoles.filter((role) => role.employeeId === actor.id),
          }),
        );
      },
    };
  }

  /** The person as domain/ppk.ts builds chains from. */
  private chainPerson = (id: string): ChainPerson | undefined => {
    const person = this.people.get(id);
    if (!person) return undefined;
    return { ...person, positionType: this.positionTypes.get(id) ?? 'PENGAWAS', ppkDelegateId: this.delegations.get(id) ?? null, externalPpkId: null, externalAtasanPpkId: null };
  };

  /** The PPK and Atasan PPK of `employeeId` on the world's day (domain/ppk.ts over this world). */
  ratingIds(employeeId: string): { ppkId: string | null; atasanPpkId: string | null } {
    const employee = this.chainPerson(employeeId);
    if (!employee) return { ppkId: null, atasanPpkId: null };
    const today = this.now.toISOString().slice(0, 10);
    const line = ratingLineOf(raterChainOf(employee, this.chainPerson, (id) => this.acting.some((a) => a.actingForId === id && isActingOn(a, today))));
    return { ppkId: employeeIdOf(line.ppk), atasanPpkId: employeeIdOf(line.atasanPpk) };
  }

  /** A new unit of work for one decision. */
  work(): UnitOfWork {
    return new UnitOfWork(this.now);
  }
}

/**
 * Applies a unit of work to the in-memory stores, as the committer does to PostgreSQL: changes in
 * order, and a guarded change that changes nothing fails the commit with Conflict. (Memory stores
 * check their guards before changing anything, so a failed commit leaves their state as it was
 * for the changes that ran before it only when those were unguarded inserts – enough for tests.)
 */
export async function commitInMemory(work: UnitOfWork): Promise<void> {
  for (const change of work.changes) {
    const result = await change.apply(undefined as never);
    const count = typeof result === 'number' ? result : ((result as { count?: number } | undefined)?.count ?? 1);
    if (change.guarded && count === 0) throw new Conflict(change.what);
  }
}
