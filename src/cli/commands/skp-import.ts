/** `skp import <file>`: loads SKPs established outside the bot (e-Kinerja) as agreed plans. */
import { writeFile } from 'node:fs/promises';
import { CliUsageError } from '../../errors.js';
import { skpImportText } from '../../i18n/skp-import.js';
import { formatOutcome, outcomeCsv } from '../../skp-import/report.js';
import { runSkpImport } from '../../skp-import/run.js';
import type { CliContext } from '../context.js';

export interface SkpImportArgs {
  file: string | undefined;
  instansi?: string;
  'dry-run'?: boolean;
  report?: string;
}

/** Runs the import and prints the outcome; exit code 1 when the file was refused or any SKP was. */
export async function skpImportCommand(context: CliContext, args: SkpImportArgs): Promise<number> {
  if (!args.file) throw new CliUsageError(context.text.missingFile({ command: 'skp import' }));
  const db = await context.database();
  const outcome = await runSkpImport(db.prisma, { file: args.file, agencyName: args.instansi, dryRun: args['dry-run'] ?? false, now: context.now() });
  for (const line of formatOutcome(outcome, context.locale)) context.out(line);
  if (args.report) {
    await writeFile(args.report, outcomeCsv(outcome, context.locale));
    context.out(skpImportText[context.locale].reportWritten({ path: args.report }));
  }
  return outcome.refusal || outcome.rejected.length > 0 ? 1 : 0;
}
