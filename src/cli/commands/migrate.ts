/** `migrate` (npm run db:migrate): applies pending migrations and says what it did. */
import { databaseTargetOf, openDatabase } from '../../storage/database.js';
import { applyMigrations } from '../../storage/migrate.js';
import type { CliContext } from '../context.js';

export async function migrateCommand(context: CliContext): Promise<number> {
  const db = await openDatabase(databaseTargetOf(context.config));
  try {
    const report = await applyMigrations(db.sql);
    for (const warning of report.warnings) context.err(warning);
    context.out(context.text.migrated({ applied: report.applied.join(', '), already: report.alreadyApplied }));
    return 0;
  } finally {
    await db.close();
  }
}
