/**
 * `leave add | list`: HR records leave (cuti) from its own records; no check-in is sent during it.
 * The employee is told in chat, as when a supervisor records it with /cuti – the message waits in
 * the outbox and the running bot sends it.
 */
import { epochDay, formatCivilDate, parseCivilDate, type CivilDate } from '../../domain/civil-date.js';
import { localDate } from '../../domain/time-zones.js';
import { CliUsageError } from '../../errors.js';
import { parseDate } from '../../conversation/inputs.js';
import { reply, paragraph } from '../../conversation/reply.js';
import { checkinText } from '../../i18n/checkins.js';
import { audit } from '../../services/audit.js';
import { OutboxWriter } from '../../services/outbox.js';
import type { CliContext } from '../context.js';
import { chooseAgency, choosePerson } from './agency.js';

const MAX_DAYS = 90;

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
  if (epochDay(to) < epochDay(from)) throw new CliUsageError(checkinText[context.locale].leaveEndBeforeStart);
  if (epochDay(to) - epochDay(from) + 1 > MAX_DAYS) throw new CliUsageError(checkinText[context.locale].leaveTooLong);
  const start = formatCivilDate(from);
  const end = formatCivilDate(to);
  await db.prisma.$transaction(async (tx) => {
    const leave = await tx.leave.create({
      data: { employeeId: person.id, startsOn: new Date(`${start}T00:00:00Z`), endsOn: new Date(`${end}T00:00:00Z`), note: args.note?.trim() || null },
    });
    await audit(tx, { agencyId: agency.id, actorLabel: 'cli', action: 'leave.recorded', entityType: 'Leave', entityId: leave.id, details: { employeeId: person.id, start, end } });
    const text = checkinText[person.locale];
    await new OutboxWriter(tx).toPerson(person.id, [reply([paragraph(text.leaveSavedToEmployee({ by: text.leaveByHr, start, end }))])]);
  });
  context.out(checkinText[context.locale].leaveSaved({ name: person.name, start, end }));
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
