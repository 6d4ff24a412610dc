/**
 * `export --period 2026-Q4 [--unit "…"] [--format xlsx|csv] [--out path]`: the data HR enters into
 * e-Kinerja for a unit (with its sub-units) or the whole agency. Every option is checked before
 * anything is read or written. The files hold personal data, so they are readable by their owner only.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { parsePeriodKey, periodLabel } from '../../domain/periods.js';
import { CliUsageError } from '../../errors.js';
import { exportText } from '../../i18n/export.js';
import { buildEvaluationExport } from '../../reports/evaluation-export.js';
import { exportCsv, exportXlsx } from '../../reports/export-files.js';
import { exportBaseName, scopeName } from '../../reports/export-tables.js';
import { audit } from '../../services/audit.js';
import type { CliContext } from '../context.js';
import { chooseAgency, chooseUnit } from './agency.js';

export interface ExportArgs {
  instansi?: string;
  unit?: string;
  period?: string;
  format?: string;
  out?: string;
}

/** `--out` as given, or the default name inside it when it is a directory (or ends with "/"); without extension. */
async function outputBase(out: string | undefined, defaultName: string): Promise<string> {
  if (!out) return defaultName;
  const isDirectory = out.endsWith('/') || out.endsWith(sep) || (await stat(out).then((info) => info.isDirectory(), () => false));
  const base = isDirectory ? join(out, defaultName) : out.replace(/\.(xlsx|csv)$/i, '');
  await mkdir(dirname(base), { recursive: true });
  return base;
}

export async function exportCommand(context: CliContext, args: ExportArgs): Promise<number> {
  const t = exportText[context.locale];
  if (!args.period) throw new CliUsageError(t.periodRequired);
  const period = parsePeriodKey(args.period.trim().toUpperCase());
  if (!period) throw new CliUsageError(t.badPeriod({ value: args.period }));
  const format = (args.format ?? 'xlsx').trim().toLowerCase();
  if (format !== 'xlsx' && format !== 'csv') throw new CliUsageError(t.badFormat({ value: args.format ?? '' }));

  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const unit = args.unit ? await chooseUnit(db.prisma, context, agency.id, args.unit) : null;
  const data = await buildEvaluationExport(db.prisma, { agencyId: agency.id, unitId: unit?.id ?? null, period });
  const base = await outputBase(args.out, exportBaseName(data));
  const summary = { period: periodLabel(period, context.locale), scope: scopeName(data, context.locale), employees: data.employees.length, rhk: data.rhk.length };

  let files: string[];
  if (format === 'xlsx') {
    const file = `${base}.xlsx`;
    await writeFile(file, await exportXlsx(data, context.locale, context.now()), { mode: 0o600 });
    files = [file];
    context.out(t.writtenXlsx({ ...summary, file }));
  } else {
    const tables = await exportCsv(data, context.locale);
    files = tables.map((table) => `${base}-${table.suffix}.csv`);
    for (const [i, table] of tables.entries()) await writeFile(files[i] ?? '', table.content, { mode: 0o600 });
    context.out(t.writtenCsv({ ...summary, employeesFile: files[0] ?? '', rhkFile: files[1] ?? '', realisasiFile: files[2] ?? '', behaviourFile: files[3] ?? '' }));
  }
  await audit(db.prisma, {
    agencyId: agency.id,
    actorLabel: 'cli',
    action: 'export.created',
    entityType: unit ? 'Unit' : 'Agency',
    entityId: unit?.id ?? agency.id,
    details: { periodKey: period.key, format, employees: data.employees.length, files },
  });
  return 0;
}
