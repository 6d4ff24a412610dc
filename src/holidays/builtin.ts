/**
 * The built-in calendar of Indonesian national holidays: the decreed list for years we ship a
 * file for (data/holidays/<year>.csv), otherwise dates computed by the `date-holidays` package
 * with the names Indonesian decrees use. HR corrects and extends it with `holidays import`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsv } from '../files/table.js';
import { PROJECT_ROOT } from '../paths.js';
import { parseHolidayRows, type HolidayRow } from './rows.js';

/** Folder with the decreed calendars, one CSV per year. */
export const BUILTIN_HOLIDAY_DIR = join(PROJECT_ROOT, 'data', 'holidays');

/** Names used in the SKB, keyed by the date-holidays rule that computes the date. */
const NAME_BY_RULE: Record<string, string> = {
  '01-01': 'Tahun Baru Masehi',
  'chinese 01-0-01': 'Tahun Baru Imlek',
  'easter -2': 'Wafat Yesus Kristus',
  easter: 'Kebangkitan Yesus Kristus (Paskah)',
  '05-01': 'Hari Buruh Internasional',
  'easter 39': 'Kenaikan Yesus Kristus',
  '06-01': 'Hari Lahir Pancasila',
  '08-17': 'Proklamasi Kemerdekaan Republik Indonesia',
  '12-25': 'Kelahiran Yesus Kristus',
  '1 Muharram': 'Tahun Baru Islam',
  '12 Rabi al-awwal': 'Maulid Nabi Muhammad SAW',
  // date-holidays labels 27 Rajab as Maulid; it is Isra Mikraj.
  '27 Rajab': 'Isra Mikraj Nabi Muhammad SAW',
  '1 Shawwal': 'Idulfitri',
  '2 Shawwal': 'Idulfitri',
  '10 Dhu al-Hijjah': 'Iduladha',
};

/** Where a year's built-in calendar comes from. */
export type BuiltInSource = 'decree-file' | 'computed';

/** The built-in national holidays of `year`. */
export async function builtInHolidays(year: number): Promise<{ source: BuiltInSource; rows: HolidayRow[] }> {
  const file = join(BUILTIN_HOLIDAY_DIR, `${year}.csv`);
  if (existsSync(file)) {
    const parsed = parseHolidayRows(readCsv(readFileSync(file, 'utf8')));
    if (parsed.errors.length > 0) throw new Error(`${file} has errors on lines ${parsed.errors.map((e) => e.line).join(', ')}`);
    return { source: 'decree-file', rows: parsed.rows };
  }
  // date-holidays carries every country's rules and calendars (about 20 MB once loaded): imported only for a
  // year without a decree file that is not seeded yet – at most once a year, not at every start.
  const { default: Holidays } = await import('date-holidays');
  const calendar = new Holidays('ID');
  // Easter Sunday has been a national holiday since the 2024 decree; date-holidays does not list it.
  calendar.setHoliday('easter', { name: { id: NAME_BY_RULE['easter'] ?? 'Paskah' }, type: 'public' });
  const rows = calendar
    .getHolidays(year, 'id')
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => ({
      line: 0,
      date: holiday.date.slice(0, 10),
      name: NAME_BY_RULE[holiday.rule] ?? holiday.name,
      kind: 'NASIONAL' as const,
      agencyName: undefined,
    }));
  return { source: 'computed', rows };
}
