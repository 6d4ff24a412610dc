/**
 * `leave add | list`: HR records leave (cuti) from its own records; no check-in is sent during it.
 * The employee is told in chat, as when a supervisor records it with /cuti – the message waits in
 * the outbox and the running bot sends it.
 */
import { formatCivilDate, parseCivilDate, type CivilDate } from '../../domain/civil-date.js';
import { localDate } from '../../domain/time-zones.js';
import { CliUsageError } from '../../errors.js';
import { parseDate } from '../../conversation/inputs.js';
import { checkinText } from '../../i18n/checkins.js';
import { notify } from '../../notifications/notify.js';
import { decideAndCommit } from '../../services/commit.js';
import { leaveDatesProblem } from '../../services/leave-service.js';
import { servicesFor } from '../../services/registry.js';
import type { CliContext } from '../context.js';
import { chooseAgency, choosePerson } from './agency.js';


export interface LeaveArgs {
  instansi?: string;
  nip?: string;
  from?: string;
  to?: string;
  note?: string;
}

function date(context: CliContext, timeZone: string, option: 'from' | 'to', value: string | undefined): CivilDate {
  if (!value) throw new CliUsageError(context.text.leaveDatesRequired);
  // The same date forms as in chat: 2026-12-21, 21-12-2026, "hari ini".
  const typed = parseDate(value.trim(), localDate(context.now(), timeZone));
  const parsed = typed ? parseCivilDate(typed) : null;
  if (!parsed) throw new CliUsageError(context.text.badOption({ option, expected: context.text.badOptionDate }));
  return parsed;
}

export async function leaveAddCommand(context: CliContext, args: LeaveArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const person = await choosePerson(db.prisma, context, agency.id, args.nip);
  const from = date(context, agency.timeZone, 'from', args.from);
  const to = date(context, agency.timeZone, 'to', args.to);
  const problem = leaveDatesProblem(from, to);
  if (problem) throw new CliUsageError(problem === 'END_BEFORE_START' ? checkinText[context.locale].leaveEndBeforeStart : checkinText[context.locale].leaveTooLong);
  const { value: recorded } = await decideAndCommit(db.prisma, context.now(), async (work) => {
    const result = await servicesFor(db.prisma, work).leave.record({ hr: { agencyId: agency.id, label: 'cli' } }, { employeeId: person.id, start: from, end: to, note: args.note?.trim() || null });
    if (result.ok) await notify(db.prisma, work, result.events);
    return result;
  });
  // The person and the dates were checked above: a refusal here means the person was removed meanwhile.
  if (!recorded.ok) throw new Error(`leave not recorded: ${recorded.refusal.code}`);
  context.out(checkinText[context.locale].leaveSaved({ name: person.name, start: recorded.value.start, end: recorded.value.end }));
  return 0;
}

/** Leave that has not ended yet, soonest first. */
export async function leaveListCommand(context: CliContext, args: LeaveArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const today = formatCivilDate(localDate(context.now(), agency.timeZone));
  const leaves = await db.prisma.leave.findMany({
    where: { employee: { agencyId: agency.id }, endsOn: { gte: new Date(`${today}T00:00:00Z`) } },
    include: { employee: true },
    orderBy: [{ startsOn: 'asc' }, { employee: { name: 'asc' } }],
  });
  if (leaves.length === 0) {
    context.out(context.text.leaveNone);
    return 0;
  }
  const day = (value: Date) => value.toISOString().slice(0, 10);
  for (const leave of leaves) context.out(`• ${leave.employee.name} (NIP ${leave.employee.nip}): ${day(leave.startsOn)} – ${day(leave.endsOn)}${leave.note ? ` (${leave.note})` : ''}`);
  return 0;
}
