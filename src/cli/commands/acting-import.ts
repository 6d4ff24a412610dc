/**
 * `acting import <file.csv|file.xlsx>`: many Plt/Plh at once, from the SK (decree) list HR keeps –
 * one row per assignment: `nip` (who acts), `untuk` (the official's NIP), `jenis` (plt|plh),
 * `mulai`, `selesai`, optionally `catatan` (e.g. the SK number). A file separate from the
 * organisation import, because assignments come by decree and change far more often than the
 * organisation. Every row is checked like `acting add` (src/domain/acting.ts), also against the
 * rows above it; refused rows are listed with their line and reason, the others are recorded; a
 * row already recorded is unchanged, so importing the same file again changes nothing. Rows are
 * recorded through the acting service, as `acting add` and /plt are, and the people concerned told.
 */
import { actingProblem, type ActingKind, type ActingPeriod } from '../../domain/acting.js';
import { formatCivilDate, parseCivilDate } from '../../domain/civil-date.js';
import { normalizeNip } from '../../domain/nip.js';
import { localDate } from '../../domain/time-zones.js';
import { parseDate } from '../../conversation/inputs.js';
import { CliUsageError } from '../../errors.js';
import { readTable } from '../../files/table.js';
import { notify } from '../../notifications/notify.js';
import { decideAndCommit } from '../../services/commit.js';
import type { DomainEvent } from '../../services/events.js';
import { servicesFor } from '../../services/registry.js';
import type { CliContext } from '../context.js';
import { KINDS, periodOf } from './acting.js';
import { chooseAgency } from './agency.js';
import { columnSet } from '../../files/columns.js';

type Column = 'nip' | 'untuk' | 'jenis' | 'mulai' | 'selesai' | 'catatan';
const REQUIRED: Column[] = ['nip', 'untuk', 'jenis', 'mulai', 'selesai'];
const COLUMNS = columnSet<Column>(REQUIRED, ['catatan'], {
  nip_plt: 'nip',
  nip_pelaksana: 'nip',
  nip_untuk: 'untuk',
  untuk_nip: 'untuk',
  nip_pejabat: 'untuk',
  nip_definitif: 'untuk',
  plt_untuk: 'untuk',
  jenis_plt: 'jenis',
  kind: 'jenis',
  tanggal_mulai: 'mulai',
  dari: 'mulai',
  tmt: 'mulai',
  tanggal_selesai: 'selesai',
  sampai: 'selesai',
  nomor_sk: 'catatan',
  keterangan: 'catatan',
});

export async function actingImportCommand(context: CliContext, args: { file?: string; instansi?: string; 'dry-run'?: boolean }): Promise<number> {
  const t = context.text;
  if (!args.file) throw new CliUsageError(t.missingFile({ command: 'acting import' }));
  const table = await readTable(args.file);
  const { missing } = COLUMNS.resolve(table.columns);
  if (missing.length > 0) throw new CliUsageError(t.actingImportMissingColumns({ columns: missing.join(', ') }));

  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const today = localDate(context.now(), agency.timeZone);
  const people = new Map((await db.prisma.employee.findMany({ where: { agencyId: agency.id }, select: { id: true, nip: true, name: true, active: true } })).map((e) => [e.nip, e]));
  const stored = await db.prisma.actingAssignment.findMany({ where: { employee: { agencyId: agency.id } } });
  const known: (ActingPeriod & { kind: ActingKind })[] = stored.map((row) => ({ ...periodOf(row), kind: row.kind }));

  const accepted: (ActingPeriod & { kind: ActingKind; note: string | null })[] = [];
  let refused = 0;
  let unchanged = 0;
  for (const row of table.rows) {
    const cells = COLUMNS.cells(row.cells);
    const cell = (name: Column) => (cells[name] ?? '').trim();
    const refuse = (reason: string) => {
      refused++;
      context.err(t.actingImportRow({ line: row.line, reason }));
    };
    const empty = REQUIRED.filter((name) => !cell(name));
    if (empty.length > 0) {
      refuse(t.actingImportEmpty({ columns: empty.join(', ') }));
      continue;
    }
    const person = (value: string) => {
      const nip = normalizeNip(value);
      return nip.ok ? people.get(nip.nip) : undefined;
    };
    const acting = person(cell('nip'));
    const official = person(cell('untuk'));
    const kind = KINDS[cell('jenis').toLowerCase()];
    const date = (name: Column) => {
      const typed = parseDate(cell(name), today);
      return typed ? parseCivilDate(typed) : null;
    };
    const start = date('mulai');
    const end = date('selesai');
    if (!acting) refuse(t.nipUnknown({ nip: cell('nip') }));
    else if (!official) refuse(t.nipUnknown({ nip: cell('untuk') }));
    else if (!kind) refuse(t.actingImportBadKind({ value: cell('jenis') }));
    else if (!start || !end) refuse(t.actingImportBadDate({ column: start ? 'selesai' : 'mulai', value: cell(start ? 'selesai' : 'mulai') }));
    else if (!acting.active) refuse(t.actingInactive({ name: acting.name }));
    else {
      const candidate = { actingId: acting.id, forId: official.id, start, end };
      const same = (other: ActingPeriod & { kind: ActingKind }) =>
        other.actingId === candidate.actingId && other.forId === candidate.forId && other.kind === kind && formatCivilDate(other.start) === formatCivilDate(start) && formatCivilDate(other.end) === formatCivilDate(end);
      if (known.some(same)) {
        unchanged++;
        continue;
      }
      const problem = actingProblem(candidate, [...known, ...accepted]);
      if (problem === 'END_BEFORE_START') refuse(t.actingImportEndBeforeStart);
      else if (problem) refuse(t[`acting${problem}`]({ acting: acting.name, official: official.name }));
      else accepted.push({ ...candidate, kind, note: cell('catatan') || null });
    }
  }

  if (!args['dry-run'] && accepted.length > 0) {
    // Each row through the same service as `acting add` and /plt, in one transaction, and the people told.
    await decideAndCommit(db.prisma, context.now(), async (work) => {
      const acting = servicesFor(db.prisma, work).acting;
      const events: DomainEvent[] = [];
      for (const assignment of accepted) {
        const recorded = await acting.record({ hr: { agencyId: agency.id, label: 'cli' } }, { actingId: assignment.actingId, forId: assignment.forId, kind: assignment.kind, start: assignment.start, end: assignment.end, note: assignment.note });
        // Checked above against the same rules; a refusal now means the data changed meanwhile: nothing is written.
        if (!recorded.ok) throw new CliUsageError(t.actingImportChanged);
        events.push(...recorded.events);
      }
      await notify(db.prisma, work, events);
      return null;
    });
  }
  context.out(t.actingImportSummary({ recorded: accepted.length, unchanged, refused }));
  if (args['dry-run']) context.out(t.actingImportDryRun);
  return refused > 0 ? 1 : 0;
}
