/**
 * Leave (cuti): no check-in is sent while it lasts. An employee records their own; a supervisor
 * (or Plt/Plh) or HR may record a report's, and the employee is told. HR may also record it from
 * the CLI. One record covers at most 90 days and cannot end before it starts.
 */
import { epochDay, formatCivilDate, type CivilDate } from '../domain/civil-date.js';
import { authorise, type Access, type Denied } from './access.js';
import type { PersonRef } from './events.js';
import type { Member } from './people.js';
import { ok, refused, type Result } from './result.js';
import type { UnitOfWork } from './work.js';

/** Longest one leave record may be, in days (both ends counted). */
export const MAX_LEAVE_DAYS = 90;

/** Who records leave: a person in chat, or HR at the CLI (their records, no chat account). */
export type LeaveRecorder = { member: Member } | { hr: { agencyId: string; label: string } };

export interface LeaveStore {
  person(id: string): Promise<PersonRef | null>;
  insert(row: { id: string; employeeId: string; startsOn: Date; endsOn: Date; note: string | null; recordedById: string | null }): void;
}

export type LeaveRefusal = { code: 'NOT_FOUND' } | { code: 'END_BEFORE_START' } | { code: 'TOO_LONG' } | Denied;

export interface LeaveDependencies {
  leaves: LeaveStore;
  access: Access;
  work: UnitOfWork;
  newId: () => string;
}

/** Why dates cannot make one leave record; null when they can. */
export function leaveDatesProblem(start: CivilDate, end: CivilDate): 'END_BEFORE_START' | 'TOO_LONG' | null {
  if (epochDay(end) < epochDay(start)) return 'END_BEFORE_START';
  return epochDay(end) - epochDay(start) + 1 > MAX_LEAVE_DAYS ? 'TOO_LONG' : null;
}

export class LeaveService {
  constructor(private readonly deps: LeaveDependencies) {}

  async record(
    by: LeaveRecorder,
    input: { employeeId: string; start: CivilDate; end: CivilDate; note: string | null },
  ): Promise<Result<{ employee: PersonRef; start: string; end: string }, LeaveRefusal>> {
    const { leaves, work } = this.deps;
    if ('member' in by && input.employeeId !== by.member.id) {
      const denied = await authorise(this.deps.access, work, by.member, 'RECORD_LEAVE', input.employeeId);
      if (denied) return refused(denied);
    }
    const problem = leaveDatesProblem(input.start, input.end);
    if (problem) return refused({ code: problem });
    const employee = await leaves.person(input.employeeId);
    if (!employee) return refused({ code: 'NOT_FOUND' });
    const start = formatCivilDate(input.start);
    const end = formatCivilDate(input.end);
    const id = this.deps.newId();
    const recordedById = 'member' in by ? by.member.id : null;
    leaves.insert({ id, employeeId: employee.id, startsOn: new Date(`${start}T00:00:00Z`), endsOn: new Date(`${end}T00:00:00Z`), note: input.note, recordedById });
    work.audit({
      agencyId: 'member' in by ? by.member.agencyId : by.hr.agencyId,
      ...('member' in by ? { actorId: by.member.id } : { actorLabel: by.hr.label }),
      action: 'leave.recorded',
      entityType: 'Leave',
      entityId: id,
      details: { employeeId: employee.id, start, end },
    });
    // Someone else's leave is told to them.
    const events = recordedById === employee.id ? [] : [{ type: 'leave.recorded' as const, employee, by: 'member' in by ? by.member.name : null, start, end }];
    return ok({ employee, start, end }, events);
  }
}
