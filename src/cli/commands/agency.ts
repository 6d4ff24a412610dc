/** Picks what a command works on: the agency named (or the only one there is), a unit, a person. */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { CliUsageError } from '../../errors.js';
import type { CliContext } from '../context.js';

export async function chooseAgency(prisma: PrismaClient, context: CliContext, name: string | undefined) {
  const agencies = await prisma.agency.findMany({ orderBy: { name: 'asc' } });
  if (name) {
    const agency = agencies.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!agency) throw new CliUsageError(context.text.agencyUnknown({ name, known: agencies.map((a) => a.name).join(', ') }));
    return agency;
  }
  if (agencies.length === 1 && agencies[0]) return agencies[0];
  throw new CliUsageError(
    agencies.length === 0
      ? context.text.agencyUnknown({ name: '', known: '' })
      : `${context.text.agencyRequired} (${agencies.map((a) => a.name).join(', ')})`,
  );
}

/** The agency's unit with this name (case-insensitive); two units of the same name are refused, not guessed. */
export async function chooseUnit(prisma: PrismaClient, context: CliContext, agencyId: string, name: string) {
  const units = await prisma.unit.findMany({ where: { agencyId, name: { equals: name.trim(), mode: 'insensitive' } }, include: { parent: { select: { name: true } } } });
  const [unit] = units;
  if (!unit) throw new CliUsageError(context.text.unitUnknown({ name }));
  if (units.length > 1) throw new CliUsageError(context.text.unitAmbiguous({ name, parents: units.map((u) => u.parent?.name ?? '–').join(', ') }));
  return unit;
}

/** The agency's employee with this NIP (spaces allowed, as NIPs are often written). */
export async function choosePerson(prisma: PrismaClient, context: CliContext, agencyId: string, nip: string | undefined) {
  if (!nip) throw new CliUsageError(context.text.nipRequired);
  const employee = await prisma.employee.findFirst({ where: { agencyId, nip: nip.replace(/\s+/g, '') } });
  if (!employee) throw new CliUsageError(context.text.nipUnknown({ nip }));
  return employee;
}
