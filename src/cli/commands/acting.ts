/**
 * `acting add | list | end`: HR records a Plt or Plh – who stands in for which official, from when
 * to when. While it runs the acting person sets expectations, evaluates and decides keberatan for
 * the official's reports, as the official would (rules in src/domain/acting.ts and access.ts).
 */
import type { ActingKind } from '../../domain/acting.js';
import { formatCivilDate, parseCivilDate, type CivilDate } from '../../domain/civil-date.js';
import { localDate } from '../../domain/time-zones.js';
import { parseDate } from '../../conversation/inputs.js';
import { CliUsageError } from '../../errors.js';
import { notify } from '../../notifications/notify.js';
import type { ActingRefusal } from '../../services/acting-service.js';
import { asDate, civilOf } from '../../services/acting-store.js';
import { decideAndCommit } from '../../services/commit.js';
import { servicesFor } from '../../services/registry.js';
import type { CliContext } from '../context.js';
import { chooseAgency, choosePerson } from './agency.js';

// The stored form of assignments lives with their store; the import reads it from here.
export { asDate, periodOf } from '../../services/acting-store.js';

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
const civil = civilOf;
/** HR at the CLI, as the acting service knows it. */
const cliRecorder = (agencyId: string) => ({ hr: { agencyId, label: 'cli' } });

/** A date option (`--from 2027-01-04`, `--on hari ini`) as a civil date; `usage` when it is missing. */
export function dateOption(context: CliContext, timeZone: string, option: string, value: string | undefined, usage: string = context.text.actingUsage): CivilDate {
  if (!value) throw new CliUsageError(usage);
  // The same date forms as in chat: 2027-01-04, 04-01-2027, "hari ini".
  const typed = parseDate(value.trim(), localDate(context.now(), timeZone));
  const parsed = typed ? parseCivilDate(typed) : null;
  if (!parsed) throw new CliUsageError(context.text.badOption({ option, expected: context.text.badOptionDate }));
  return parsed;
}

/** The acting service's refusal as the CLI says it. */
function refusalText(context: CliContext, refusal: ActingRefusal, names: { acting: string; official: string }): string {
  switch (refusal.code) {
    case 'INACTIVE':
      return context.text.actingInactive({ name: refusal.person });
    case 'SELF':
    case 'END_BEFORE_START':
    case 'OFFICIAL_ALREADY_COVERED':
    case 'CYCLE':
      return context.text.actingRefused({ reason: context.text[`acting${refusal.code}`](names) });
    default:
      // The people were found in the agency just before: they went meanwhile.
      return context.text.actingRefused({ reason: refusal.code });
  }
}

export async function actingAddCommand(context: CliContext, args: ActingArgs): Promise<number> {
  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  if (!args.nip || !args.for || !args.kind) throw new CliUsageError(context.text.actingUsage);
  const kind = KINDS[args.kind.trim().toLowerCase()];
  if (!kind) throw new CliUsageError(context.text.badOption({ option: 'kind', expected: 'plt | plh' }));
  const acting = await choosePerson(db.prisma, context, agency.id, args.nip);
  const official = await choosePerson(db.prisma, context, agency.id, args.for);
  const input = { actingId: acting.id, forId: official.id, kind, start: dateOption(context, agency.timeZone, 'from', args.from), end: dateOption(context, agency.timeZone, 'to', args.to), note: args.note ?? null };
  // The same rules as /plt in chat (services/acting-service.ts); the people concerned are told in chat.
  const { value: recorded } = await decideAndCommit(db.prisma, context.now(), async (work) => {
    const result = await servicesFor(db.prisma, work).acting.record(cliRecorder(agency.id), input);
    if (result.ok) await notify(db.prisma, work, result.events);
    return result;
  });
  if (!recorded.ok) throw new CliUsageError(refusalText(context, recorded.refusal, { acting: acting.name, official: official.name }));
  const { start, end } = recorded.value;
  context.out(context.text.actingSaved({ kind: kind === 'PLT' ? 'Plt.' : 'Plh.', acting: acting.name, official: official.name, from: start, to: end }));
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
  const on = args.on ? dateOption(context, agency.timeZone, 'on', args.on) : localDate(context.now(), agency.timeZone);
  const current = await db.prisma.actingAssignment.findFirst({
    where: { employeeId: acting.id, actingForId: official.id, startsOn: { lte: asDate(on) }, endsOn: { gte: asDate(on) } },
  });
  if (!current) throw new CliUsageError(context.text.actingNotCurrent({ acting: acting.name, official: official.name, on: formatCivilDate(on) }));
  const { value: ended } = await decideAndCommit(db.prisma, context.now(), async (work) => {
    const result = await servicesFor(db.prisma, work).acting.end(cliRecorder(agency.id), { id: current.id, on });
    if (result.ok) await notify(db.prisma, work, result.events);
    return result;
  });
  if (!ended.ok) throw new CliUsageError(refusalText(context, ended.refusal, { acting: acting.name, official: official.name }));
  context.out(context.text.actingEnded({ acting: acting.name, official: official.name, on: formatCivilDate(on) }));
  return 0;
}
