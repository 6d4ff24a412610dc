/**
 * `export --period 2026-Q4 [--unit "…"] [--format xlsx|csv|pdf] [--out path]`: the data HR enters into
 * e-Kinerja for a unit (with its sub-units) or the whole agency; pdf: its Dokumen Evaluasi and SKP
 * documents in one ZIP. Every option is checked before anything is read or written. The files hold
 * personal data, so they are readable by their owner only.
 */
import { openAttachments } from '../../attachments/setup.js';
import { storedEvidenceLinker } from '../../reports/stored-evidence-linker.js';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { parsePeriodKey, periodLabel } from '../../domain/periods.js';
import { CliUsageError } from '../../errors.js';
import { exportText } from '../../i18n/export.js';
import { buildEvaluationExport } from '../../reports/evaluation-export.js';
import { exportCsv, exportXlsx } from '../../reports/export-files.js';
import { exportBaseName, scopeName } from '../../reports/export-tables.js';
import { audit } from '../../services/audit.js';
import { makeDocumentsZip } from '../../documents/outputs.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { documentText } from '../../i18n/documents.js';
import type { CliContext } from '../context.js';
import { chooseAgency, chooseUnit } from './agency.js';

export interface ExportArgs {
  instansi?: string;
  unit?: string;
  period?: string;
  format?: string;
  out?: string;
}

/** `--format pdf`: the unit's Dokumen Evaluasi and SKP PDFs in one ZIP (no size cap, unlike the chat). */
async function documentsCommand(context: CliContext, prisma: PrismaClient, scope: { agencyId: string; unitId: string | null; periodKey: string }, out: string | undefined): Promise<number> {
  const t = documentText[context.locale];
  const made = await makeDocumentsZip(prisma, { ...scope, locale: context.locale, requestedBy: '', channel: 'cli' }, context.now());
  if (!made) return 1;
  if (made.bytes.length === 0) {
    context.out(t.zipEmpty({ scope: made.scope, period: made.period }));
    return 0;
  }
  const file = `${await outputBase(out?.replace(/\.zip$/i, ''), made.fileName.replace(/\.zip$/, ''))}.zip`;
  await writeFile(file, made.bytes, { mode: 0o600 });
  context.out(t.writtenZip({ scope: made.scope, period: made.period, evaluations: made.evaluations, skps: made.skps, penetapans: made.penetapans, file }));
  await audit(prisma, {
    agencyId: scope.agencyId,
    actorLabel: 'cli',
    action: 'export.created',
    entityType: scope.unitId ? 'Unit' : 'Agency',
    entityId: scope.unitId ?? scope.agencyId,
    details: { periodKey: scope.periodKey, format: 'pdf-zip', evaluations: made.evaluations, skps: made.skps, files: [file] },
  });
  return 0;
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
  if (format !== 'xlsx' && format !== 'csv' && format !== 'pdf') throw new CliUsageError(t.badFormat({ value: args.format ?? '' }));

  const db = await context.database();
  const agency = await chooseAgency(db.prisma, context, args.instansi);
  const unit = args.unit ? await chooseUnit(db.prisma, context, agency.id, args.unit) : null;
  if (format === 'pdf') return documentsCommand(context, db.prisma, { agencyId: agency.id, unitId: unit?.id ?? null, periodKey: period.key }, args.out);
  // Evidence links point at the bot's HTTP server (PUBLIC_BASE_URL when set), signed with its secret.
  const attachments = await openAttachments(context.config, `http://${context.config.http.host}:${context.config.http.port}`);
  const at = context.now();
  const linker = storedEvidenceLinker(db.prisma, (evidence, locale) => attachments.describe(evidence, locale, at));
  const data = await buildEvaluationExport(db.prisma, { agencyId: agency.id, unitId: unit?.id ?? null, period, linker });
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
