/**
 * The project's error types, in one place. Each has a stable `code`, and a message that tells
 * an operator or HR officer what to do. Expected outcomes of user actions (a refused row, a
 * denied permission) are values, not errors; these are for situations that stop a command.
 */

/** Base of every error the project raises on purpose. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The environment does not describe a valid configuration; lists every problem. */
export class ConfigError extends AppError {
  constructor(readonly problems: string[]) {
    super(
      'CONFIG_INVALID',
      [
        'Invalid configuration:',
        ...problems.map((problem) => `  - ${problem}`),
        'Set these in the environment or in .env (see .env.example and the README).',
      ].join('\n'),
    );
  }
}

/** PostgreSQL did not answer at start-up. */
export class DatabaseUnavailableError extends AppError {
  constructor(
    readonly location: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      'DATABASE_UNAVAILABLE',
      `Cannot connect to PostgreSQL at ${location}: ${reason}. Check DATABASE_URL and that the server is running.`,
      options,
    );
  }
}

/** Another process already has the embedded database open. */
export class EmbeddedDatabaseBusyError extends AppError {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      'EMBEDDED_DATABASE_BUSY',
      `The embedded database in ${dir} is in use by another process (pid ${pid}). ` +
        'Stop the running bot first (the CLI and the bot cannot share the embedded database), ' +
        'or set DATABASE_URL to a PostgreSQL server so several processes can use it at once.',
    );
  }
}

/** The database's migration history blocks applying migrations, or a migration failed. */
export class MigrationError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('MIGRATION_FAILED', message, options);
  }
}

/** No Redis can be found or started. */
export class RedisUnavailableError extends AppError {
  constructor() {
    super(
      'REDIS_UNAVAILABLE',
      'No Redis found: REDIS_URL is not set, nothing answers on 127.0.0.1:6379 and redis-server is not installed. ' +
        'Install Redis (Debian/Ubuntu: sudo apt install redis-server; macOS: brew install redis) ' +
        'or set REDIS_URL to a Redis server, e.g. REDIS_URL=redis://localhost:6379.',
    );
  }
}

/** There is no redis-server program to start. */
export class RedisServerNotInstalledError extends AppError {
  constructor(binary: string) {
    super('REDIS_SERVER_NOT_INSTALLED', `${binary} was not found on PATH`);
  }
}

/** The configured HTTP port is taken. */
export class HttpPortInUseError extends AppError {
  constructor(host: string, port: number) {
    super('HTTP_PORT_IN_USE', `Port ${port} on ${host} is already in use; set HTTP_PORT to a free port.`);
  }
}

/** A file cannot be read as a table. */
export class TableFileError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('TABLE_FILE_UNREADABLE', message, options);
  }
}

/** A CLI command was used wrongly; the message is already in the reader's language. */
export class CliUsageError extends AppError {
  constructor(message: string) {
    super('CLI_USAGE', message);
  }
}
