/**
 * `hr add | list | remove`: who is pengelola kinerja (HR) in the bot – for the whole agency, or
 * with --unit for one unit and everything below it. HR may use /laporan, /daftarlaporan and
 * /jadwal, and record leave for anyone in scope.
 */
import type { CliContext } from '../context.js';
import { audit } from '../../services/audit.js';
import { chooseAgency, choosePerson, chooseUnit } from './agency.js';

export interface HrArgs {
  instansi?: string;
  unit?: string;
  nip?: string;
}

export async function hrAddCommand(context: CliContext, args: HrArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const person = await choosePerson(db.prisma, context, agency.id, args.nip);
  const unit = args.unit ? await chooseUnit(db.prisma, context, agency.id, args.unit) : null;
  await db.prisma.$transaction(async (tx) => {
    const key = { employeeId: person.id, agencyId: agency.id, role: 'PENGELOLA_KINERJA' as const };
    const role = await tx.hrRole.upsert({ where: { employeeId_agencyId_role: key }, create: { ...key, unitId: unit?.id ?? null }, update: { unitId: unit?.id ?? null } });
    await audit(tx, { agencyId: agency.id, actorLabel: 'cli', action: 'hrRole.granted', entityType: 'HrRole', entityId: role.id, details: { employeeId: person.id, unitId: unit?.id ?? null } });
  });
  context.out(context.text.hrAdded({ name: person.name, scope: unit ? unit.name : agency.name }));
  return 0;
}

export async function hrListCommand(context: CliContext, args: HrArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const roles = await db.prisma.hrRole.findMany({ where: { agencyId: agency.id }, include: { employee: true, unit: true }, orderBy: { employee: { name: 'asc' } } });
  if (roles.length === 0) {
    context.out(context.text.hrNone);
    return 0;
  }
  context.out(context.text.hrListHeader({ agency: agency.name }));
  for (const role of roles) context.out(`• ${role.employee.name} (NIP ${role.employee.nip}) – ${role.unit?.name ?? agency.name}`);
  return 0;
}

export async function hrRemoveCommand(context: CliContext, args: HrArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const person = await choosePerson(db.prisma, context, agency.id, args.nip);
  const removed = await db.prisma.$transaction(async (tx) => {
    const result = await tx.hrRole.deleteMany({ where: { employeeId: person.id, agencyId: agency.id } });
    if (result.count > 0) await audit(tx, { agencyId: agency.id, actorLabel: 'cli', action: 'hrRole.revoked', entityType: 'Employee', entityId: person.id });
    return result.count;
  });
  context.out(removed > 0 ? context.text.hrRemoved({ name: person.name }) : context.text.hrNotHr({ name: person.name }));
  return 0;
}
