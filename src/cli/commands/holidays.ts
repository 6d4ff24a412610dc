/** `holidays import <file>` and `holidays list [--year]`. */
import { readTable } from '../../files/table.js';
import type { HolidayRowError } from '../../holidays/rows.js';
import { importHolidays } from '../../holidays/import.js';
import { dateOnly } from '../../holidays/seed.js';
import { localDate } from '../../domain/periods.js';
import { CliUsageError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { chooseAgency } from './agency.js';

function describeHolidayError(context: CliContext, error: HolidayRowError): string {
  const t = context.text;
  switch (error.code) {
    case 'MISSING_FIELD':
      return t.holidayMissingField(error);
    case 'BAD_DATE':
      return t.holidayBadDate(error);
    case 'BAD_KIND':
      return t.holidayBadKind(error);
    case 'UNKNOWN_AGENCY':
      return t.holidayUnknownAgency(error);
    case 'NO_AGENCY':
      return t.holidayNoAgency(error);
  }
}

export async function holidaysImportCommand(context: CliContext, args: { file: string | undefined; instansi?: string }): Promise<number> {
  if (!args.file) throw new CliUsageError(context.text.missingFile({ command: 'holidays import' }));
  const table = await readTable(args.file);
  const db = await context.database();
  const agency = args.instansi ? await chooseAgency(db.prisma, context, args.instansi) : undefined;
  const result = await importHolidays(db.prisma, table, { defaultAgencyId: agency?.id });
  if (!result.ok) {
    if (result.missingColumns.length > 0) context.err(context.text.holidayMissingColumns({ columns: result.missingColumns.join(', ') }));
    else {
      context.err(context.text.holidayErrorsHeader);
      for (const error of result.errors) context.err(describeHolidayError(context, error));
    }
    return 1;
  }
  context.out(
    context.text.holidaysImported({
      added: result.added,
      updated: result.updated,
      replaced: result.replaced,
      years: result.replacedYears.join(', '),
    }),
  );
  return 0;
}

export async function holidaysListCommand(context: CliContext, args: { year?: string }): Promise<number> {
  const year = args.year === undefined ? localDate(context.now(), context.config.defaultTimeZone).year : Number(args.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2999) {
    throw new CliUsageError(context.text.badOption({ option: 'year', expected: context.text.badOptionYear }));
  }
  const db = await context.database();
  const holidays = await db.prisma.holiday.findMany({
    where: { date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } },
    include: { agency: { select: { name: true } } },
    orderBy: [{ date: 'asc' }, { name: 'asc' }],
  });
  if (holidays.length === 0) {
    context.out(context.text.holidaysListEmpty({ year }));
    return 0;
  }
  const t = context.text;
  const kindLabel = { NASIONAL: t.holidayKindNasional, CUTI_BERSAMA: t.holidayKindCutiBersama, INSTANSI: t.holidayKindInstansi };
  context.out(t.holidaysListHeader({ year }));
  for (const holiday of holidays) {
    const notes = [kindLabel[holiday.kind], holiday.agency?.name, holiday.source === 'SEED' ? t.holidaySourceSeed : undefined].filter(Boolean);
    context.out(`  ${holiday.date.toISOString().slice(0, 10)}  ${holiday.name} (${notes.join(', ')})`);
  }
  return 0;
}
