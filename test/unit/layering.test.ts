/**
 * Layering, checked for every directory of src: which other directories (and which outside
 * packages) its files may import. The shape of DESIGN.md's middle layer – flows do not touch the
 * database, services import no flows or channels, channels import no services, the domain is pure
 * rules – stays true because a new import across a line fails here.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * What each directory may import from the rest of src. Anything not listed is refused; add an
 * edge only when it keeps the layers: rules → services → flows/bot → channels/app.
 */
const ALLOWED: Record<string, readonly string[]> = {
  domain: ['i18n'],
  i18n: [],
  logging: [],
  errors: [],
  paths: [],
  files: ['errors'],
  config: ['domain', 'errors'],
  http: ['errors', 'logging'],
  redis: ['errors', 'logging'],
  storage: ['errors', 'generated', 'paths'],
  conversation: ['domain', 'i18n'],
  jobs: ['generated', 'logging', 'redis'],
  // Evidence files: downloads (a job), the store, signed links served on the HTTP server.
  attachments: ['config', 'generated', 'http', 'i18n', 'logging'],
  linking: ['generated', 'services'],
  services: ['checkins', 'conversation', 'domain', 'generated', 'i18n', 'linking', 'storage'],
  notifications: ['conversation', 'domain', 'i18n', 'services'],
  checkins: ['conversation', 'domain', 'generated', 'i18n', 'jobs', 'services', 'storage'],
  // The documents gather their data through the services' reads and render PDFs; the deferred kinds come from notifications.
  documents: ['conversation', 'domain', 'generated', 'i18n', 'linking', 'notifications', 'services'],
  // Exports link evidence through the store's signed links.
  reports: ['attachments', 'conversation', 'documents', 'domain', 'files', 'generated', 'i18n', 'linking', 'services'],
  // The import asks the rating-line resolver who rated an SKP period a move closes.
  'org-import': ['domain', 'files', 'generated', 'i18n', 'services', 'storage'],
  'skp-import': ['domain', 'files', 'generated', 'i18n', 'storage'],
  holidays: ['domain', 'files', 'generated', 'paths', 'services'],
  // The demo establishes its SKPs the real way: the SKP import and the SKP service.
  demo: ['generated', 'services', 'skp-import'],
  flows: ['bot', 'checkins', 'conversation', 'domain', 'i18n', 'notifications', 'reports', 'services'],
  bot: ['conversation', 'domain', 'flows', 'generated', 'i18n', 'linking', 'logging', 'notifications', 'reports', 'services'],
  delivery: ['bot', 'conversation', 'generated', 'jobs', 'logging', 'storage'],
  channels: ['bot', 'config', 'conversation', 'delivery', 'generated', 'http', 'i18n', 'logging'],
  cli: ['attachments', 'channels', 'checkins', 'config', 'conversation', 'documents', 'domain', 'errors', 'files', 'generated', 'holidays', 'i18n', 'linking', 'notifications', 'org-import', 'redis', 'reports', 'services', 'skp-import', 'storage'],
  app: ['attachments', 'bot', 'channels', 'checkins', 'config', 'conversation', 'delivery', 'demo', 'domain', 'flows', 'generated', 'holidays', 'http', 'jobs', 'logging', 'redis', 'reports', 'services', 'skp-import', 'storage'],
  main: ['app', 'config', 'errors', 'logging', 'paths', 'redis'],
};

/** Outside packages a directory must not import (the database and platform SDKs stay behind their layers). */
const FORBIDDEN_PACKAGES: Record<string, readonly string[]> = {
  domain: ['@prisma', 'bullmq', 'ioredis', 'telegraf', '@slack', 'node:fs', 'node:net', 'node:http', 'pg', '@electric-sql'],
  conversation: ['@prisma', 'bullmq', 'ioredis', 'telegraf', '@slack', 'pg', '@electric-sql'],
  flows: ['@prisma', 'pg', '@electric-sql', 'bullmq', 'ioredis', 'telegraf', '@slack'],
  services: ['telegraf', '@slack', 'bullmq'],
  notifications: ['@prisma', 'pg', '@electric-sql', 'telegraf', '@slack', 'bullmq', 'ioredis'],
  channels: ['@prisma', 'pg', '@electric-sql'],
};

/** Every module specifier imported or re-exported by a source text, static or dynamic. */
function importedSpecifiers(source: string): string[] {
  const pattern = /(?:\bimport\s*(?:type\s+)?(?:[\w*{}\s,$]+\sfrom\s*)?|\bexport\s*(?:type\s+)?[\w*{}\s,$]*\sfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((m) => m[1] ?? '');
}

/** True when the specifier is the package or a path inside it (so 'pg' does not match 'pgp'). */
function isPackage(specifier: string, name: string): boolean {
  return specifier === name || specifier.startsWith(`${name}/`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? (entry.name === 'generated' ? [] : sourceFiles(join(dir, entry.name))) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The src directory (or top-level file such as errors.ts, named without ".ts") a path inside src belongs to. */
function layerOf(path: string): string {
  const first = relative(SRC, path).split(sep)[0] ?? '';
  return first.replace(/\.ts$/, '');
}

/** The layers a file imports from the rest of src. */
function importedLayers(file: string): string[] {
  return importedSpecifiers(readFileSync(file, 'utf8'))
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => layerOf(join(file, '..', specifier.replace(/\.js$/, '.ts'))))
    .filter((layer) => layer !== layerOf(file));
}

const files = sourceFiles(SRC);

describe('layering', () => {
  it('knows every directory of src', () => {
    const layers = new Set(files.map(layerOf));
    expect([...layers].filter((layer) => !(layer in ALLOWED))).toEqual([]);
    expect(layers.size).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((file) => [relative(SRC, file), file]))('%s imports only what its layer may', (_name, file) => {
    const layer = layerOf(file);
    const allowed = ALLOWED[layer] ?? [];
    expect(importedLayers(file).filter((imported) => !allowed.includes(imported))).toEqual([]);
    const forbidden = FORBIDDEN_PACKAGES[layer] ?? [];
    expect(importedSpecifiers(readFileSync(file, 'utf8')).filter((s) => forbidden.some((name) => isPackage(s, name)))).toEqual([]);
  });

  it('keeps the three lines of the middle layer', () => {
    expect(ALLOWED['flows']).not.toContain('generated');
    expect(ALLOWED['flows']).not.toContain('storage');
    expect(ALLOWED['services']).not.toContain('flows');
    expect(ALLOWED['services']).not.toContain('channels');
    expect(ALLOWED['channels']).not.toContain('services');
  });

  it('gives flows no database handle: they ask ctx.read and change things through ctx.services', () => {
    const flows = files.filter((file) => layerOf(file) === 'flows');
    expect(flows.length).toBeGreaterThan(10);
    const typedWithDatabase = flows.filter((file) => /\bBotContext\b|\bReader\b|\bctx\.db\b/.test(readFileSync(file, 'utf8')));
    expect(typedWithDatabase.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('recognises the import forms it must catch', () => {
    const source = [
      "import { PrismaClient } from '@prisma/client';",
      "import type { Employee } from '../generated/prisma/client.js';",
      "import * as fs from 'node:fs';",
      "export { Queue } from 'bullmq';",
      "const http = await import('node:http');",
      "import 'pg';",
      "import {\n  App,\n} from '@slack/bolt';",
      "import { Pool } from 'pg/lib/index.js';",
      "import pgp from 'pgp';",
    ].join('\n');
    expect(importedSpecifiers(source)).toEqual([
      '@prisma/client',
      '../generated/prisma/client.js',
      'node:fs',
      'bullmq',
      'node:http',
      'pg',
      '@slack/bolt',
      'pg/lib/index.js',
      'pgp',
    ]);
    expect(['pg', 'pg/lib/index.js', 'pgp'].filter((s) => isPackage(s, 'pg'))).toEqual(['pg', 'pg/lib/index.js']);
    expect(layerOf(join(SRC, 'flows', 'common.ts'))).toBe('flows');
    expect(importedLayers(join(SRC, 'flows', 'obstacles.ts'))).toContain('services');
  });
});
