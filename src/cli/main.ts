/**
 * The admin CLI: `npm run cli -- <command>`. Output is in DEFAULT_LOCALE (Indonesian unless set).
 * Expected problems print one clear line and exit 1; nothing prints a stack trace at HR.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.js';
import {
  AppError,
  CliUsageError,
  ConfigError,
  DatabaseUnavailableError,
  EmbeddedDatabaseBusyError,
  MigrationError,
  TableFileError,
} from '../errors.js';
import { createCliContext, type CliContext } from './context.js';
import { holidaysImportCommand, holidaysListCommand } from './commands/holidays.js';
import { importOrgCommand } from './commands/import-org.js';
import { skpImportCommand } from './commands/skp-import.js';
import { skpEstablishCommand } from './commands/skp-establish.js';
import { linkCodesCommand } from './commands/link-codes.js';
import { hrAddCommand, hrListCommand, hrRemoveCommand } from './commands/hr.js';
import { leaveAddCommand, leaveListCommand } from './commands/leave.js';
import { actingAddCommand, actingEndCommand, actingListCommand } from './commands/acting.js';
import { actingImportCommand } from './commands/acting-import.js';
import { officialDelegateCommand, officialListCommand, officialRemoveCommand, officialSetCommand } from './commands/official.js';
import { migrateCommand } from './commands/migrate.js';
import { destinationsListCommand, destinationsRemoveCommand } from './commands/report-destinations.js';
import { scheduleListCommand, scheduleResetCommand, scheduleSetCommand } from './commands/schedule.js';
import { slackLinkCommand } from './commands/slack-link.js';
import { periodsSetCommand, periodsShowCommand } from './commands/periods.js';
import { exportCommand } from './commands/export.js';
import { statusCommand } from './commands/status.js';
import { followUpDecideCommand, followUpListCommand, pakListCommand, pakRecordCommand } from './commands/follow-up.js';

const OPTIONS = {
  instansi: { type: 'string' },
  unit: { type: 'string' },
  out: { type: 'string' },
  report: { type: 'string' },
  year: { type: 'string' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  'deactivate-missing': { type: 'boolean' },
  'max-error-rate': { type: 'string' },
  day: { type: 'string' },
  time: { type: 'string' },
  'reminder-hours': { type: 'string' },
  'deadline-hours': { type: 'string' },
  'escalate-after': { type: 'string' },
  questions: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  note: { type: 'string' },
  nip: { type: 'string' },
  for: { type: 'string' },
  kind: { type: 'string' },
  on: { type: 'string' },
  all: { type: 'boolean' },
  role: { type: 'string' },
  name: { type: 'string' },
  title: { type: 'string' },
  'official-nip': { type: 'string' },
  number: { type: 'string' },
  cadence: { type: 'string' },
  'skp-deadline': { type: 'string' },
  'objection-days': { type: 'string' },
  period: { type: 'string' },
  format: { type: 'string' },
  'evaluation-opens': { type: 'string' },
  'evaluation-closes': { type: 'string' },
  'distribution-level': { type: 'string' },
  'final-evaluation': { type: 'string' },
  id: { type: 'string' },
  outcome: { type: 'string' },
  tim: { type: 'string' },
  points: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one CLI invocation; returns the exit code. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    context.err(context.text.unknownOption({ message: (error as Error).message }));
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  try {
    if (!command || command === 'help' || values.help) {
      context.out(context.text.usage);
      return 0;
    }
    switch (command) {
      case 'periods':
        return await subcommand(context, command, rest[0], { show: () => periodsShowCommand(context, values), set: () => periodsSetCommand(context, values) });
      case 'slack-link':
        return await slackLinkCommand(context, values);
      case 'import-org':
        return await importOrgCommand(context, { ...values, file: rest[0] });
      case 'skp':
        if (rest[0] === 'import') return await skpImportCommand(context, { ...values, file: rest[1] });
        if (rest[0] === 'establish') return await skpEstablishCommand(context, values);
        context.err(context.text.unknownCommand({ command: `skp ${rest[0] ?? ''}`.trim() }));
        return 2;
      case 'link-codes':
        return await linkCodesCommand(context, values);
      case 'holidays':
        if (rest[0] === 'import') return await holidaysImportCommand(context, { ...values, file: rest[1] });
        if (rest[0] === 'list') return await holidaysListCommand(context, values);
        context.err(context.text.unknownCommand({ command: `holidays ${rest[0] ?? ''}`.trim() }));
        return 2;
      case 'schedule':
        return await subcommand(context, command, rest[0], {
          list: () => scheduleListCommand(context, values),
          set: () => scheduleSetCommand(context, values),
          reset: () => scheduleResetCommand(context, values),
        });
      case 'hr':
        return await subcommand(context, command, rest[0], {
          add: () => hrAddCommand(context, { ...values, nip: rest[1] }),
          list: () => hrListCommand(context, values),
          remove: () => hrRemoveCommand(context, { ...values, nip: rest[1] }),
        });
      case 'leave':
        return await subcommand(context, command, rest[0], {
          add: () => leaveAddCommand(context, { ...values, nip: rest[1] }),
          list: () => leaveListCommand(context, values),
        });
      case 'acting':
        return await subcommand(context, command, rest[0], {
          add: () => actingAddCommand(context, values),
          list: () => actingListCommand(context, values),
          end: () => actingEndCommand(context, values),
          import: () => actingImportCommand(context, { ...values, file: rest[1] }),
        });
      case 'official':
        return await subcommand(context, command, rest[0], {
          set: () => officialSetCommand(context, values),
          delegate: () => officialDelegateCommand(context, values),
          remove: () => officialRemoveCommand(context, values),
          list: () => officialListCommand(context, values),
        });
      case 'follow-up':
        return await subcommand(context, command, rest[0], {
          list: () => followUpListCommand(context, values),
          decide: () => followUpDecideCommand(context, values),
        });
      case 'pak':
        return await subcommand(context, command, rest[0], {
          record: () => pakRecordCommand(context, values),
          list: () => pakListCommand(context, values),
        });
      case 'report-destinations':
        return await subcommand(context, command, rest[0], {
          list: () => destinationsListCommand(context, values),
          remove: () => destinationsRemoveCommand(context, { ...values, chat: rest[1] }),
        });
      case 'export':
        return await exportCommand(context, values);
      case 'status':
        return await statusCommand(context);
      case 'migrate':
        return await migrateCommand(context);
      default:
        context.err(context.text.unknownCommand({ command }));
        return 2;
    }
  } catch (error) {
    context.err(describeError(context, error));
    return 1;
  }
}

/** Runs `command sub …`, or says which subcommands exist. */
async function subcommand(context: CliContext, command: string, sub: string | undefined, handlers: Record<string, () => Promise<number>>): Promise<number> {
  const handler = sub ? handlers[sub] : undefined;
  if (handler) return handler();
  context.err(context.text.unknownSubcommand({ command: `${command} ${sub ?? ''}`.trim(), known: Object.keys(handlers).join(', ') }));
  return 2;
}

function describeError(context: CliContext, error: unknown): string {
  if (error instanceof CliUsageError) return error.message;
  if (error instanceof TableFileError) return context.text.fileUnreadable({ message: error.message });
  if (error instanceof EmbeddedDatabaseBusyError) return context.text.databaseBusy({ dir: error.dir, pid: error.pid });
  if (error instanceof MigrationError) return context.text.migrationFailed({ message: error.message });
  if (error instanceof DatabaseUnavailableError) return context.text.databaseUnavailable(error);
  if (error instanceof AppError) return error.message;
  return context.text.unexpectedError({ message: error instanceof Error ? error.message : String(error) });
}

// Run when executed directly (npm run cli), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/cli/main.ts') || process.argv[1]?.endsWith('/cli/main.js')) {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78);
  }
  const context = createCliContext(config, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    interactive: process.stderr.isTTY === true,
  });
  const code = await runCli(process.argv.slice(2), context).finally(() => context.close());
  process.exit(code);
}
