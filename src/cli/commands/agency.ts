/** Picks the agency a command works on: the one named, or the only one there is. */
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
