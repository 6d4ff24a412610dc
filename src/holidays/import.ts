/**
 * HR's holiday import. All or nothing: a file with a bad row changes nothing. A year whose
 * national list is in the file replaces the built-in entries of that year, since HR's list is
 * the decree; other holidays are added or renamed in place.
 */
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Table } from '../files/table.js';
import { HOLIDAY_COLUMNS, parseHolidayRows, type HolidayRow, type HolidayRowError } from './rows.js';
import { dateOnly } from './seed.js';

/** What an import did, or why it did nothing. */
export type HolidayImportResult =
  | { ok: false; missingColumns: string[]; errors: HolidayRowError[] }
  | { ok: true; added: number; updated: number; replaced: number; replacedYears: number[] };

/** Imports holidays; `defaultAgencyId` is used for agency holidays that name no agency. */
export async function importHolidays(
  prisma: PrismaClient,
  table: Table,
  options: { defaultAgencyId: string | undefined },
): Promise<HolidayImportResult> {
  const missingColumns = HOLIDAY_COLUMNS.filter((column) => !table.columns.includes(column));
  if (missingColumns.length > 0) return { ok: false, missingColumns, errors: [] };
  const { rows, errors } = parseHolidayRows(table);

  const agencies = await prisma.agency.findMany({ select: { id: true, name: true } });
  const agencyIdByName = new Map(agencies.map((agency) => [agency.name.toLowerCase(), agency.id]));
  const resolved: (HolidayRow & { agencyId: string | null })[] = [];
  for (const row of rows) {
    if (row.kind !== 'INSTANSI') {
      resolved.push({ ...row, agencyId: null });
      continue;
    }
    const agencyId = row.agencyName ? agencyIdByName.get(row.agencyName.toLowerCase()) : options.defaultAgencyId;
    if (agencyId) resolved.push({ ...row, agencyId });
    else if (row.agencyName) errors.push({ line: row.line, code: 'UNKNOWN_AGENCY', value: row.agencyName });
    else errors.push({ line: row.line, code: 'NO_AGENCY' });
  }
  if (errors.length > 0) return { ok: false, missingColumns: [], errors: errors.sort((a, b) => a.line - b.line) };

  const nationalYears = [...new Set(resolved.filter((row) => row.agencyId === null).map((row) => Number(row.date.slice(0, 4))))];
  return prisma.$transaction(async (tx) => {
    let replaced = 0;
    for (const year of nationalYears) {
      const removed = await tx.holiday.deleteMany({
        where: { source: 'SEED', agencyId: null, date: { gte: dateOnly(`${year}-01-01`), lte: dateOnly(`${year}-12-31`) } },
      });
      replaced += removed.count;
    }
    let added = 0;
    let updated = 0;
    for (const row of resolved) {
      const existing = await tx.holiday.findFirst({
        where: { date: dateOnly(row.date), agencyId: row.agencyId, name: { equals: row.name, mode: 'insensitive' } },
      });
      if (existing) {
        if (existing.kind !== row.kind || existing.name !== row.name || existing.source !== 'HR') {
          await tx.holiday.update({ where: { id: existing.id }, data: { kind: row.kind, name: row.name, source: 'HR' } });
          updated++;
        }
      } else {
        await tx.holiday.create({ data: { date: dateOnly(row.date), name: row.name, kind: row.kind, agencyId: row.agencyId, source: 'HR' } });
        added++;
      }
    }
    await tx.auditLog.create({
      data: { actorLabel: 'cli', action: 'holidays.import', entityType: 'Holiday', details: { added, updated, replaced, years: nationalYears } },
    });
    return { ok: true as const, added, updated, replaced, replacedYears: nationalYears };
  });
}
