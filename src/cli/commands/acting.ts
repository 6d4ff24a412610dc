/**
 * `acting add | list | end`: HR records a Plt or Plh – who stands in for which official, from when
 * to when. While it runs the acting person sets expectations, evaluates and decides keberatan for
 * the official's reports, as the official would (rules in src/domain/acting.ts and access.ts).
 */
import { actingProblem, type ActingKind, type ActingPeriod } from '../../domain/acting.js';
import { formatCivilDate, parseCivilDate, type CivilDate } from '../../domain/civil-date.js';
import { localDate } from '../../domain/time-zones.js';
import { parseDate } from '../../conversation/inputs.js';
import { CliUsageError } from '../../errors.js';
import { decideAndCommit } from '../../services/commit.js';
import type { CliContext } from '../context.js';
import { chooseAgency, choosePerson } from './agency.js';

export interface ActingArgs {
  instansi?: string;
  nip?: string;
  for?: string;
  kind?: string;
  from?: string;
  to?: string;
  on?: string;
  note?: string;
  all?: boolean;
}

/** The kinds as typed (`--kind`, the import's `jenis`). */
export const KINDS: Record<string, ActingKind> = { plt: 'PLT', plh: 'PLH' };
/** A civil date as the date column it is stored in. */
export const asDate = (date: CivilDate) => new Date(`${formatCivilDate(date)}T00:00:00Z`);
const civil = (date: Date): CivilDate => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });

/** A stored assignment as the acting rules see it. */
export function periodOf(row: { employeeId: string; actingForId: string; startsOn: Date; endsOn: Date }): ActingPeriod {
  return { actingId: row.employeeId, forId: row.actingForId, start: civil(row.startsOn), end: civil(row.endsOn) };
}

function date(context: CliContext, timeZone: string, option: string, value: string | undefined): CivilDate {
  if (!value) throw new CliUsageError(context.text.actingUsage);
  // The same date forms as in chat: 2027-01-04, 04-01-2027, "hari ini".
  const typed = parseDate(value.trim(), localDate(context.now(), timeZone));
  const parsed = typed ? parseCivilDate(typed) : null;
  if (!parsed) throw new CliUsageError(context.text.badOption({ option, expected: context.text.badOptionDate }));
  return parsed;
}

export async function actingAddCommand(context: CliContext, args: ActingArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  if (!args.nip || !args.for || !args.kind) throw new CliUsageError(context.text.actingUsage);
  const kind = KINDS[args.kind.trim().toLowerCase()];
  if (!kind) throw new CliUsageError(context.text.badOption({ option: 'kind', expected: 'plt | plh' }));
  const acting = await choosePerson(db.prisma, context, agency.id, args.nip);
  const official = await choosePerson(db.prisma, context, agency.id, args.for);
  if (!acting.active) throw new CliUsageError(context.text.actingInactive({ name: acting.name }));
  const candidate: ActingPeriod = { actingId: acting.id, forId: official.id, start: date(context, agency.timeZone, 'from', args.from), end: date(context, agency.timeZone, 'to', args.to) };
  const { value: recorded } = await decideAndCommit(db.prisma, context.now(), async (work) => {
    // Read at the moment of deciding (and again if the commit finds a newer state), so two HR
    // officers recording at once cannot both cover one official.
    const others = await db.prisma.actingAssignment.findMany({
      where: { OR: [{ actingForId: official.id }, { employeeId: official.id, actingForId: acting.id }] },
    });
    const problem = actingProblem(candidate, others.map(periodOf));
    if (problem) return { ok: false as const, problem };
    const id = work.newId();
    work.change(`actingAssignment.insert ${id}`, (tx) =>
      tx.actingAssignment.create({
        data: { id, employeeId: acting.id, actingForId: official.id, kind, startsOn: asDate(candidate.start), endsOn: asDate(candidate.end), note: args.note?.trim() || null },
      }),
    );
    work.audit({ agencyId: agency.id, actorLabel: 'cli', action: 'acting.recorded', entityType: 'ActingAssignment', entityId: id, details: { acting: acting.nip, for: official.nip, kind, from: formatCivilDate(candidate.start), to: formatCivilDate(candidate.end) } });
    return { ok: true as const };
  });
  if (!recorded.ok) throw new CliUsageError(context.text.actingRefused({ reason: context.text[`acting${recorded.problem}`]({ acting: acting.name, official: official.name }) }));
  context.out(context.text.actingSaved({ kind: kind === 'PLT' ? 'Plt.' : 'Plh.', acting: acting.name, official: official.name, from: formatCivilDate(candidate.start), to: formatCivilDate(candidate.end) }));
  return 0;
}

/** Assignments that have not ended (with --all, every one), soonest first. */
export async function actingListCommand(context: CliContext, args: ActingArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const today = localDate(context.now(), agency.timeZone);
  const rows = await db.prisma.actingAssignment.findMany({
    where: { employee: { agencyId: agency.id }, ...(args.all ? {} : { endsOn: { gte: asDate(today) } }) },
    include: { employee: true, actingFor: true },
    orderBy: [{ startsOn: 'asc' }, { endsOn: 'asc' }],
  });
  if (rows.length === 0) {
    context.out(context.text.actingNone);
    return 0;
  }
  for (const row of rows) {
    context.out(
      context.text.actingLine({
        kind: row.kind === 'PLT' ? 'Plt.' : 'Plh.',
        acting: `${row.employee.name} (NIP ${row.employee.nip})`,
        official: `${row.actingFor.name} (NIP ${row.actingFor.nip})`,
        from: formatCivilDate(civil(row.startsOn)),
        to: formatCivilDate(civil(row.endsOn)),
      }),
    );
  }
  return 0;
}

/** Ends `--nip`'s current assignment for `--for` on `--on` (default today): from the next day they no longer act. */
export async function actingEndCommand(context: CliContext, args: ActingArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  if (!args.nip || !args.for) throw new CliUsageError(context.text.actingUsage);
  const acting = await choosePerson(db.prisma, context, agency.id, args.nip);
  const official = await choosePerson(db.prisma, context, agency.id, args.for);
  const on = args.on ? date(context, agency.timeZone, 'on', args.on) : localDate(context.now(), agency.timeZone);
  const current = await db.prisma.actingAssignment.findFirst({
    where: { employeeId: acting.id, actingForId: official.id, startsOn: { lte: asDate(on) }, endsOn: { gte: asDate(on) } },
  });
  if (!current) throw new CliUsageError(context.text.actingNotCurrent({ acting: acting.name, official: official.name, on: formatCivilDate(on) }));
  await decideAndCommit(db.prisma, context.now(), (work) => {
    work.change(`actingAssignment.end ${current.id}`, (tx) => tx.actingAssignment.update({ where: { id: current.id }, data: { endsOn: asDate(on) } }));
    work.audit({ agencyId: agency.id, actorLabel: 'cli', action: 'acting.ended', entityType: 'ActingAssignment', entityId: current.id, details: { on: formatCivilDate(on) } });
    return Promise.resolve(null);
  });
  context.out(context.text.actingEnded({ acting: acting.name, official: official.name, on: formatCivilDate(on) }));
  return 0;
}
