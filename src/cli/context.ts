/**
 * What every CLI command gets: the configuration, the reader's language, output, and the
 * database opened (and migrated) on first use.
 */
import { stripControl } from '../channels/console/render.js';
import type { Config } from '../config/load.js';
import type { Locale } from '../i18n/catalogue.js';
import { commandsAsSlash } from '../i18n/command-names.js';
import { cliText } from '../i18n/cli.js';
import { databaseTargetOf, openDatabase, type Database } from '../storage/database.js';
import { applyMigrations } from '../storage/migrate.js';

/** A CLI command's environment. */
export interface CliContext {
  config: Config;
  locale: Locale;
  text: (typeof cliText)[Locale];
  out(line: string): void;
  err(line: string): void;
  /** True when stderr is a terminal (progress bars are drawn only there). */
  interactive: boolean;
  now(): Date;
  /** Opens the database once, applying pending migrations first. */
  database(): Promise<Database>;
  close(): Promise<void>;
}

/** Builds the context for one CLI run. */
export function createCliContext(config: Config, io: { out(line: string): void; err(line: string): void; interactive: boolean }): CliContext {
  let opened: Promise<Database> | undefined;
  return {
    config,
    locale: config.defaultLocale,
    text: cliText[config.defaultLocale],
    // Texts shared with the chat name commands with markers: a terminal shows them as "/name". Names
    // from an HR file or a Telegram group title may hold escape sequences: a terminal never gets them.
    out: (line) => io.out(stripControl(commandsAsSlash(line))),
    err: (line) => io.err(stripControl(commandsAsSlash(line))),
    interactive: io.interactive,
    now: () => new Date(),
    database() {
      opened ??= (async () => {
        const db = await openDatabase(databaseTargetOf(config));
        try {
          await applyMigrations(db.sql);
        } catch (error) {
          await db.close();
          throw error;
        }
        return db;
      })();
      return opened;
    },
    async close() {
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
}
