/**
 * `skp establish --nip <NIP> --number <nomor> --on <tanggal> [--year]`: HR records at the CLI what
 * /tetapkanskp records in chat – the penetapan of a submitted SKP by the official outside the bot
 * who is the employee's PPK (rules in services/skp-service.ts); the employee is told.
 */
import { formatCivilDate } from '../../domain/civil-date.js';
import { localDate } from '../../domain/time-zones.js';
import { CliUsageError } from '../../errors.js';
import { ownSkpText } from '../../i18n/own-skp.js';
import { notify } from '../../notifications/notify.js';
import { decideAndCommit } from '../../services/commit.js';
import { servicesFor } from '../../services/registry.js';
import type { CliContext } from '../context.js';
import { dateOption } from './acting.js';
import { chooseAgency, choosePerson } from './agency.js';

export interface SkpEstablishArgs {
  instansi?: string;
  nip?: string;
  number?: string;
  on?: string;
  year?: string;
}

export async function skpEstablishCommand(context: CliContext, args: SkpEstablishArgs): Promise<number> {
  const t = ownSkpText[context.locale];
  if (!args.nip || !args.number?.trim()) throw new CliUsageError(t.establishUsage);
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const employee = await choosePerson(db.prisma, context, agency.id, args.nip);
  const decidedOn = formatCivilDate(dateOption(context, agency.timeZone, 'on', args.on, t.establishUsage));
  const year = args.year ? Number(args.year) : localDate(context.now(), agency.timeZone).year;
  if (!Number.isInteger(year)) throw new CliUsageError(context.text.badOption({ option: 'year', expected: '2027' }));
  const latest = await db.prisma.plan.findFirst({ where: { employeeId: employee.id, year }, orderBy: { version: 'desc' }, select: { id: true } });
  if (!latest) throw new CliUsageError(t.noSubmittedPlan({ name: employee.name, year }));
  const { value: recorded } = await decideAndCommit(db.prisma, context.now(), async (work) => {
    const result = await servicesFor(db.prisma, work).skp.recordForOfficial('cli', latest.id, { documentNumber: args.number!.trim(), decidedOn });
    if (result.ok) await notify(db.prisma, work, result.events);
    return result;
  });
  if (!recorded.ok) {
    const refusal = recorded.refusal;
    if (refusal.code === 'PPK_IN_BOT') throw new CliUsageError(t.ppkInBot({ ppk: refusal.ppk }));
    if (refusal.code === 'NO_PPK') throw new CliUsageError(t.noOfficialRecorded({ name: employee.name }));
    throw new CliUsageError(t.noSubmittedPlan({ name: employee.name, year }));
  }
  const [event] = recorded.events;
  const official = event?.type === 'plan.established' && event.recordedFor ? `${event.recordedFor.name}, ${event.recordedFor.title}` : '-';
  context.out(t.recordedReply({ name: employee.name, official }));
  return 0;
}
