/** `import-org <file>`: imports employees, units and supervisors from an HR file. */
import { writeFile } from 'node:fs/promises';
import { SingleBar, Presets } from 'cli-progress';
import { orgImportText } from '../../i18n/org-import.js';
import { outcomeCsv, formatOutcome } from '../../org-import/report.js';
import { runOrgImport } from '../../org-import/run.js';
import { CliUsageError } from '../../errors.js';
import type { CliContext } from '../context.js';

/** Default share of rejected rows that still imports the rest. */
export const DEFAULT_MAX_ERROR_PERCENT = 5;

export interface ImportOrgArgs {
  file: string | undefined;
  instansi?: string;
  'dry-run'?: boolean;
  force?: boolean;
  'deactivate-missing'?: boolean;
  'max-error-rate'?: string;
  report?: string;
}

/** Runs the import and prints the outcome; returns the process exit code. */
export async function importOrgCommand(context: CliContext, args: ImportOrgArgs): Promise<number> {
  if (!args.file) throw new CliUsageError(context.text.missingFile({ command: 'import-org' }));
  const percent = args['max-error-rate'] === undefined ? DEFAULT_MAX_ERROR_PERCENT : Number(args['max-error-rate']);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new CliUsageError(context.text.badOption({ option: 'max-error-rate', expected: context.text.badOptionPercent }));
  }
  const db = await context.database();
  const bar = context.interactive ? new SingleBar({ format: ' {phase} [{bar}] {percentage}% | {value}/{total}', stream: process.stderr }, Presets.shades_classic) : undefined;
  let started = false;
  const outcome = await runOrgImport(db.prisma, {
    file: args.file,
    agencyName: args.instansi,
    defaultTimeZone: context.config.defaultTimeZone,
    maxErrorRate: percent / 100,
    force: args.force ?? false,
    dryRun: args['dry-run'] ?? false,
    deactivateMissing: args['deactivate-missing'] ?? false,
    now: context.now(),
    onProgress: (phase, done, total) => {
      if (!bar) return;
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase });
    },
  }).finally(() => bar?.stop());

  for (const line of formatOutcome(outcome, context.locale)) context.out(line);
  if (args.report) {
    await writeFile(args.report, outcomeCsv(outcome, context.locale));
    context.out(orgImportText[context.locale].reportWritten({ path: args.report }));
  }
  return outcome.refusal ? 1 : 0;
}
