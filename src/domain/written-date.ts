/** Dates as HR files write them. */
import { formatCivilDate, isValidCivilDate } from './civil-date.js';

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1, februari: 2, february: 2, feb: 2, pebruari: 2, maret: 3, march: 3, mar: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, aug: 8, agt: 8, september: 9, sep: 9, sept: 9, oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11, nopember: 11, desember: 12, december: 12, des: 12, dec: 12,
};

/** "2026-01-05", "05-01-2026", "05/01/2026" or "5 Januari 2026" → "2026-01-05"; undefined otherwise. */
export function parseDate(raw: string): string | undefined {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const named = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(text);
  const namedMonth = named ? MONTHS[(named[2] ?? '').toLowerCase()] : undefined;
  const date = iso
    ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
    : dmy
      ? { year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]) }
      : named && namedMonth
        ? { year: Number(named[3]), month: namedMonth, day: Number(named[1]) }
        : undefined;
  return date && isValidCivilDate(date) ? formatCivilDate(date) : undefined;
}

